/// One cited item inside a citation, with its pinpoint and affixes.
public struct Cite: Sendable, Hashable {
  public var id: String
  /// The pinpoint (`"15"`, `"14-18"`).
  public var locator: String?
  /// The CSL locator type of `locator` (`page`, `chapter`, …); page when absent.
  public var label: LocatorType?
  public var prefix: String?
  public var suffix: String?
  public var suppressAuthor: Bool
  public var authorOnly: Bool
  /// A forced position (test-suite override).
  public var position: CitePosition?
  /// A forced near-note flag (test-suite override).
  public var nearNote: Bool?

  public init(
    id: String, locator: String? = nil, label: LocatorType? = nil, prefix: String? = nil,
    suffix: String? = nil, suppressAuthor: Bool = false, authorOnly: Bool = false,
    position: CitePosition? = nil, nearNote: Bool? = nil
  ) {
    self.id = id
    self.locator = locator
    self.label = label
    self.prefix = prefix
    self.suffix = suffix
    self.suppressAuthor = suppressAuthor
    self.authorOnly = authorOnly
    self.position = position
    self.nearNote = nearNote
  }
}

/// A citation: one or more cites rendered together, in a footnote or in the running text.
public struct Citation: Sendable, Hashable {
  public var id: String?
  /// The number of the footnote holding the citation (note styles); nil or 0 for in-text.
  public var noteIndex: Int?
  public var cites: [Cite]

  public init(id: String? = nil, noteIndex: Int? = nil, cites: [Cite]) {
    self.id = id
    self.noteIndex = noteIndex
    self.cites = cites
  }
}
