/// A CSL item type (`article-journal`, `book`, …). Any name is accepted, so a type Cited does not
/// know is kept and written back as it was read; the CSL 1.0.2 types are static members.
public struct ItemType: OrdinalVocabulary {
  public let rawValue: String
  /// The type's index among the CSL 1.0.2 types (below 64), -1 for any other: found once, when
  /// the type is made (a style is parsed, a reference read), so that a `type` condition reads
  /// one bit of a word while rendering instead of hashing the name.
  public let ordinal: Int32

  public init(rawValue: String) {
    self.rawValue = rawValue
    self.ordinal = Self.table.ordinal(of: rawValue) ?? -1
  }

  /// The CSL 1.0.2 types, in a fixed order; a type's ordinal is its position
  /// (`CSLVariables.itemTypes` is this list as a set).
  static let knownNames = [
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
    "classic", "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "event",
    "figure", "graphic", "hearing", "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical", "personal_communication",
    "post", "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech", "standard",
    "thesis", "treaty", "webpage",
  ]

  /// The known types by their bytes: a type read from a style or a file, or straight from a
  /// file's bytes, finds its ordinal here.
  private static let table = KnownNameTable(knownNames)

  /// The CSL 1.0.2 type written in `bytes` (sharing the vocabulary's string), or nil for any
  /// other name.
  static func known(_ bytes: UnsafeRawBufferPointer) -> ItemType? {
    table.ordinal(of: bytes).map { ItemType(known: knownNames[Int($0)], ordinal: $0) }
  }

  private init(known rawValue: String, ordinal: Int32) {
    self.rawValue = rawValue
    self.ordinal = ordinal
  }
}
