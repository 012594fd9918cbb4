import BibModel
import XMLTree

/// Finds calls of undefined macros and macro cycles (which would never finish rendering).
enum MacroChecker {
  static func check(
    style: CSL.Style, macroElements: [String: XMLElement], root: XMLElement, context: inout ParseContext
  ) {
    // Undefined macros: walk the XML so each call is reported at its own place.
    func walk(_ element: XMLElement) {
      if element.name == "text" || element.name == "key", let name = element[attribute: "macro"],
        style.macros[name] == nil
      {
        context.report(
          .error, "csl-undefined-macro", "macro '\(name)' is not defined", at: element,
          hint: "define <macro name=\"\(name)\"> or fix the name")
      }
      element.elements.forEach(walk)
    }
    walk(root)
    // Cycles: each reported once, at the first macro of it in name order.
    let recursive = MacroCycles.recursive(style)
    var reported = Set<String>()
    for name in recursive.sorted() where !reported.contains(name) {
      let cycle = MacroCycles.path(from: name, in: style, within: recursive)
      reported.formUnion(cycle)
      guard let element = macroElements[name] else { continue }
      context.report(
        .error, "csl-macro-recursion", "macro '\(name)' calls itself: \(cycle.joined(separator: " -> "))", at: element,
        hint: "a macro may not call itself, directly or through other macros")
    }
    // Fan-out: macros that would make more calls than any style needs.
    for name in MacroExpansion.oversized(style).sorted() where !reported.contains(name) {
      guard let element = macroElements[name] else { continue }
      context.report(
        .error, "csl-macro-expansion",
        "macro '\(name)' expands to \(MacroExpansion.limit) or more macro calls; it is not rendered", at: element,
        hint: "macros that call the same macro several times multiply at each level")
    }
  }
}

extension CSL.Element {
  /// The macros called directly by these elements (through `cs:text macro=`, groups,
  /// `cs:substitute` and every branch of `cs:choose`), in order, repeats kept.
  public static func macroCalls(in elements: [CSL.Element]) -> [String] {
    var result: [String] = []
    for element in elements {
      switch element {
      case .text(let text): if case .macro(let name) = text.source { result.append(name) }
      case .group(let group): result += macroCalls(in: group.children)
      case .names(let names): result += macroCalls(in: names.substitute ?? [])
      case .choose(let choose):
        for branch in choose.branches { result += macroCalls(in: branch.children) }
        result += macroCalls(in: choose.otherwise)
      default: break
      }
    }
    return result
  }
}
