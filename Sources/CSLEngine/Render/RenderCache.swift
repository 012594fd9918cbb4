import BibModel
import CSLStyle

/// Memoized results shared by the renderers of one processing run (one thread). Names
/// repeat across items and renderings; their initials are worked out once. Number values
/// (locators, pages, volumes) repeat too; each is parsed once per style and label.
final class RenderCache {
  private var initialsTable: [InitialsKey: String] = [:]
  private var numberTable: [NumberKey: NumberValue] = [:]
  private var affixTable: [String: Node] = [:]
  /// Plans in an open-addressed table (`NamesPlan.Key.slot`), probed in turn from a key's slot;
  /// kept at most half full.
  private var plans: [NamesPlan?] = Array(repeating: nil, count: 64)
  private(set) var planCount = 0
  private var substitutes: [SubstituteKey: (element: CSL.Element, child: CSL.Names, names: CSL.Names)] = [:]
  private var sortNameElements: [CSLVariable: CSL.Names] = [:]
  /// The most plans and substituted elements kept: a style has a few dozen `cs:names`, so
  /// only elements made afresh at each rendering could reach it (kept, they would fill memory).
  static let elementLimit = 4096
  /// Whether this run renders beside others (a chunk of a parallel map): then it renders with
  /// private copies of the styles (`CompiledStyle.checkOutCopy`), given back when it ends.
  private let rendersInParallel: Bool
  private var copies: [ObjectIdentifier: (original: CompiledStyle, copy: CompiledStyle)] = [:]
  /// The pair `privateStyle` handed out last.
  private var last: (original: CompiledStyle, copy: CompiledStyle)?

  init(rendersInParallel: Bool = false) { self.rendersInParallel = rendersInParallel }

  deinit {
    for (original, copy) in copies.values { original.checkIn(copy) }
  }

  /// The style to render with: a private copy of `style` in a parallel run, else `style`.
  func privateStyle(_ style: CompiledStyle) -> CompiledStyle {
    guard rendersInParallel else { return style }
    // A run renders with one style but for items in other languages: the last one asked for
    // is found without hashing (the table was looked up at every rendering, some 420
    // instructions each).
    if let last, last.original === style { return last.copy }
    let key = ObjectIdentifier(style)
    let copy: CompiledStyle
    if let held = copies[key] {
      copy = held.copy
    } else {
      copy = style.checkOutCopy()
      copies[key] = (style, copy)
    }
    last = (style, copy)
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

  /// The plan of a `cs:names` where it stands (`Renderer.namesPlan`), made the first time.
  func namesPlan(_ key: NamesPlan.Key, make: () -> NamesPlan) -> NamesPlan {
    var slot = key.slot(of: plans.count)
    while let held = plans[slot] {
      if held.key == key { return held }
      slot = (slot + 1) & (plans.count - 1)
    }
    let plan = make()
    guard planCount < Self.elementLimit else { return plan }
    plans[slot] = plan
    planCount += 1
    if 2 * planCount > plans.count { growPlans() }
    return plan
  }

  /// Doubles the plan table, each plan placed again from its key's slot.
  private func growPlans() {
    var grown = [NamesPlan?](repeating: nil, count: 2 * plans.count)
    for case let plan? in plans {
      var slot = plan.key.slot(of: grown.count)
      while grown[slot] != nil { slot = (slot + 1) & (grown.count - 1) }
      grown[slot] = plan
    }
    plans = grown
  }

  /// A substitute's `cs:names` with the decoration of the one it replaces
  /// (`Renderer.substitution`), as an element: one storage for each pair, so the plans keyed
  /// by it are found again, and one element (made for each candidate, the element's box was
  /// an allocation a candidate tried).
  func substitute(_ child: CSL.Names, decoratedAs names: CSL.Names) -> CSL.Element {
    let key = SubstituteKey(child: child.storageIdentity, names: names.storageIdentity)
    if let found = substitutes[key]?.element { return found }
    var decorated = child
    decorated.decoration = names.decoration
    let element = CSL.Element.names(decorated)
    if substitutes.count < Self.elementLimit { substitutes[key] = (element, child, names) }
    return element
  }

  /// The `cs:names` a sort key by a name variable renders: one for each variable.
  func sortNames(_ variable: CSLVariable) -> CSL.Names {
    if let found = sortNameElements[variable] { return found }
    let names = CSL.Names(variables: [variable])
    if sortNameElements.count < Self.elementLimit { sortNameElements[variable] = names }
    return names
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

/// A substituted `cs:names` and the one it replaces, by storage (`RenderCache.substitute`).
private struct SubstituteKey: Hashable {
  let child: ObjectIdentifier
  let names: ObjectIdentifier
}

/// What one number parse depends on.
struct NumberKey: Hashable {
  var value: String
  var variable: CSLVariable
  var locatorLabel: String?
  var isLegalCase: Bool
  var style: ObjectIdentifier
}
