import BibModel

extension CSL {
  /// `cs:sort` key.
  public struct SortKey: Sendable, Hashable {
    /// What a sort key sorts by.
    public enum Source: Sendable, Hashable {
      case variable(CSLVariable)
      case macro(String)
    }
    public var source: Source
    public var direction: SortDirection
    public var namesMin: Int?
    public var namesUseFirst: Int?
    public var namesUseLast: Bool?
    public init(source: Source, direction: SortDirection = .ascending) {
      self.source = source
      self.direction = direction
    }
  }

  /// `cs:layout`.
  public struct Layout: Sendable, Hashable {
    public var children: [Element]
    public var delimiter: String?
    public var decoration: Decoration
    /// `xml:lang` of a CSL-M style layout, kept for completeness.
    public var locale: String?
    public init(children: [Element] = [], delimiter: String? = nil, decoration: Decoration = Decoration()) {
      self.children = children
      self.delimiter = delimiter
      self.decoration = decoration
    }
  }
}
