/// A CSL variable name (`title`, `issued`, `author`, …). Any name is accepted, so a variable
/// Cited does not know (a CSL-M extension, a typo in a style) is kept and written back as it
/// was read; the CSL 1.0.2 names are static members.
public struct CSLVariable: OrdinalVocabulary {
  public let rawValue: String
  /// The name's index among the names Cited knows (CSL 1.0.2's and citeproc-js's), -1 for any
  /// other: found once, when the variable is made (a style is parsed, a reference read), so
  /// that comparing and hashing variables while rendering reads one integer, not the string.
  public let ordinal: Int32

  public init(rawValue: String) {
    self.rawValue = rawValue
    self.ordinal = Self.table.ordinal(of: rawValue) ?? -1
  }

  /// A known name with its ordinal written out, as the static members make it
  /// (`CSLVariable+Members`): no look-up.
  @inlinable init(known rawValue: String, ordinal: Int32) {
    self.rawValue = rawValue
    self.ordinal = ordinal
  }

  /// citeproc-js's `locator-extra`, which Cited reads from the item and parses like `locator`.
  @inlinable public static var locatorExtra: CSLVariable { CSLVariable(known: "locator-extra", ordinal: 98) }

  /// The known names, in a fixed order; a name's ordinal is its position.
  private static let knownNames = [
    "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place", "authority",
    "call-number", "citation-key", "citation-label", "collection-title", "container-title", "container-title-short",
    "dimensions", "division", "DOI", "event", "event-place", "event-title", "genre", "ISBN", "ISSN", "jurisdiction",
    "keyword", "language", "license", "medium", "note", "original-publisher", "original-publisher-place",
    "original-title", "part-title", "PMCID", "PMID", "publisher", "publisher-place", "references", "reviewed-genre",
    "reviewed-title", "scale", "source", "status", "title", "title-short", "URL", "volume-title", "year-suffix",
    "chapter-number", "citation-number", "collection-number", "edition", "first-reference-note-number", "issue",
    "locator", "number", "number-of-pages", "number-of-volumes", "page", "page-first", "part-number",
    "printing-number", "section", "supplement-number", "version", "volume", "accessed", "available-date",
    "event-date", "issued", "original-date", "submitted", "author", "chair", "collection-editor", "compiler",
    "composer", "container-author", "contributor", "curator", "director", "editor", "editorial-director",
    "editor-translator", "executive-producer", "guest", "host", "illustrator", "interviewer", "narrator",
    "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author", "script-writer",
    "series-creator", "translator", "locator-extra", "editortranslator", "shortTitle", "journalAbbreviation",
  ]

  /// The known names by their bytes: a name read from a style or a file, or straight from a
  /// file's bytes, finds its ordinal here.
  private static let table = KnownNameTable(knownNames)

  /// The known variable whose name is written in `bytes` (sharing the vocabulary's string), or
  /// nil for any other name.
  static func known(_ bytes: UnsafeRawBufferPointer) -> CSLVariable? {
    table.ordinal(of: bytes).map { CSLVariable(known: knownNames[Int($0)], ordinal: $0) }
  }

  /// Each known name's kind, by ordinal (nil for a known name CSL 1.0.2 does not list).
  private static let kinds: [Kind?] = knownNames.map { name in
    let variable = CSLVariable(rawValue: name)
    if CSLVariables.standard.contains(variable) { return .standard }
    if CSLVariables.numbers.contains(variable) { return .number }
    if CSLVariables.dates.contains(variable) { return .date }
    return CSLVariables.names.contains(variable) ? .name : nil
  }

  /// The four kinds of CSL variables: what shape of value the variable holds.
  public enum Kind: Sendable, Hashable {
    case standard, number, date, name
  }

  /// The kind the CSL 1.0.2 specification gives the variable; nil for a name it does not list.
  /// Read by ordinal: the specification's sets hold known names only.
  public var kind: Kind? {
    ordinal >= 0 && Int(ordinal) < Self.kinds.count ? Self.kinds[Int(ordinal)] : nil
  }
}

extension String {
  /// Hashes a short name (a variable, a macro) by one word of its length and its first and
  /// last two bytes instead of every byte; table keys that are such names use it.
  public func hashShortName(into hasher: inout Hasher) {
    if let digest = shortNameDigest { hasher.combine(digest) } else { hasher.combine(self) }
  }

  /// A digest of a short name read in constant time: its first two and last two bytes and its
  /// length. Nil when the string keeps no contiguous UTF-8.
  public var shortNameDigest: UInt64? {
    utf8.withContiguousStorageIfAvailable { bytes -> UInt64 in
      guard bytes.count >= 2 else { return UInt64(bytes.first ?? 0) << 40 | UInt64(bytes.count) }
      let ends =
        UInt64(bytes[0]) << 56 | UInt64(bytes[1]) << 48 | UInt64(bytes[bytes.count - 2]) << 40
        | UInt64(bytes[bytes.count - 1]) << 32
      return ends | UInt64(truncatingIfNeeded: bytes.count)
    }
  }
}
