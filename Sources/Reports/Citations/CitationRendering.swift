import BibModel

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
  func render(_ citations: [Citation], bibliographyKeys: [String], format: DocumentFormat) -> RenderedCitations
  /// The same with `links` in HTML output; processors without links ignore them.
  func render(
    _ citations: [Citation], bibliographyKeys: [String], format: DocumentFormat, links: CitationLinks
  ) -> RenderedCitations
}

extension CitationRendering {
  public func render(
    _ citations: [Citation], bibliographyKeys: [String], format: DocumentFormat, links: CitationLinks
  ) -> RenderedCitations {
    render(citations, bibliographyKeys: bibliographyKeys, format: format)
  }
}
