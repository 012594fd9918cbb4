/// One cited item as written in a Markdown document (`[see @key, p. 33]`, `@key`, `[-@key]`).
public struct CitationItem: Sendable, Hashable {
  /// The citation key, without `@` and braces.
  public var key: String
  /// Text before the key inside the brackets (`see`), trimmed; empty when none.
  public var prefix: String
  /// Text after the locator (`and elsewhere`, `, with a note`), trimmed; empty when none.
  public var suffix: String
  /// The pinpoint (`33`, `33-35`), when one was recognised.
  public var locator: String?
  /// The CSL locator type (`page`, `chapter`, …) of `locator`.
  public var label: String?
  /// `[-@key]`: the author is left out.
  public var suppressAuthor: Bool
  /// Bare `@key` in running text: the author is part of the sentence.
  public var authorInText: Bool

  public init(
    key: String, prefix: String = "", suffix: String = "", locator: String? = nil, label: String? = nil,
    suppressAuthor: Bool = false, authorInText: Bool = false
  ) {
    self.key = key
    self.prefix = prefix
    self.suffix = suffix
    self.locator = locator
    self.label = label
    self.suppressAuthor = suppressAuthor
    self.authorInText = authorInText
  }
}

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
