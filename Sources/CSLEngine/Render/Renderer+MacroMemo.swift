import BibModel
import CSLStyle

/// What a macro rendered in a cite, and what the rendering left behind in the renderer.
struct MacroMemoEntry: Sendable {
  var rendered: Rendered
  var suppressed: VariableSet
  var inFirstNames: Bool
  var renderedNames: Bool
  var reachedTextVariable: Bool
  var namesVariable: CSLVariable
  var namesetNames: [Name]
}

/// Everything a macro's rendering in a cite depends on besides the item, once the macro never
/// reads the locator (`MacroGraph.isCiteMemoizable`) and the renderer starts from its
/// plain state (`Renderer.macroMemoKey`).
struct MacroMemoKey: Equatable, Sendable {
  var macro: String
  var style: ObjectIdentifier
  var state: DisambiguationState
  /// The cite's context, locator and label left out.
  var context: CiteContext
  var inFirstNames: Bool
  var renderedNames: Bool
  var suppressFirstNames: Bool
  var renderDepth: Int
}

/// The macro renderings of one processor's cites, per item, shared by all its threads: a
/// source cited fifty times is mostly cited from different threads' share of the citations.
/// An item holds a few entries (a macro or two, a context or two), found by comparing keys,
/// with no hashing. An item's renderings are kept from its second rendering on: most items of
/// a bibliography are cited once, and keeping theirs would cost without ever paying back.
final class MacroMemo: Sendable {
  private struct Item {
    var misses = 0
    /// Keys and their renderings, side by side: a search over pairs copied each pair it
    /// looked at, retaining every part of the rendering.
    var keys: [MacroMemoKey] = []
    var entries: [MacroMemoEntry] = []
  }

  private struct State {
    var items: [Item] = []
  }

  // Held through a generic class: a `Mutex` stored directly in this non-generic class
  // corrupted the heap of debug test runs with Swift 6.3.1 ("corrupted double-linked list"),
  // even when never locked; `Locked` (like `Background`) does not.
  private let state = Locked(State())

  /// The kept rendering, or nil and whether the rendering about to be made should be kept.
  func entry(item: Int, key: MacroMemoKey) -> (entry: MacroMemoEntry?, keep: Bool) {
    state.withLock { state in
      if item >= state.items.count {
        state.items.append(contentsOf: repeatElement(Item(), count: item + 1 - state.items.count))
      }
      for index in state.items[item].keys.indices where state.items[item].keys[index] == key {
        return (state.items[item].entries[index], false)
      }
      state.items[item].misses += 1
      return (nil, state.items[item].misses > 1)
    }
  }

  func remember(item: Int, key: MacroMemoKey, entry: MacroMemoEntry) {
    state.withLock { state in
      // Two threads may render the same macro for the same cite at once: keep one.
      guard item < state.items.count, !state.items[item].keys.contains(key) else { return }
      state.items[item].keys.append(key)
      state.items[item].entries.append(entry)
    }
  }
}

extension Renderer {
  /// A macro's body rendered in a cite, or the same rendering of an earlier cite of the item.
  ///
  /// A document cites a source many times over (a knowledge base's report cites each source
  /// for every statement it supports), and the author and year macros print the same every
  /// time: only the locator changes. So in citations, a macro that never reads the locator,
  /// rendered from the renderer's plain state, is kept by the processor (`MacroMemo`) under
  /// the item and everything else it can depend on (`MacroMemoKey`: the item's disambiguation
  /// state, the cite's position and numbers, which names came before), with the bookkeeping it leaves
  /// behind (variables a substitute suppressed, whether names were printed), which a later
  /// cite replays.
  func renderMacroBody(_ name: String, _ elements: [CSL.Element], memoizable: Bool) -> Rendered {
    guard memoizable, let (memo, item) = macroMemo, let key = macroMemoKey(name) else {
      return render(elements, delimiter: nil)
    }
    let (found, keep) = memo.entry(item: item, key: key)
    if let entry = found {
      suppressed = entry.suppressed
      inFirstNames = entry.inFirstNames
      renderedNames = entry.renderedNames
      reachedTextVariable = reachedTextVariable || entry.reachedTextVariable
      namesVariable = entry.namesVariable
      namesetNames = entry.namesetNames
      return entry.rendered
    }
    guard keep else { return render(elements, delimiter: nil) }
    let reachedBefore = reachedTextVariable
    reachedTextVariable = false
    let rendered = render(elements, delimiter: nil)
    memo.remember(
      item: item, key: key,
      entry: MacroMemoEntry(
        rendered: rendered, suppressed: suppressed, inFirstNames: inFirstNames, renderedNames: renderedNames,
        reachedTextVariable: reachedTextVariable, namesVariable: namesVariable, namesetNames: namesetNames))
    reachedTextVariable = reachedBefore || reachedTextVariable
    return rendered
  }

  /// The memo key for rendering this (memoizable) macro now, nil when the memo does not apply.
  private func macroMemoKey(_ name: String) -> MacroMemoKey? {
    guard mode == .citation, macroDepth == 1, suppressed.isEmpty,
      substituteParent == nil, sortNameOverrides == nil, seenNames == nil, nameForms == nil,
      namesetNames.isEmpty, disambiguateTestsHeld == 0, printedNames == nil, givenLevelReads == nil, !comparing
    else { return nil }
    var context = cite
    context.locator = nil
    context.label = nil
    return MacroMemoKey(
      macro: name, style: compiled.identity, state: disambiguation, context: context,
      inFirstNames: inFirstNames, renderedNames: renderedNames, suppressFirstNames: suppressFirstNames,
      renderDepth: renderDepth)
  }
}

extension MacroGraph {
  /// The verdicts of the macros the citation layout calls itself (only their renderings are
  /// kept: `Renderer.macroMemoKey`), and of those they call, each macro judged once. A
  /// bibliography's macros, most of a style, are never walked.
  static func citeMemoizableMacros(_ style: CSL.Style, renders: (String) -> Bool) -> [String: Bool] {
    var called: [String] = []
    _ = contains(style.citation?.layout.children ?? []) { element in
      if case .text(let text) = element, case .macro(let name) = text.source { called.append(name) }
      return false
    }
    var verdicts: [String: Bool] = [:]
    for name in called where verdicts[name] == nil {
      _ = isCiteMemoizable(name, style: style, renders: renders, verdicts: &verdicts)
    }
    return verdicts
  }

  /// Whether a macro's rendering in a cite can be kept for later cites of the item: the macro,
  /// with every macro it calls, never reads the locator (a `locator` variable, label, number
  /// or condition) nor tests `disambiguate`, and renders (`renders`: not recursive). `verdicts`
  /// holds those found so far; a macro under judgement reads as "no".
  private static func isCiteMemoizable(
    _ name: String, style: CSL.Style, renders: (String) -> Bool, verdicts: inout [String: Bool]
  ) -> Bool {
    func memoizable(_ name: String, depth: Int) -> Bool {
      if let known = verdicts[name] { return known }
      guard depth < 40, renders(name), let elements = style.macros[name] else { return false }
      verdicts[name] = false  // a cycle reads as "no"
      let reads = contains(elements) { element in
        switch element {
        case .text(let text):
          switch text.source {
          case .variable(let variable, _): return isLocator(variable)
          case .macro(let called): return !memoizable(called, depth: depth + 1)
          case .term, .value: return false
          }
        case .number(let number): return isLocator(number.variable)
        case .label(let label): return isLocator(label.variable)
        case .choose(let choose):
          return choose.branches.contains { branch in
            branch.condition.tests.contains { test in
              switch test {
              case .disambiguate, .locator: true
              case .isNumeric(let variable), .variable(let variable), .isUncertainDate(let variable):
                isLocator(variable)
              case .hasForm(_, let variable): isLocator(variable)
              case .position, .type: false
              }
            }
          }
        case .date, .names, .group: return false
        }
      }
      verdicts[name] = !reads
      return !reads
    }
    return memoizable(name, depth: 0)
  }

  private static func isLocator(_ variable: CSLVariable) -> Bool { variable.rawValue.hasPrefix("locator") }
}
