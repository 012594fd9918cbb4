import BibModel

/// Memoized results shared by the renderers of one processing run (one thread). Names
/// repeat across items and renderings; their initials are worked out once. Number values
/// (locators, pages, volumes) repeat too; each is parsed once per style and label.
final class RenderCache {
  private var initialsTable: [InitialsKey: String] = [:]
  private var numberTable: [NumberKey: NumberValue] = [:]
  private var affixTable: [String: Node] = [:]
  /// Whether this run renders beside others (a chunk of a parallel map): then it renders with
  /// private copies of the styles (`CompiledStyle.checkOutCopy`), given back when it ends.
  private let rendersInParallel: Bool
  private var copies: [ObjectIdentifier: (original: CompiledStyle, copy: CompiledStyle)] = [:]

  init(rendersInParallel: Bool = false) { self.rendersInParallel = rendersInParallel }

  deinit {
    for (original, copy) in copies.values { original.checkIn(copy) }
  }

  /// The style to render with: a private copy of `style` in a parallel run, else `style`.
  func privateStyle(_ style: CompiledStyle) -> CompiledStyle {
    guard rendersInParallel else { return style }
    let key = ObjectIdentifier(style)
    if let held = copies[key] { return held.copy }
    let copy = style.checkOutCopy()
    copies[key] = (style, copy)
    return copy
  }

  /// The parse of a number variable's value: `parse` runs the first time a key is seen. The
  /// parse reads only the value, the variable, the locator's label, whether the item is a legal
  /// case, and the style's terms (`style`, the compiled style rendering the item).
  func number(_ key: NumberKey, parse: () -> NumberValue) -> NumberValue {
    if let found = numberTable[key] { return found }
    let value = parse()
    numberTable[key] = value
    return value
  }

  /// A style's prefix or suffix as a node (`Renderer.affix`): a style has a few dozen, and
  /// every element that carries one parsed it again.
  func affix(_ text: String) -> Node {
    if let found = affixTable[text] { return found }
    let node = Renderer.affix(text)
    affixTable[text] = node
    return node
  }

  func initials(_ given: String, with mark: String, hyphen: Bool, initialize: Bool) -> String {
    let key = InitialsKey(given: given, mark: mark, hyphen: hyphen, initialize: initialize)
    if let found = initialsTable[key] { return found }
    let value = Renderer.initials(given, with: mark, hyphen: hyphen, initialize: initialize)
    initialsTable[key] = value
    return value
  }
}

/// The arguments of one `initials` call. Hashed by the given name alone: a run's calls share
/// the style's mark and flags, so hashing them too only added work to every look-up.
private struct InitialsKey: Hashable {
  var given: String
  var mark: String
  var hyphen: Bool
  var initialize: Bool

  func hash(into hasher: inout Hasher) { hasher.combine(given) }
}

/// What one number parse depends on.
struct NumberKey: Hashable {
  var value: String
  var variable: CSLVariable
  var locatorLabel: String?
  var isLegalCase: Bool
  var style: ObjectIdentifier
}
