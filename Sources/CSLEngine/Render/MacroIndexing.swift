import CSLStyle

/// Writes into every macro call of a style (`cs:text macro=`) the index its macro has in the
/// compiled style's table (`CSL.Text.macroIndex`), and into every term (`cs:text term=`) the
/// index of its output in the compiled style's terms (`CSL.Text.termIndex`): rendering then
/// reaches a macro without hashing or comparing its name, and prints a term without looking
/// it up in the locale. Calls of macros the table lacks (unknown or recursive ones) keep no
/// index.
enum MacroIndexing {
  /// What a `cs:text term=` asks of the locale.
  struct TermQuery: Hashable, Sendable, Comparable {
    let name: String
    let form: CSL.Form
    let plural: Bool

    static func < (lhs: TermQuery, rhs: TermQuery) -> Bool {
      (lhs.name, lhs.form.rawValue, lhs.plural ? 1 : 0) < (rhs.name, rhs.form.rawValue, rhs.plural ? 1 : 0)
    }
  }

  /// The style's distinct term queries, in order: a query's index is its place, the same in
  /// every compiled style of one style (each locale resolves them to its own words).
  static func termQueries(_ style: CSL.Style) -> [TermQuery] {
    var found: Set<TermQuery> = []
    for elements in MacroGraph.allElementLists(style) {
      _ = MacroGraph.contains(elements) { element in
        if case .text(let text) = element, case .term(let name, let form, let plural) = text.source {
          found.insert(TermQuery(name: name, form: form, plural: plural))
        }
        return false
      }
    }
    return found.sorted()
  }

  static func indexing(_ style: CSL.Style, indices table: [String: Int], terms: [TermQuery] = []) -> CSL.Style {
    let tables = Tables(macros: table, terms: Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($1, $0) }))
    var copy = style
    copy.macros = style.macros.mapValues { elements($0, tables) }
    copy.citation?.layout.children = elements(style.citation?.layout.children ?? [], tables)
    copy.bibliography?.layout.children = elements(style.bibliography?.layout.children ?? [], tables)
    return copy
  }

  private struct Tables {
    let macros: [String: Int]
    let terms: [TermQuery: Int]
  }

  private static func elements(_ elements: [CSL.Element], _ tables: Tables) -> [CSL.Element] {
    elements.map { element($0, tables) }
  }

  private static func element(_ element: CSL.Element, _ tables: Tables) -> CSL.Element {
    switch element {
    case .text(var text):
      switch text.source {
      case .macro(let name): text.macroIndex = tables.macros[name]
      case .term(let name, let form, let plural):
        text.termIndex = tables.terms[TermQuery(name: name, form: form, plural: plural)]
      case .variable, .value: break
      }
      return .text(text)
    case .names(var names):
      guard let substitute = names.substitute else { return element }
      names.substitute = elements(substitute, tables)
      return .names(names)
    case .group(var group):
      group.children = elements(group.children, tables)
      return .group(group)
    case .choose(let choose):
      let branches = choose.branches.map {
        CSL.Branch(condition: $0.condition, children: elements($0.children, tables))
      }
      return .choose(CSL.Choose(branches: branches, otherwise: elements(choose.otherwise, tables)))
    case .number, .label, .date: return element
    }
  }
}
