import BibModel

/// The RIS ↔ CSL correspondence, documented in Docs/bibliography-formats.md.
enum RISMapping {
  /// RIS `TY` → CSL type.
  static let typeToCSL: [String: ItemType] = [
    "JOUR": "article-journal", "JFULL": "periodical", "MGZN": "article-magazine", "NEWS": "article-newspaper",
    "BOOK": "book", "EBOOK": "book", "EDBOOK": "book", "CHAP": "chapter", "ECHAP": "chapter",
    "CONF": "paper-conference", "CPAPER": "paper-conference", "THES": "thesis", "RPRT": "report",
    "ELEC": "webpage", "WEB": "webpage", "BLOG": "post-weblog", "DATA": "dataset", "COMP": "software",
    "PAT": "patent", "UNPB": "manuscript", "MANSCPT": "manuscript", "PAMP": "pamphlet",
    "ENCYC": "entry-encyclopedia", "DICT": "entry-dictionary", "MPCT": "motion_picture", "VIDEO": "motion_picture",
    "SOUND": "song", "MUSIC": "musical_score", "ART": "graphic", "FIGURE": "figure", "CASE": "legal_case",
    "STAT": "legislation", "BILL": "bill", "HEAR": "hearing", "MAP": "map", "PCOMM": "personal_communication",
    "STAND": "standard", "GEN": "document", "INPR": "article-journal", "ABST": "article-journal",
    "SER": "book", "ICOMM": "post", "EJOUR": "article-journal", "GOVDOC": "report", "CTLG": "book",
    "AGGR": "dataset", "ANCIENT": "classic", "CLSWK": "classic", "LEGAL": "legislation", "MULTI": "document",
    "SLIDE": "speech", "VIDEO ": "motion_picture", "INTV": "interview",
  ]

  /// CSL type → RIS `TY`.
  static let cslToType: [ItemType: String] = [
    "article-journal": "JOUR", "periodical": "JFULL", "article-magazine": "MGZN", "article-newspaper": "NEWS",
    "book": "BOOK", "chapter": "CHAP", "paper-conference": "CONF", "thesis": "THES", "report": "RPRT",
    "webpage": "ELEC", "post-weblog": "BLOG", "post": "ICOMM", "dataset": "DATA", "software": "COMP",
    "patent": "PAT", "manuscript": "UNPB", "pamphlet": "PAMP", "entry-encyclopedia": "ENCYC",
    "entry-dictionary": "DICT", "motion_picture": "MPCT", "song": "SOUND", "musical_score": "MUSIC",
    "graphic": "ART", "figure": "FIGURE", "legal_case": "CASE", "legislation": "STAT", "bill": "BILL",
    "hearing": "HEAR", "map": "MAP", "personal_communication": "PCOMM", "standard": "STAND", "classic": "CLSWK",
    "interview": "INTV", "speech": "SLIDE",
  ]

  /// Name tags → CSL name variables (repeated lines build the list).
  static let nameTags: [String: CSLVariable] = [
    "AU": "author", "A1": "author", "A2": "editor", "ED": "editor", "A3": "collection-editor", "A4": "translator",
  ]
  static let nameTagOrder: [(tag: String, variable: CSLVariable)] = [
    ("AU", "author"), ("A2", "editor"), ("A3", "collection-editor"), ("A4", "translator"),
  ]

  /// Text tags → CSL variables; for writing the first tag of a variable is used.
  static let textTags: [(tag: String, variable: CSLVariable)] = [
    ("TI", "title"), ("T1", "title"), ("CT", "title"), ("T2", "container-title"), ("JO", "container-title"),
    ("JF", "container-title"), ("BT", "container-title"), ("T3", "collection-title"), ("ST", "title-short"),
    ("J2", "container-title-short"), ("JA", "container-title-short"), ("VL", "volume"), ("IS", "issue"),
    ("PB", "publisher"), ("CY", "publisher-place"), ("PP", "publisher-place"), ("DO", "DOI"), ("UR", "URL"),
    ("AB", "abstract"), ("N2", "abstract"), ("LA", "language"), ("ET", "edition"), ("M3", "medium"),
    ("CN", "call-number"), ("NV", "number-of-volumes"), ("AN", "archive_location"), ("DP", "source"),
    ("SE", "section"), ("RN", "annote"), ("OP", "original-title"), ("M1", "number"), ("AV", "archive"),
  ]

  static let tagToVariable: [String: CSLVariable] = {
    var table: [String: CSLVariable] = [:]
    for (tag, variable) in textTags where table[tag] == nil { table[tag] = variable }
    return table
  }()

  static func tag(for variable: CSLVariable) -> String? {
    textTags.first { $0.variable == variable }?.tag
  }
}
