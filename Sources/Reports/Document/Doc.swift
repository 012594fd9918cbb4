/// A whole rendered document: metadata and blocks.
public struct Doc: Sendable, Hashable {
  public var title: String?
  public var subtitle: [String]
  public var language: String
  public var blocks: [DocBlock]
  /// What each `.slot(n)` stands for: the n-th citation as the engine rendered it, already in
  /// the output format. The writers print it in place, so a large report's blocks are not
  /// rebuilt to fill them.
  public var citations: [String]
  public init(
    title: String? = nil, subtitle: [String] = [], language: String = "en", blocks: [DocBlock],
    citations: [String] = []
  ) {
    self.title = title
    self.subtitle = subtitle
    self.language = language
    self.blocks = blocks
    self.citations = citations
  }
}
