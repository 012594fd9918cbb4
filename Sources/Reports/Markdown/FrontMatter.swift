import BibModel
internal import Yams

/// YAML front matter of a Markdown document (`---` … `---` at the very top).
public struct FrontMatter: Sendable, Hashable {
  public var title: String?
  public var authors: [String]
  public var date: String?
  public var style: String?
  public var bibliography: [String]
  public var lang: String?
  /// `nocite`: keys listed in the bibliography without being cited; `*` stands for every entry.
  public var nocite: [String] = []
  /// `suppress-bibliography: true`: no bibliography.
  public var suppressBibliography = false
  /// `reference-section-title`: the heading of a bibliography placed at the end.
  public var referenceSectionTitle: String?
  /// `link-citations: true`: in HTML each cited item links to its entry (`#ref-KEY`).
  public var linkCitations = false
  /// `link-bibliography: true`: in HTML the bibliography's URLs and DOIs are links.
  public var linkBibliography = false

  public init(
    title: String? = nil, authors: [String] = [], date: String? = nil, style: String? = nil,
    bibliography: [String] = [], lang: String? = nil
  ) {
    self.title = title
    self.authors = authors
    self.date = date
    self.style = style
    self.bibliography = bibliography
    self.lang = lang
  }

  /// Splits `text` into front matter and body. The body keeps the front matter's lines as empty
  /// lines, so line numbers in the body are line numbers in the file.
  public static func split(_ text: String, file: String) -> (FrontMatter, String, [Diagnostic]) {
    // By LF and CRLF ("\r\n" is one Character, so splitting at "\n" alone missed CRLF files).
    let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    guard let first = lines.first, first.trimmingTrailingCR == "---" else { return (FrontMatter(), text, []) }
    guard
      let end = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingCR == "---" || $0.trimmingTrailingCR == "..." }
      )
    else { return (FrontMatter(), text, []) }
    let yaml = lines[1..<end].joined(separator: "\n")
    let body = String(repeating: "\n", count: end + 1) + lines[(end + 1)...].joined(separator: "\n")
    var diagnostics: [Diagnostic] = []
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch {
      diagnostics.append(
        Diagnostic(
          .error, code: "front-matter-yaml", message: "front matter is not valid YAML: \(error)",
          location: SourceLocation(file: file, line: 2, column: 1)))
      return (FrontMatter(), body, diagnostics)
    }
    guard let mapping = node?.mapping else {
      if node != nil {
        diagnostics.append(
          Diagnostic(
            .warning, code: "front-matter-yaml", message: "front matter is not a mapping; ignored",
            location: SourceLocation(file: file, line: 2, column: 1)))
      }
      return (FrontMatter(), body, diagnostics)
    }
    var matter = FrontMatter()
    for (keyNode, value) in mapping {
      guard let key = keyNode.string else { continue }
      switch key {
      case "title": matter.title = scalarText(value)
      case "author": matter.authors = names(value)
      case "date": matter.date = scalarText(value)
      case "style", "csl", "citation-style": matter.style = scalarText(value)
      case "bibliography": matter.bibliography = strings(value)
      case "lang", "language": matter.lang = scalarText(value)
      case "nocite": matter.nocite = CitationSyntax.nociteKeys(strings(value).joined(separator: " "))
      case "suppress-bibliography": matter.suppressBibliography = value.bool ?? false
      case "reference-section-title": matter.referenceSectionTitle = scalarText(value)
      case "link-citations": matter.linkCitations = value.bool ?? false
      case "link-bibliography": matter.linkBibliography = value.bool ?? false
      default: break
      }
    }
    return (matter, body, diagnostics)
  }

  private static func scalarText(_ node: Node) -> String? { node.scalar?.string }

  private static func strings(_ node: Node) -> [String] {
    if let text = node.scalar?.string { return [text] }
    return node.sequence?.compactMap { $0.scalar?.string } ?? []
  }

  private static func names(_ node: Node) -> [String] {
    if let text = node.scalar?.string { return [text] }
    return node.sequence?.compactMap { item in
      item.scalar?.string ?? item.mapping?["name"]?.scalar?.string
    } ?? []
  }
}

extension Substring {
  var trimmingTrailingCR: Substring { last == "\r" ? dropLast() : self }
}
