/// Inline content of a rendered document, independent of the output format.
public indirect enum DocInline: Sendable, Hashable {
  case text(String)
  case emphasis([DocInline])
  case strong([DocInline])
  case strikethrough([DocInline])
  case code(String)
  /// A link; the writers drop the link (keep the text) unless the URL is http, https or mailto.
  case link(url: String, content: [DocInline])
  /// A link to an anchor in the same document (`#id`).
  case anchorLink(id: String, content: [DocInline])
  case softBreak
  case lineBreak
  /// Output of the citation engine, already in the target format (escaped by the engine).
  case trusted(String)
  /// A footnote reference mark (note styles).
  case noteReference(Int)
  /// A span with a CSS class (provenance marks, unknown keys); the class is used in HTML only.
  case span(className: String, content: [DocInline])
  /// The n-th citation of a report: the writers print `Doc.citations[n]` in its place (a note
  /// style's slots become footnote references before writing).
  case slot(Int)

  /// The plain text (for alt text, sorting, the text writer's fallbacks).
  public var plainText: String {
    switch self {
    case .text(let text), .code(let text), .trusted(let text): return text
    case .emphasis(let content), .strong(let content), .strikethrough(let content),
      .link(_, let content), .anchorLink(_, let content), .span(_, let content):
      return content.map(\.plainText).joined()
    case .softBreak, .lineBreak: return " "
    case .noteReference(let number): return "[\(number)]"
    case .slot: return ""
    }
  }
}
