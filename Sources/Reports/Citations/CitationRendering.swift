import BibModel

/// The output format of rendered documents and of citation strings.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
  case html, markdown, text

  /// The format a file extension asks for (`html`, `htm`, `md`, `markdown`, `txt`, `text`).
  public init?(fileExtension: String) {
    switch fileExtension.lowercased() {
    case "html", "htm", "xhtml": self = .html
    case "md", "markdown": self = .markdown
    case "txt", "text": self = .text
    default: return nil
    }
  }

  /// The format a `--to`/`--format` value names (`html`, `md`, `markdown`, `txt`, `text`).
  public init?(name: String) { self.init(fileExtension: name) }
}

/// Citations and bibliography rendered by a citation processor, in one output format.
public struct RenderedCitations: Sendable, Hashable {
  /// One string per input citation, in the same order, in the requested format (HTML escaped).
  public var citations: [String]
  /// The bibliography entries in the style's order, each with the key it renders.
  public var bibliography: [DocBlock.BibliographyEntry]
  public var diagnostics: [Diagnostic]

  public init(citations: [String], bibliography: [DocBlock.BibliographyEntry], diagnostics: [Diagnostic] = []) {
    self.citations = citations
    self.bibliography = bibliography
    self.diagnostics = diagnostics
  }
}

/// What Reports needs from a citation processor: citations in document order → strings + bibliography.
///
/// Citations with `noteIndex > 0` sit in footnotes (note styles); the processor decides positions
/// (first, subsequent, ibid) from the order given. A cite with `authorOnly` renders only the author
/// (for `@key` in running text); such citations do not count for positions.
public protocol CitationRendering: Sendable {
  /// True for note styles (citations go into footnotes).
  var isNoteStyle: Bool { get }
  /// A human-readable name of the style.
  var styleName: String { get }
  /// Renders `citations` in order and the bibliography of `bibliographyKeys` (cited keys, first-cited order).
  func render(_ citations: [Citation], bibliographyKeys: [String], format: OutputFormat) -> RenderedCitations
}

extension CitationItem {
  /// The item as a CSL cite; affixes get the spacing CSL expects (`see ` / ` and elsewhere`).
  public var cite: Cite {
    var suffixText: String?
    if !suffix.isEmpty {
      let first = suffix.first ?? " "
      suffixText = ",;.:)".contains(first) ? suffix : " " + suffix
    }
    return Cite(
      id: key, locator: locator, label: locator == nil ? nil : label, prefix: prefix.isEmpty ? nil : prefix + " ",
      suffix: suffixText, suppressAuthor: suppressAuthor)
  }
}
