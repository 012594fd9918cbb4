import BibModel

/// Checks references: required fields per type, dates that exist, DOI syntax, ISBN-10/13 and
/// ISSN check digits, URLs. Findings carry file:line:column (the field's place when the reader
/// recorded it, else the entry's). The knowledge-base check reuses this.
public struct BibliographyValidator: Sendable {
  /// A validator (stateless).
  public init() {}

  /// Required variables per CSL type; an inner array means "one of".
  static let required: [ItemType: [[CSLVariable]]] = [
    "article-journal": [["author", "editor"], ["title"], ["container-title"], ["issued"]],
    "article-magazine": [["title"], ["container-title"], ["issued"]],
    "article-newspaper": [["title"], ["container-title"], ["issued"]],
    "book": [["author", "editor"], ["title"], ["issued"]],
    "chapter": [["author", "editor"], ["title"], ["container-title"], ["issued"]],
    "paper-conference": [["author"], ["title"], ["container-title", "event-title"], ["issued"]],
    "thesis": [["author"], ["title"], ["publisher"], ["issued"]],
    "report": [["author", "editor", "publisher"], ["title"], ["issued"]],
    "webpage": [["title"], ["URL"]],
    "post-weblog": [["title"], ["URL"]],
    "dataset": [["title"], ["author", "publisher"]],
    "software": [["title"]],
    "patent": [["author"], ["title"], ["number"]],
  ]

  /// Field names (as formats write them) where a CSL variable may have been written.
  private static let writtenNames: [String: [String]] = [
    "author": ["author", "AU", "A1"], "editor": ["editor", "A2", "ED"], "title": ["title", "TI", "T1"],
    "container-title": ["journaltitle", "journal", "booktitle", "container-title", "T2", "JO", "JF", "BT"],
    "issued": ["date", "year", "issued", "PY", "DA", "Y1"], "DOI": ["doi", "DOI", "DO"],
    "ISBN": ["isbn", "ISBN", "SN"], "ISSN": ["issn", "ISSN", "SN"], "URL": ["url", "URL", "UR"],
    "accessed": ["urldate", "accessed", "Y2"], "publisher": ["publisher", "institution", "school", "PB"],
  ]

  /// Findings for every reference of a document, sorted by place.
  public func validate(_ document: BibDocument, file: String) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for reference in document.references {
      diagnostics += validate(reference, document: document, file: file)
    }
    return diagnostics.sorted {
      ($0.location ?? SourceLocation(file: file)) < ($1.location ?? SourceLocation(file: file))
    }
  }

  private func place(
    _ reference: Reference, _ variable: String, _ document: BibDocument, _ file: String
  ) -> SourceLocation {
    let fields = document.fieldLocations[reference.id] ?? [:]
    for name in [variable, variable.lowercased()] + (Self.writtenNames[variable] ?? []) {
      if let location = fields[name] ?? fields[name.lowercased()] { return location }
    }
    return document.locations[reference.id] ?? SourceLocation(file: file)
  }

  /// Findings for one reference; `document` supplies where its fields were written.
  public func validate(_ reference: Reference, document: BibDocument, file: String) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let id = reference.id
    func report(_ severity: Severity, _ code: String, _ variable: CSLVariable, _ message: String, hint: String? = nil) {
      diagnostics.append(
        Diagnostic(
          severity, code: code, message: "'\(id)': " + message,
          location: place(reference, variable.rawValue, document, file),
          hint: hint))
    }
    for alternatives in Self.required[reference.type] ?? [["title"]] where !alternatives.contains(where: reference.has)
    {
      report(
        .warning, "missing-field", alternatives[0],
        "\(reference.type) without \(alternatives.map { "'\($0)'" }.joined(separator: " or "))")
    }
    for (variable, date) in reference.dates.sorted(by: { $0.key < $1.key }) {
      if let problem = Self.dateProblem(date) { report(.error, "invalid-date", variable, "\(variable): \(problem)") }
    }
    if let doi = reference["DOI"], !Self.isDOI(doi) {
      report(
        .error, "invalid-doi", "DOI", "'\(doi)' is not a DOI",
        hint: "a DOI looks like 10.1234/abc (no https://doi.org/ prefix)")
    }
    if let isbn = reference["ISBN"] {
      for candidate in isbn.split(whereSeparator: { $0 == "," || $0 == ";" }) {
        let digits = candidate.uppercased().filter { $0.isNumber || $0 == "X" }
        let valid = digits.count == 10 ? ISBN.isValid10(digits) : digits.count == 13 ? ISBN.isValid13(digits) : false
        if !valid {
          report(
            .error, "invalid-isbn", "ISBN",
            "ISBN '\(candidate.trimmingCharacters(in: " "))' has a wrong length or check digit")
        }
      }
    }
    if let issn = reference["ISSN"] {
      for candidate in issn.split(whereSeparator: { $0 == "," || $0 == ";" }) where !Self.isISSN(String(candidate)) {
        report(
          .error, "invalid-issn", "ISSN",
          "ISSN '\(candidate.trimmingCharacters(in: " "))' has a wrong length or check digit")
      }
    }
    if let url = reference["URL"], !Self.isURL(url) {
      report(
        .error, "invalid-url", "URL", "'\(url)' is not an http(s) or ftp URL",
        hint: "URLs need a scheme and a host, and no spaces")
    }
    return diagnostics
  }

  static func isDOI(_ text: String) -> Bool {
    let parts = text.split(separator: "/", maxSplits: 1)
    guard parts.count == 2, parts[0].hasPrefix("10."), !parts[1].isEmpty else { return false }
    let registrant = parts[0].dropFirst(3)
    guard (4...9).contains(registrant.prefix { $0 != "." }.count),
      registrant.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") })
    else { return false }
    return !text.contains(where: { $0.isWhitespace })
  }

  static func isISSN(_ text: String) -> Bool {
    let digits = Array(text.uppercased().filter { $0.isNumber || $0 == "X" })
    guard digits.count == 8 else { return false }
    var sum = 0
    for (offset, character) in digits.enumerated() {
      let value = character == "X" && offset == 7 ? 10 : character.wholeNumberValue ?? 99
      guard value < 11 else { return false }
      sum += value * (8 - offset)
    }
    return sum % 11 == 0
  }

  static func isURL(_ text: String) -> Bool {
    let lower = text.lowercased()
    guard let scheme = ["https://", "http://", "ftp://"].first(where: lower.hasPrefix) else { return false }
    let rest = text.dropFirst(scheme.count)
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    guard !host.isEmpty, host.contains(".") || host.hasPrefix("localhost") else { return false }
    return !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
  }

  /// The largest year a date may name; beyond it a date is a diagnostic, not a value.
  static let maximumYear = 999_999

  static func dateProblem(_ date: DateValue) -> String? {
    for part in date.parts {
      // Compared without abs(): the year of -2^63 has no positive counterpart.
      if let year = part.year, year > maximumYear || year < -maximumYear {
        return "year \(year) is beyond ±999,999"
      }
      if let month = part.month, !(1...12).contains(month) && !(13...16).contains(month) {
        return "month \(month) does not exist"
      }
      if let day = part.day, let month = part.month, (1...12).contains(month) {
        let days = DateParts.days(inMonth: month, year: part.year ?? 2000)
        if !(1...days).contains(day) { return "day \(day) does not exist in month \(month)" }
      }
      if part.day != nil && part.month == nil { return "a day without a month" }
    }
    if date.parts.count == 2, let start = date.parts[0].year, let end = date.parts[1].year {
      let startKey = (start, date.parts[0].month ?? 0, date.parts[0].day ?? 0)
      let endKey = (end, date.parts[1].month ?? 99, date.parts[1].day ?? 99)
      if endKey < startKey { return "the range ends before it starts" }
    }
    if date.parts.isEmpty && date.literal == nil && date.raw == nil { return "empty date" }
    return nil
  }
}
