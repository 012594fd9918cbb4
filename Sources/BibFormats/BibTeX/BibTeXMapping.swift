import BibModel

/// The BibLaTeX ↔ CSL correspondence, documented field by field in Docs/bibliography-formats.md.
enum BibTeXMapping {
  /// BibLaTeX/BibTeX entry type → CSL type (entrysubtype refines `article`).
  static let typeToCSL: [String: ItemType] = [
    "article": "article-journal", "book": "book", "mvbook": "book", "inbook": "chapter",
    "bookinbook": "chapter", "suppbook": "chapter", "booklet": "pamphlet", "collection": "book",
    "mvcollection": "book", "incollection": "chapter", "suppcollection": "chapter", "proceedings": "book",
    "mvproceedings": "book", "inproceedings": "paper-conference", "conference": "paper-conference",
    "manual": "report", "misc": "document", "online": "webpage", "electronic": "webpage", "www": "webpage",
    "patent": "patent", "periodical": "periodical", "suppperiodical": "article-journal", "report": "report",
    "techreport": "report", "thesis": "thesis", "phdthesis": "thesis", "mastersthesis": "thesis",
    "unpublished": "manuscript", "dataset": "dataset", "software": "software", "reference": "book",
    "mvreference": "book", "inreference": "entry-encyclopedia", "audio": "song", "music": "song",
    "video": "motion_picture", "movie": "motion_picture", "image": "graphic", "artwork": "graphic",
    "jurisdiction": "legal_case", "legislation": "legislation", "legal": "legislation", "standard": "standard",
    "letter": "personal_communication", "review": "review", "performance": "performance", "map": "map",
    "interview": "interview", "speech": "speech",
  ]

  /// CSL type → (BibLaTeX type, entrysubtype).
  static func biblatexType(for cslType: ItemType, dialect: BibTeXWriter.Dialect, genre: String?) -> (String, String?) {
    switch cslType {
    case .articleJournal: return ("article", nil)
    case .articleMagazine: return ("article", "magazine")
    case .articleNewspaper: return ("article", "newspaper")
    case .article: return ("article", "preprint")
    case .book: return ("book", nil)
    case .chapter: return ("incollection", nil)
    case .paperConference: return ("inproceedings", nil)
    case .thesis:
      guard dialect == .bibtex else { return ("thesis", nil) }
      let lower = (genre ?? "").lowercased()
      return (lower.contains("master") || lower.contains("ma ") ? "mastersthesis" : "phdthesis", nil)
    case .report: return (dialect == .bibtex ? "techreport" : "report", nil)
    case .pamphlet: return ("booklet", nil)
    case .manuscript: return ("unpublished", nil)
    case .patent: return (dialect == .bibtex ? "misc" : "patent", nil)
    case .periodical: return (dialect == .bibtex ? "misc" : "periodical", nil)
    default: break
    }
    if dialect == .bibtex { return ("misc", nil) }
    switch cslType {
    case .webpage: return ("online", nil)
    case .post: return ("online", "post")
    case .postWeblog: return ("online", "weblog")
    case .dataset: return ("dataset", nil)
    case .software: return ("software", nil)
    case .entryEncyclopedia: return ("inreference", nil)
    case .entryDictionary: return ("inreference", "dictionary")
    case .entry: return ("inreference", "entry")
    case .song: return ("audio", nil)
    case .motionPicture: return ("video", nil)
    case .graphic: return ("image", nil)
    case .legalCase: return ("jurisdiction", nil)
    case .legislation: return ("legislation", nil)
    case .bill: return ("legislation", "bill")
    case .standard: return ("standard", nil)
    case .personalCommunication: return ("letter", nil)
    case .review: return ("review", nil)
    case .reviewBook: return ("review", "book")
    case .performance: return ("performance", nil)
    case .map: return ("map", nil)
    case .interview: return ("interview", nil)
    case .speech: return ("speech", nil)
    default: return ("misc", nil)
    }
  }

  /// The CSL type for an entry type and entrysubtype.
  static func cslType(bibType: String, subtype: String?) -> ItemType {
    switch (bibType, subtype?.lowercased()) {
    case ("article", "magazine"): return .articleMagazine
    case ("article", "newspaper"): return .articleNewspaper
    case ("article", "preprint"): return .article
    case ("online", "post"): return .post
    case ("online", "weblog"): return .postWeblog
    case ("inreference", "dictionary"): return .entryDictionary
    case ("inreference", "entry"): return .entry
    case ("legislation", "bill"): return .bill
    case ("review", "book"): return .reviewBook
    default: return typeToCSL[bibType] ?? .document
    }
  }

  /// Name fields → CSL name variables.
  static let nameFields: [String: CSLVariable] = [
    "author": "author", "editor": "editor", "translator": "translator", "bookauthor": "container-author",
    "annotator": "x-annotator", "commentator": "x-commentator", "introduction": "x-introduction",
    "foreword": "x-foreword", "afterword": "x-afterword", "holder": "x-holder",
  ].filter { !$0.value.rawValue.hasPrefix("x-") }

  /// Plain (text or number) fields → CSL variables, for reading. Alias fields come after the
  /// preferred field of the same variable so the writer can pick the first.
  static let textFields: [(field: String, variable: CSLVariable)] = [
    ("title", "title"), ("shorttitle", "title-short"), ("booktitle", "container-title"),
    ("journaltitle", "container-title"), ("journal", "container-title"),
    ("shortjournal", "container-title-short"), ("series", "collection-title"), ("volume", "volume"),
    ("volumes", "number-of-volumes"), ("pages", "page"), ("pagetotal", "number-of-pages"),
    ("edition", "edition"), ("publisher", "publisher"), ("location", "publisher-place"),
    ("address", "publisher-place"), ("doi", "DOI"), ("isbn", "ISBN"), ("issn", "ISSN"), ("url", "URL"),
    ("abstract", "abstract"), ("note", "note"), ("annotation", "annote"), ("annote", "annote"),
    ("keywords", "keyword"), ("langid", "language"), ("type", "genre"), ("chapter", "chapter-number"),
    ("eventtitle", "event-title"), ("venue", "event-place"), ("origtitle", "original-title"),
    ("origpublisher", "original-publisher"), ("origlocation", "original-publisher-place"),
    ("version", "version"), ("part", "part-number"), ("pmid", "PMID"), ("pmcid", "PMCID"),
    ("howpublished", "medium"), ("issue", "issue"), ("status", "status"), ("library", "call-number"),
  ]

  /// The preferred field of each variable `textFields` maps (its first field there), for writing.
  static let variableToField: [CSLVariable: String] = {
    var table: [CSLVariable: String] = [:]
    for (field, variable) in textFields where table[variable] == nil { table[variable] = field }
    return table
  }()

  /// The name field of each name variable, for writing.
  static let variableToNameField: [CSLVariable: String] = {
    var table: [CSLVariable: String] = [:]
    for (field, variable) in nameFields { table[variable] = field }
    return table
  }()

  static let fieldToVariable: [String: CSLVariable] = {
    var table: [String: CSLVariable] = [:]
    for (field, variable) in textFields where table[field] == nil { table[field] = variable }
    return table
  }()

  /// Date fields (besides `date`/`year`/`month`/`day`) → CSL date variables.
  static let dateFields: [String: CSLVariable] = [
    "urldate": "accessed", "origdate": "original-date", "eventdate": "event-date",
  ]

  /// What reading and writing a field involves, from the tables above and the writer's field
  /// order in one look-up; shared (a copy is one reference).
  final class FieldRole: Sendable {
    let nameVariable: CSLVariable?
    let dateVariable: CSLVariable?
    let textVariable: CSLVariable?
    /// In `verbatimFields`.
    let verbatim: Bool
    /// In `titleFields`.
    let title: Bool
    /// In `listFields`.
    let list: Bool
    /// A field the reading of an entry treats on its own.
    let special: SpecialField?
    /// The field's place in the writer's canonical order (`BibTeXWriter.fieldOrder`).
    let rank: Int?

    init(
      nameVariable: CSLVariable? = nil, dateVariable: CSLVariable? = nil, textVariable: CSLVariable? = nil,
      verbatim: Bool = false, title: Bool = false, list: Bool = false, special: SpecialField? = nil, rank: Int? = nil
    ) {
      self.nameVariable = nameVariable
      self.dateVariable = dateVariable
      self.textVariable = textVariable
      self.verbatim = verbatim
      self.title = title
      self.list = list
      self.special = special
      self.rank = rank
    }

    /// The role of a field no table names.
    static let none = FieldRole()
  }

  /// The fields `BibTeXConverter.reference` treats on their own (their names).
  enum SpecialField: String, CaseIterable, Sendable {
    case entrysubtype, csl, date, year, month, day, subtitle, number, institution, school, langid, language, type,
      howpublished
  }

  /// Every field the tables or the writer's order name, with its role. (The reading of an
  /// entry looked each field up in three tables and each text field's value in two more, the
  /// writer in two more for its value and in the order for its rank: some 250 instructions a
  /// look-up, and writing BibLaTeX reads every entry it writes back.)
  static let fieldRoles: [String: FieldRole] = {
    let names = Set(
      Array(nameFields.keys) + Array(dateFields.keys) + Array(fieldToVariable.keys) + Array(verbatimFields)
        + Array(titleFields) + Array(listFields) + SpecialField.allCases.map(\.rawValue) + BibTeXWriter.fieldOrder)
    let ranks = Dictionary(BibTeXWriter.fieldOrder.enumerated().map { ($1, $0) }) { _, last in last }
    var roles: [String: FieldRole] = [:]
    for name in names {
      roles[name] = FieldRole(
        nameVariable: nameFields[name], dateVariable: dateFields[name], textVariable: fieldToVariable[name],
        verbatim: verbatimFields.contains(name), title: titleFields.contains(name), list: listFields.contains(name),
        special: SpecialField(rawValue: name), rank: ranks[name])
    }
    return roles
  }()

  /// Fields whose value is taken verbatim (no LaTeX decoding).
  static let verbatimFields: Set<String> = [
    "url", "doi", "eprint", "file", "pdf", "isbn", "issn", "pmid", "pmcid", "csl",
  ]

  /// BibLaTeX list fields: items are separated by `and`.
  static let listFields: Set<String> = [
    "publisher", "location", "address", "institution", "school", "organization", "language",
  ]

  /// Fields where top-level braces protect case (CSL nocase spans).
  static let titleFields: Set<String> = [
    "title", "subtitle", "titleaddon", "booktitle", "booksubtitle", "maintitle", "mainsubtitle",
    "journaltitle", "journal", "journalsubtitle", "shorttitle", "origtitle", "eventtitle", "series",
    "issuetitle", "issuesubtitle", "shortjournal", "reprinttitle",
  ]

  /// The month macros of BibTeX and their numbers.
  static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
  static let monthNames = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
  ]

  /// A month written as a number, macro or English name.
  static func month(_ text: String) -> Int? {
    let lower = text.trimmingCharacters(in: " .").lowercased()
    if let number = Int(lower), (1...12).contains(number) { return number }
    if let index = months.firstIndex(of: lower) { return index + 1 }
    if let index = monthNames.firstIndex(of: lower) { return index + 1 }
    return nil
  }

  /// BibTeX names of BibLaTeX fields (one field, two names).
  static let aliases: [String: String] = [
    "address": "location", "journal": "journaltitle", "school": "institution", "annote": "annotation",
    "archiveprefix": "eprinttype", "primaryclass": "eprintclass",
  ]

  /// Fields that inheritance (crossref/xdata) never copies.
  static let notInherited: Set<String> = [
    "ids", "crossref", "xref", "xdata", "entryset", "entrysubtype", "execute", "label", "options", "presort",
    "related", "relatedoptions", "relatedstring", "relatedtype", "shorthand", "shorthandintro", "sortkey",
  ]

  /// BibLaTeX's default inheritance for a parent type → child type: parent field → child field.
  static func inheritedName(of field: String, parentType: String, childType: String) -> String {
    let bookParents: Set<String> = [
      "book", "mvbook", "collection", "mvcollection", "proceedings", "mvproceedings", "reference", "mvreference",
    ]
    let bookChildren: Set<String> = [
      "inbook", "bookinbook", "suppbook", "incollection", "suppcollection", "inproceedings", "inreference",
    ]
    if bookParents.contains(parentType) && bookChildren.contains(childType) {
      switch field {
      case "title": return parentType.hasPrefix("mv") ? "maintitle" : "booktitle"
      case "subtitle": return parentType.hasPrefix("mv") ? "mainsubtitle" : "booksubtitle"
      case "titleaddon": return parentType.hasPrefix("mv") ? "maintitleaddon" : "booktitleaddon"
      case "author" where childType == "inbook" || childType == "bookinbook" || childType == "suppbook":
        return "bookauthor"
      case "shorttitle": return ""
      default: return field
      }
    }
    if parentType == "periodical" && (childType == "article" || childType == "suppperiodical") {
      switch field {
      case "title": return "journaltitle"
      case "subtitle": return "journalsubtitle"
      case "shorttitle": return ""
      default: return field
      }
    }
    return field
  }
}
