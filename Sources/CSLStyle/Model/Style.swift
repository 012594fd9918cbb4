extension CSL {
  /// `cs:citation`.
  public struct Citation: Sendable, Hashable {
    public var layout = Layout()
    public var sort: [SortKey] = []
    public var nameOptions = NameOptions()
    public var namesDelimiter: String?
    public var disambiguateAddNames = false
    public var disambiguateAddGivenname = false
    public var givennameDisambiguationRule: GivennameRule = .byCite
    public var disambiguateAddYearSuffix = false
    public var citeGroupDelimiter: String?
    public var collapse: Collapse?
    public var yearSuffixDelimiter: String?
    public var afterCollapseDelimiter: String?
    public var nearNoteDistance = 5
    public init() {}
  }

  /// `cs:bibliography`.
  public struct Bibliography: Sendable, Hashable {
    public var layout = Layout()
    public var sort: [SortKey] = []
    public var nameOptions = NameOptions()
    public var namesDelimiter: String?
    public var hangingIndent = false
    public var secondFieldAlign: String?
    public var lineSpacing = 1
    public var entrySpacing = 1
    public var subsequentAuthorSubstitute: String?
    public var subsequentAuthorSubstituteRule: SubsequentAuthorRule = .completeAll
    public init() {}
  }

  /// `cs:info`, reduced to what tools show.
  public struct Info: Sendable, Hashable {
    public var id: String?
    public var title: String?
    public var parentLink: String?
    public var templateLink: String?
    public init() {}
  }

  /// A CSL style.
  public struct Style: Sendable, Hashable {
    public var styleClass: StyleClass = .inText
    public var version: String = "1.0"
    public var defaultLocale: String?
    public var info = Info()
    public var initializeWithHyphen = true
    public var pageRangeFormat: PageRangeFormat?
    public var demoteNonDroppingParticle: DemoteParticle = .displayAndSort
    public var nameOptions = NameOptions()
    public var namesDelimiter: String?
    public var locales: [Locale] = []
    public var macros: [String: [Element]] = [:]
    public var citation: Citation?
    public var bibliography: Bibliography?
    public init() {}

    /// True for a dependent style (it only points at its parent).
    public var isDependent: Bool { info.parentLink != nil && citation == nil }
  }
}
