/// Replaces the citation slots of a note style's report with numbered footnotes, in document
/// order. (In-text citations need no filling: the writers print `Doc.citations` in the slots.)
struct SlotFiller {
  let rendered: [String]
  private(set) var notes: [DocBlock.Note] = []

  init(rendered: [String]) {
    self.rendered = rendered
  }

  mutating func fill(_ block: DocBlock) -> DocBlock {
    switch block {
    case .heading(let level, let id, let content): return .heading(level: level, id: id, content: fill(content))
    case .paragraph(let content): return .paragraph(fill(content))
    case .list(let ordered, let items): return .list(ordered: ordered, items: items.map { $0.map { fill($0) } })
    case .blockQuote(let content): return .blockQuote(content.map { fill($0) })
    case .table(var table):
      table.header = table.header.map { fill($0) }
      table.rows = table.rows.map { $0.map { fill($0) } }
      return .table(table)
    case .section(let id, let className, let content):
      return .section(id: id, className: className, content: content.map { fill($0) })
    case .code, .rule, .figure, .notes, .bibliography: return block
    }
  }

  mutating func fill(_ content: [DocInline]) -> [DocInline] {
    content.map { fill($0) }
  }

  private mutating func fill(_ inline: DocInline) -> DocInline {
    switch inline {
    case .slot(let index):
      let text = rendered.indices.contains(index) ? rendered[index] : ""
      let number = notes.count + 1
      notes.append(DocBlock.Note(number: number, content: [.trusted(text)]))
      return .noteReference(number)
    case .emphasis(let content): return .emphasis(fill(content))
    case .strong(let content): return .strong(fill(content))
    case .strikethrough(let content): return .strikethrough(fill(content))
    case .link(let url, let content): return .link(url: url, content: fill(content))
    case .anchorLink(let id, let content): return .anchorLink(id: id, content: fill(content))
    case .span(let className, let content): return .span(className: className, content: fill(content))
    default: return inline
    }
  }
}
