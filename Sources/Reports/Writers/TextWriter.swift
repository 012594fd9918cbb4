import BibModel

/// Writes a `Doc` as plain text: headings underlined, tables as tab-separated rows, figures as their data.
public enum TextWriter {
  /// The whole document.
  public static func document(_ doc: Doc) -> String {
    var parts: [String] = []
    if let title = doc.title { parts.append(title + "\n" + String(repeating: "=", count: title.count)) }
    parts += doc.subtitle
    let writer = BlockWriter(slots: doc.citations)
    parts += ParallelMap.map(doc.blocks) { writer.block($0) }
    return parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
  }

  /// Inline content as text (content without citation slots).
  static func inlines(_ content: [DocInline]) -> String { BlockWriter(slots: []).inlines(content) }

  /// Writes blocks; `slots` are the citations `.slot(n)` stands for.
  struct BlockWriter {
    let slots: [String]

    func block(_ block: DocBlock) -> String {
      switch block {
      case .heading(let level, _, let content):
        let text = inlines(content)
        return level <= 2 ? text + "\n" + String(repeating: level == 1 ? "=" : "-", count: text.count) : text
      case .paragraph(let content):
        return inlines(content)
      case .list(let ordered, let items):
        return items.enumerated().map { index, item in
          (ordered ? "\(index + 1). " : "* ") + item.map { self.block($0) }.joined(separator: "\n   ")
        }.joined(separator: "\n")
      case .blockQuote(let content):
        return content.map { self.block($0) }.joined(separator: "\n\n").split(
          separator: "\n", omittingEmptySubsequences: false
        )
        .map { "  " + $0 }.joined(separator: "\n")
      case .code(_, let text):
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
      case .rule:
        return String(repeating: "-", count: 40)
      case .table(let table):
        var lines = [table.header.map(inlines).joined(separator: "\t")]
        for row in table.rows { lines.append(row.map(inlines).joined(separator: "\t")) }
        return lines.joined(separator: "\n")
      case .figure(_, let caption, _, let description):
        return ([caption] + description.map { "  * " + $0 }).joined(separator: "\n")
      case .notes(let notes):
        return "Notes\n-----\n" + notes.map { "[\($0.number)] " + inlines($0.content) }.joined(separator: "\n")
      case .bibliography(_, let entries):
        return entries.map { inlines($0.content) }.joined(separator: "\n")
      case .section(_, _, let content):
        return content.map { self.block($0) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
      }
    }

    func inlines(_ content: [DocInline]) -> String { content.map(inline).joined() }

    func inline(_ inline: DocInline) -> String {
      switch inline {
      case .text(let text), .code(let text), .trusted(let text): return text
      case .emphasis(let content), .strong(let content), .strikethrough(let content), .anchorLink(_, let content),
        .span(_, let content):
        return inlines(content)
      case .link(let url, let content):
        let text = inlines(content)
        return URLPolicy.isAllowed(url) && text != url ? text + " <" + url + ">" : text
      case .softBreak: return "\n"
      case .lineBreak: return "\n"
      case .noteReference(let number): return "[\(number)]"
      case .slot(let index): return slots.indices.contains(index) ? slots[index] : ""
      }
    }
  }
}
