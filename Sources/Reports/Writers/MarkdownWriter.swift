import BibModel

/// Writes a `Doc` as GitHub-flavoured Markdown. Text is escaped so it reads back as the same text
/// (and `@` is escaped so the output is not mistaken for citations); figures are embedded as SVG.
public enum MarkdownWriter {
  /// The whole document.
  public static func document(_ doc: Doc) -> String {
    var parts: [String] = []
    if let title = doc.title { parts.append("# " + escape(title)) }
    for line in doc.subtitle { parts.append("*" + escape(line) + "*") }
    let writer = BlockWriter(slots: doc.citations)
    parts += ParallelMap.map(doc.blocks) { writer.block($0) }
    return parts.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
  }

  /// Writes blocks; `slots` are the citations `.slot(n)` stands for.
  struct BlockWriter {
    let slots: [String]

    func block(_ block: DocBlock) -> String {
      switch block {
      case .heading(let level, _, let content):
        return String(repeating: "#", count: min(max(level, 1), 6)) + " " + inlines(content)
      case .paragraph(let content):
        return inlines(content)
      case .list(let ordered, let items):
        return items.enumerated().map { index, item in
          let marker = ordered ? "\(index + 1). " : "- "
          let body = item.map { self.block($0) }.joined(separator: "\n\n")
          let indent = String(repeating: " ", count: marker.count)
          return marker
            + body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : indent + $0.element }.joined(
              separator: "\n")
        }.joined(separator: "\n")
      case .blockQuote(let content):
        return content.map { self.block($0) }.joined(separator: "\n\n").split(
          separator: "\n", omittingEmptySubsequences: false
        )
        .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
      case .code(let info, let text):
        var fence = "```"
        while text.contains(fence) { fence += "`" }
        return fence + info + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + fence
      case .rule:
        return "---"
      case .table(let table):
        let cell: ([DocInline]) -> String = { MarkdownWriter.tableCell(inlines($0)) }
        var lines = ["| " + table.header.map(cell).joined(separator: " | ") + " |"]
        lines.append("|" + table.header.map { _ in " --- |" }.joined())
        for row in table.rows { lines.append("| " + row.map(cell).joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n")
      case .figure(_, let caption, let svg, let description):
        var text = "<figure>\n" + svg.markup + "\n</figure>\n\n*" + escape(caption) + "*"
        if !description.isEmpty { text += "\n\n" + description.map { "- " + escape($0) }.joined(separator: "\n") }
        return text
      case .notes(let notes):
        return notes.map { "[^\($0.number)]: " + inlines($0.content) }.joined(separator: "\n")
      case .bibliography(_, let entries):
        return entries.map { inlines($0.content) }.joined(separator: "\n\n")
      case .section(_, _, let content):
        return content.map { self.block($0) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
      }
    }

    func inlines(_ content: [DocInline]) -> String { content.map(inline).joined() }

    func inline(_ inline: DocInline) -> String {
      switch inline {
      case .text(let text): return escape(text)
      case .emphasis(let content): return "*" + inlines(content) + "*"
      case .strong(let content): return "**" + inlines(content) + "**"
      case .strikethrough(let content): return "~~" + inlines(content) + "~~"
      case .code(let text):
        var fence = "`"
        while text.contains(fence) { fence += "`" }
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text + pad + fence
      case .link(let url, let content):
        guard URLPolicy.isAllowed(url) else { return inlines(content) }
        return "[" + inlines(content) + "](<" + url.replacing(">", with: "%3E").replacing(" ", with: "%20") + ">)"
      case .anchorLink(_, let content): return inlines(content)
      case .softBreak: return "\n"
      case .lineBreak: return "\\\n"
      case .trusted(let text): return text
      case .noteReference(let number): return "[^\(number)]"
      case .span(_, let content): return inlines(content)
      case .slot(let index): return slots.indices.contains(index) ? slots[index] : ""
      }
    }
  }

  private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "@", "~", "!", "&"]

  /// Escapes Markdown syntax characters in plain text.
  public static func escape(_ text: String) -> String {
    if !needsEscaping(text) { return text }
    var output = ""
    var atLineStart = true
    for char in text {
      if special.contains(char) {
        output.append("\\")
      } else if atLineStart, char == "-" || char == "+" || char == "=" {
        output.append("\\")
      }
      output.append(char)
      atLineStart = char == "\n"
    }
    return output
  }

  /// False when `escape` would return the text as it is: no special byte, and no `-`, `+` or
  /// `=` at the start of a line. (A special character needs its byte, so the test is exact.)
  private static func needsEscaping(_ text: String) -> Bool {
    var atLineStart = true
    for byte in text.utf8 {
      switch byte {
      case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x23, 0x7C, 0x40, 0x7E, 0x21, 0x26: return true
      case 0x2D, 0x2B, 0x3D: if atLineStart { return true }
      default: break
      }
      atLineStart = byte == 0x0A
    }
    return false
  }

  /// A table cell: `|` escaped and line breaks as spaces (the cell stays on its row).
  static func tableCell(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x7C || $0 == 0x0A }) else { return text }
    return text.replacing("|", with: "\\|").replacing("\n", with: " ")
  }
}
