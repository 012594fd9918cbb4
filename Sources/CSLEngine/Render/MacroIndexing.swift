import CSLStyle

/// Writes into every macro call of a style (`cs:text macro=`) the index its macro has in the
/// compiled style's table (`CSL.Text.macroIndex`): rendering then reaches a macro without
/// hashing or comparing its name. Calls of macros the table lacks (unknown or recursive
/// ones) keep no index.
enum MacroIndexing {
  static func indexing(_ style: CSL.Style, indices table: [String: Int]) -> CSL.Style {
    var copy = style
    copy.macros = style.macros.mapValues { elements($0, table) }
    copy.citation?.layout.children = elements(style.citation?.layout.children ?? [], table)
    copy.bibliography?.layout.children = elements(style.bibliography?.layout.children ?? [], table)
    return copy
  }

  static func elements(_ elements: [CSL.Element], _ table: [String: Int]) -> [CSL.Element] {
    elements.map { element($0, table) }
  }

  static func element(_ element: CSL.Element, _ table: [String: Int]) -> CSL.Element {
    switch element {
    case .text(var text):
      if case .macro(let name) = text.source { text.macroIndex = table[name] }
      return .text(text)
    case .names(var names):
      guard let substitute = names.substitute else { return element }
      names.substitute = elements(substitute, table)
      return .names(names)
    case .group(var group):
      group.children = elements(group.children, table)
      return .group(group)
    case .choose(let choose):
      let branches = choose.branches.map { CSL.Branch(condition: $0.condition, children: elements($0.children, table)) }
      return .choose(CSL.Choose(branches: branches, otherwise: elements(choose.otherwise, table)))
    case .number, .label, .date: return element
    }
  }
}
