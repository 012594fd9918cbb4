import BibModel

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
