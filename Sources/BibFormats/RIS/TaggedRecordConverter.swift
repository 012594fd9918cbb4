import BibModel

/// Web of Science and MEDLINE records as references: their tags are mapped onto RIS tags (one
/// converter defines what each means), the few things RIS has no tag for (PMID, PMCID, MEDLINE
/// dates and page ranges) are set directly, and every other tag is kept as `wos:TAG` or
/// `medline:TAG`.
enum TaggedRecordConverter {
  static func reference(_ record: RISReader.Record, dialect: TaggedRecords.Dialect) -> Reference {
    switch dialect {
    case .webOfScience: return webOfScience(record.lines.map { ($0.tag, $0.value) })
    case .medline: return medline(record.lines.map { ($0.tag, $0.value) })
    }
  }

  private static let wosTypes: [String: String] = ["J": "JOUR", "B": "BOOK", "S": "CHAP", "P": "PAT", "C": "CONF"]
  private static let wosTags: [String: String] = [
    "TI": "TI", "SO": "T2", "J9": "J2", "PY": "PY", "VL": "VL", "IS": "IS", "BP": "SP", "EP": "EP", "DI": "DO",
    "SN": "SN", "BN": "SN", "PU": "PB", "PI": "CY", "AB": "AB", "LA": "LA", "UT": "AN", "BE": "A2", "SE": "T3",
  ]

  private static func webOfScience(_ lines: [(String, String)]) -> Reference {
    let fullNames = lines.contains { $0.0 == "AF" }
    var mapped: [(String, String)] = []
    for (tag, value) in lines {
      switch tag {
      case "PT": mapped.insert(("TY", wosTypes[value.uppercased()] ?? "GEN"), at: 0)
      case "AF": mapped.append(("AU", value))
      case "AU" where !fullNames: mapped.append(("AU", value))
      case "AU": mapped.append(("wos:AU", value))
      case "DE":
        for keyword in value.split(separator: ";") { mapped.append(("KW", keyword.trimmingCharacters(in: " "))) }
      default: mapped.append((wosTags[tag] ?? "wos:" + tag, value))
      }
    }
    var reference = RISConverter.reference(mapped, fallbackID: "wos", keepPrefix: "")
    if let accession = reference.variables["archive_location"], accession.hasPrefix("WOS:") {
      reference.variables["archive"] = "Web of Science"
    }
    return reference
  }

  private static let medlineTags: [String: String] = [
    "TI": "TI", "AB": "AB", "JT": "T2", "TA": "J2", "VI": "VL", "IP": "IS", "PB": "PB",
    "BTI": "T2", "ED": "A2",
  ]

  private static func medline(_ lines: [(String, String)]) -> Reference {
    let fullNames = lines.contains { $0.0 == "FAU" }
    let isBook = lines.contains { $0.0 == "BTI" || ($0.0 == "PT" && $0.1 == "Book") }
    var mapped: [(String, String)] = [("TY", isBook ? (lines.contains { $0.0 == "TI" } ? "CHAP" : "BOOK") : "JOUR")]
    var page: String?
    var issued: DateValue?
    var identifiers: [String: String] = [:]
    for (tag, value) in lines {
      switch tag {
      case "FAU": mapped.append(("AU", value))
      case "AU" where !fullNames: mapped.append(("AU", shortName(value)))
      case "FED": mapped.append(("A2", value))
      case "OT", "MH": mapped.append(("KW", value))
      case "PG" where page == nil: page = value
      case "DP" where issued == nil: issued = medlineDate(value)
      case "PMID": identifiers["PMID"] = value
      case "PMC": identifiers["PMCID"] = value
      case "IS" where identifiers["ISSN"] == nil: identifiers["ISSN"] = String(value.prefix { $0 != " " })
      case "LA": mapped.append(("LA", languages[value.lowercased()] ?? value))
      case "AID", "LID":
        if value.hasSuffix("[doi]"), identifiers["DOI"] == nil {
          identifiers["DOI"] = String(value.dropLast(5)).trimmingCharacters(in: " ")
        } else {
          mapped.append(("medline:" + tag, value))
        }
      default: mapped.append((medlineTags[tag] ?? "medline:" + tag, value))
      }
    }
    var reference = RISConverter.reference(mapped, fallbackID: "medline", keepPrefix: "")
    for (variable, value) in identifiers { reference.variables[CSLVariable(variable)] = value }
    if let page { reference.variables["page"] = page }
    if let issued { reference.dates["issued"] = issued }
    return reference
  }

  /// `Smith J` (MEDLINE's short form) → `Smith, J`.
  private static func shortName(_ value: String) -> String {
    guard let space = value.lastIndex(of: " ") else { return value }
    return value[..<space] + ", " + value[value.index(after: space)...]
  }

  private static let languages: [String: String] = [
    "eng": "en", "fre": "fr", "ger": "de", "spa": "es", "ita": "it", "chi": "zh", "jpn": "ja", "rus": "ru",
    "por": "pt", "dut": "nl", "kor": "ko", "pol": "pl", "swe": "sv", "tur": "tr",
  ]

  /// `2020 Jan 15`, `2020 Jan`, `2020`, `2019 Winter`, `2020 Jan-Feb` (the start is kept).
  static func medlineDate(_ value: String) -> DateValue {
    let parts = value.split(separator: " ").map(String.init)
    guard let first = parts.first, let year = Int(first.prefix(4)) else { return DateValue(literal: value) }
    var date = DateParts(year: year)
    if parts.count > 1 {
      let monthName = String(parts[1].prefix(3))
      date.month = BibTeXMapping.months.firstIndex(of: monthName.lowercased()).map { $0 + 1 }
      if date.month == nil { return DateValue(literal: value) }
      if parts.count > 2, let day = Int(parts[2]), (1...31).contains(day) { date.day = day }
    }
    return DateValue(parts: [date])
  }
}
