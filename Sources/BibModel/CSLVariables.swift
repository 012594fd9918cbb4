/// The CSL 1.0.2 taxonomy of variables and item types, by the names the specification uses.
public enum CSLVariables {
  /// Name variables (lists of `Name`).
  public static let names: Set<String> = [
    "author", "chair", "collection-editor", "compiler", "composer", "container-author",
    "contributor", "curator", "director", "editor", "editorial-director", "editor-translator",
    "executive-producer", "guest", "host", "illustrator", "interviewer", "narrator", "organizer",
    "original-author", "performer", "producer", "recipient", "reviewed-author", "script-writer",
    "series-creator", "translator",
  ]

  /// Date variables.
  public static let dates: Set<String> = [
    "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
  ]

  /// Number variables (may hold numbers, ranges or text).
  public static let numbers: Set<String> = [
    "chapter-number", "citation-number", "collection-number", "edition",
    "first-reference-note-number", "issue", "locator", "number", "number-of-pages",
    "number-of-volumes", "page", "page-first", "part-number", "printing-number", "section",
    "supplement-number", "version", "volume",
  ]

  /// Standard (string) variables.
  public static let standard: Set<String> = [
    "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place",
    "authority", "call-number", "citation-key", "citation-label", "collection-title",
    "container-title", "container-title-short", "dimensions", "division", "DOI", "event",
    "event-place", "event-title", "genre", "ISBN", "ISSN", "jurisdiction", "keyword", "language",
    "license", "medium", "note", "original-publisher", "original-publisher-place",
    "original-title", "part-title", "PMCID", "PMID", "publisher", "publisher-place", "references",
    "reviewed-genre", "reviewed-title", "scale", "source", "status", "title", "title-short", "URL",
    "volume-title", "year-suffix",
  ]

  /// The CSL 1.0.2 item types.
  public static let itemTypes: Set<String> = [
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview",
    "legal_case", "legislation", "manuscript", "map", "motion_picture", "musical_score",
    "pamphlet", "paper-conference", "patent", "performance", "periodical", "personal_communication",
    "post", "post-weblog", "regulation", "report", "review", "review-book", "software", "song",
    "speech", "standard", "thesis", "treaty", "webpage",
  ]

  /// CSL locator types (the `label` of a cite).
  public static let locatorTypes: Set<String> = [
    "act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation",
    "equation", "figure", "folio", "issue", "line", "note", "opus", "page", "paragraph", "part",
    "rule", "scene", "section", "sub-verbo", "supplement", "table", "timestamp", "title-locator",
    "verse", "version", "volume",
  ]
}
