/// A citation as written: one bracketed group or one bare `@key`, with where it starts.
public struct CitationCluster: Sendable, Hashable {
  public var items: [CitationItem]
  /// The exact source text of the citation (`[see @a, p. 2; @b]`).
  public var source: String
  /// 1-based line and column of the citation's first character in the document.
  public var line: Int
  public var column: Int

  public init(items: [CitationItem], source: String, line: Int = 0, column: Int = 0) {
    self.items = items
    self.source = source
    self.line = line
    self.column = column
  }

  /// True for a bare `@key` written in the running text.
  public var isAuthorInText: Bool { items.count == 1 && items[0].authorInText }
}
