import BibModel
import CSLStyle

/// A style prepared once for rendering: locale resolved, terms indexed, recursive macros
/// found, inherited name options merged per context.
public struct CompiledStyle: Sendable {
  public let style: CSL.Style
  public let locale: CSL.Locale
  let terms: Terms
  let recursiveMacros: Set<String>
  let citationNameOptions: CSL.NameOptions
  let bibliographyNameOptions: CSL.NameOptions
  /// True when the style prints `year-suffix` itself (else it follows the first year).
  let usesYearSuffixVariable: Bool
  let usesCitationNumberInBibliographySort: Bool
  /// True when a `position` condition can change what a cite prints.
  let testsPosition: Bool
  /// Cited's `cited:item-locale`: this style compiled with each item language's locale.
  var itemStyles: [String: CompiledStyle] = [:]

  public init(style: CSL.Style, locale: CSL.Locale) {
    self.style = style
    self.locale = locale
    self.terms = Terms(locale: locale)
    // Recursive macros and macros that fan out beyond any real style are not rendered.
    self.recursiveMacros = MacroGraph.recursiveMacros(style).union(MacroExpansion.oversized(style))
    self.citationNameOptions = style.citation?.nameOptions.inheriting(style.nameOptions) ?? style.nameOptions
    self.bibliographyNameOptions = style.bibliography?.nameOptions.inheriting(style.nameOptions) ?? style.nameOptions
    self.usesYearSuffixVariable = MacroGraph.usesVariable("year-suffix", in: style)
    self.usesCitationNumberInBibliographySort =
      style.bibliography?.sort.contains { $0.source == .variable("citation-number") } ?? false
    self.testsPosition = MacroGraph.testsPosition(style)
  }

  var punctuationInQuote: Bool { locale.punctuationInQuote ?? false }
}

extension CSL.Style {
  /// True when the style prints `first-reference-note-number` anywhere.
  public var usesFirstReferenceNoteNumber: Bool {
    MacroGraph.usesVariable("first-reference-note-number", in: self)
  }

  /// True when the style prints `citation-number` anywhere.
  public var usesCitationNumber: Bool {
    MacroGraph.usesVariable("citation-number", in: self)
  }
}

/// Walks the macro call graph of a style.
enum MacroGraph {
  /// The macros on a cycle of calls (see `MacroCycles`).
  static func recursiveMacros(_ style: CSL.Style) -> Set<String> { MacroCycles.recursive(style) }

  /// True when the bibliography layout (or a macro) prints the variable.
  static func usesVariable(_ variable: String, inBibliographyOf style: CSL.Style) -> Bool {
    guard let bibliography = style.bibliography else { return false }
    var copy = style
    copy.citation = nil
    copy.bibliography = bibliography
    return usesVariable(variable, in: copy)
  }

  /// True when the citation layout or a macro has a `position` condition.
  static func testsPosition(_ style: CSL.Style) -> Bool {
    func check(_ elements: [CSL.Element]) -> Bool {
      for element in elements {
        switch element {
        case .group(let group): if check(group.children) { return true }
        case .names(let names): if check(names.substitute ?? []) { return true }
        case .choose(let choose):
          for branch in choose.branches {
            if branch.condition.tests.contains(where: { if case .position = $0 { true } else { false } }) {
              return true
            }
            if check(branch.children) { return true }
          }
          if check(choose.otherwise) { return true }
        default: break
        }
      }
      return false
    }
    if let citation = style.citation, check(citation.layout.children) { return true }
    return style.macros.values.contains { check($0) }
  }

  /// Every names variable the style can print or sort by, in any layout, macro, substitute
  /// or sort key, whatever the conditions around it.
  static func nameVariables(in style: CSL.Style) -> Set<String> {
    var found: Set<String> = []
    func collect(_ elements: [CSL.Element]) {
      for element in elements {
        switch element {
        case .names(let names):
          found.formUnion(names.variables)
          collect(names.substitute ?? [])
        case .group(let group): collect(group.children)
        case .choose(let choose):
          for branch in choose.branches { collect(branch.children) }
          collect(choose.otherwise)
        default: break
        }
      }
    }
    for layout in [style.citation?.layout, style.bibliography?.layout].compactMap({ $0 }) { collect(layout.children) }
    for macro in style.macros.values { collect(macro) }
    for key in (style.citation?.sort ?? []) + (style.bibliography?.sort ?? []) {
      if case .variable(let name) = key.source { found.insert(name) }
    }
    return found
  }

  static func usesVariable(_ variable: String, in style: CSL.Style) -> Bool {
    func check(_ elements: [CSL.Element]) -> Bool {
      for element in elements {
        switch element {
        case .text(let text): if case .variable(let name, _) = text.source, name == variable { return true }
        case .number(let number): if number.variable == variable { return true }
        case .group(let group): if check(group.children) { return true }
        case .names(let names): if check(names.substitute ?? []) { return true }
        case .choose(let choose):
          for branch in choose.branches where check(branch.children) { return true }
          if check(choose.otherwise) { return true }
        default: break
        }
      }
      return false
    }
    if let citation = style.citation, check(citation.layout.children) { return true }
    if let bibliography = style.bibliography, check(bibliography.layout.children) { return true }
    return style.macros.values.contains { check($0) }
  }
}
