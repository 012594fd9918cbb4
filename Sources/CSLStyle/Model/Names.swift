import BibModel

extension CSL {
  /// `cs:names`.
  public struct Names: Sendable, Hashable {
    public var variables: [CSLVariable]
    public var name: Name?
    public var etAl: EtAl?
    public var label: Label?
    /// True when the label comes before the name.
    public var labelFirst = false
    public var substitute: [Element]?
    public var delimiter: String?
    public var decoration: Decoration
    /// Cited's multilingual extension (`cited:name-form`, …); nil when unused.
    public var multilingual: MultilingualOptions?
    public init(variables: [CSLVariable], decoration: Decoration = Decoration()) {
      self.variables = variables
      self.decoration = decoration
    }
  }

  /// `cs:name`: its options (inheritable ones merged at render time) and part formatting.
  public struct Name: Sendable, Hashable {
    public var options = NameOptions()
    public var decoration = Decoration()
    public var givenPart: Decoration?
    public var familyPart: Decoration?
    /// Cited's multilingual extension (`cited:name-form`, …); nil when unused.
    public var multilingual: MultilingualOptions?
    public init() {}
  }

  /// `cs:et-al`.
  public struct EtAl: Sendable, Hashable {
    public var term: String
    public var decoration: Decoration
    public init(term: String = "et-al", decoration: Decoration = Decoration()) {
      self.term = term
      self.decoration = decoration
    }
  }

  /// The name options that `cs:style`, `cs:citation` and `cs:bibliography` pass down.
  public struct NameOptions: Sendable, Hashable {
    /// `and` values, spelled as in the specification.
    public enum And: String, Sendable, Hashable { case text, symbol }
    /// `delimiter-precedes-et-al` / `delimiter-precedes-last` values, spelled as in the specification.
    public enum DelimiterRule: String, Sendable, Hashable {
      case contextual, afterInvertedName = "after-inverted-name", always, never
    }
    /// `form` of `cs:name` values, spelled as in the specification.
    public enum NameForm: String, Sendable, Hashable { case long, short, count }
    /// `name-as-sort-order` values, spelled as in the specification.
    public enum SortOrder: String, Sendable, Hashable { case first, all }
    public var and: And?
    public var delimiter: String?
    public var delimiterPrecedesEtAl: DelimiterRule?
    public var delimiterPrecedesLast: DelimiterRule?
    public var etAlMin: Int?
    public var etAlUseFirst: Int?
    public var etAlSubsequentMin: Int?
    public var etAlSubsequentUseFirst: Int?
    public var etAlUseLast: Bool?
    public var form: NameForm?
    public var initialize: Bool?
    public var initializeWith: String?
    public var nameAsSortOrder: SortOrder?
    public var sortSeparator: String?
    public init() {}

    /// These options with unset ones taken from `parent`.
    public func inheriting(_ parent: NameOptions) -> NameOptions {
      var merged = inheritingEtAl(parent)
      merged.and = and ?? parent.and
      merged.delimiter = delimiter ?? parent.delimiter
      merged.delimiterPrecedesEtAl = delimiterPrecedesEtAl ?? parent.delimiterPrecedesEtAl
      merged.delimiterPrecedesLast = delimiterPrecedesLast ?? parent.delimiterPrecedesLast
      merged.form = form ?? parent.form
      merged.initialize = initialize ?? parent.initialize
      merged.initializeWith = initializeWith ?? parent.initializeWith
      merged.nameAsSortOrder = nameAsSortOrder ?? parent.nameAsSortOrder
      merged.sortSeparator = sortSeparator ?? parent.sortSeparator
      return merged
    }

    /// These options with the unset et-al ones (`et-al-min`, `-use-first`, the subsequent pair,
    /// `-use-last`) taken from `parent`.
    public func inheritingEtAl(_ parent: NameOptions) -> NameOptions {
      var merged = self
      merged.etAlMin = etAlMin ?? parent.etAlMin
      merged.etAlUseFirst = etAlUseFirst ?? parent.etAlUseFirst
      merged.etAlSubsequentMin = etAlSubsequentMin ?? parent.etAlSubsequentMin
      merged.etAlSubsequentUseFirst = etAlSubsequentUseFirst ?? parent.etAlSubsequentUseFirst
      merged.etAlUseLast = etAlUseLast ?? parent.etAlUseLast
      return merged
    }
  }
}
