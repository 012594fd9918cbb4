/// A whole rendered document: metadata and blocks.
public struct Doc: Sendable, Hashable {
  public var title: String?
  public var subtitle: [String]
  public var language: String
  public var blocks: [DocBlock]
  public init(title: String? = nil, subtitle: [String] = [], language: String = "en", blocks: [DocBlock]) {
    self.title = title
    self.subtitle = subtitle
    self.language = language
    self.blocks = blocks
  }
}
