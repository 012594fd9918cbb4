import BibModel

/// Turns an entry's fields into a `Reference` the native way (no `csl` blob): the one place
/// that defines how BibLaTeX fields read as CSL, used by the reader and by the writer to check
/// that what it wrote reads back the same.
enum BibTeXConverter {
  static func isLanguageTag(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return false }
    return parts.dropFirst().allSatisfy {
      !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }

  /// `title-zh-Latn-pinyin` → (`title`, `zh-Latn-pinyin`) when `title` is a mapped field.
  static func splitFormField(_ written: String) -> (field: String, tag: String)? {
    var index = written.startIndex
    while let dash = written[index...].firstIndex(of: "-") {
      let field = written[..<dash].lowercased()
      let tag = String(written[written.index(after: dash)...])
      if BibTeXMapping.fieldToVariable[field] != nil || BibTeXMapping.nameFields[field] != nil,
        isLanguageTag(tag)
      {
        return (field, tag)
      }
      index = written.index(after: dash)
    }
    return nil
  }

  static func decodeText(_ field: String, _ value: String) -> String {
    decodeText(BibTeXMapping.fieldRoles[field] ?? BibTeXMapping.FieldRole.none, value)
  }

  /// `decodeText` for a field of the given role.
  static func decodeText(_ role: BibTeXMapping.FieldRole, _ value: String) -> String {
    if role.verbatim { return value.trimmingCharacters(in: " \t\r\n") }
    return LaTeXDecoder.decode(value, caseProtection: role.title)
  }

  static func decodeDate(_ value: String) -> DateValue {
    let raw = value.trimmingCharacters(in: " \t\r\n")
    if let date = DateValue.parseEDTF(raw.replacingDashes()) { return date }
    return DateValue(literal: LaTeXDecoder.decode(value, caseProtection: false))
  }

  /// EDTF for writing, with seasons (`2015-24`) which `DateValue.edtf` leaves out.
  static func edtf(_ date: DateValue) -> String? {
    // Years beyond ±10⁹ are not dates (and `DateValue.edtf` cannot negate Int.min); the blob keeps them.
    guard date.parts.allSatisfy({ (-999_999_999...999_999_999).contains($0.year ?? 0) }), var text = date.edtf else {
      return nil
    }
    if let season = date.season, let number = Int(season), (1...4).contains(number), date.parts.count == 1,
      date.start?.month == nil, let year = date.start?.year
    {
      text = String(year) + "-" + String(20 + number) + (date.circa ? "~" : "")
    }
    return text
  }

  /// BibTeX's thesis types say which thesis (Pandoc and biber give the genre too).
  private static let thesisGenres: [String: String] = [
    "mastersthesis": "Master's thesis", "phdthesis": "PhD thesis",
  ]

  /// A babel name (`ngerman`) as its BCP 47 tag; anything else as written.
  static func language(_ field: BibTeXField) -> String {
    let text = decodeText(field.name, field.value)
    return BibLaTeXKeys.tag(forLanguage: text) ?? text
  }

  /// `\url{…}` (or `\href{…}`) as the whole value of `howpublished`.
  static func isURLCommand(_ value: String) -> Bool {
    let trimmed = value.trimmingCharacters(in: " \t\r\n")
    return (trimmed.hasPrefix("\\url{") || trimmed.hasPrefix("\\nolinkurl{")) && trimmed.hasSuffix("}")
      && !trimmed.dropFirst(5).contains("\\url")
  }

  private static let articleTypes: Set<ItemType> = [
    "article-journal", "article-magazine", "article-newspaper", "periodical", "article",
  ]
  private static let institutionTypes: Set<ItemType> = [.thesis, .report]

  /// The native reading of an entry.
  static func reference(type bibType: String, key: String, fields: [BibTeXField]) -> Reference {
    var reference = Reference(id: key)
    let subtype = fields.first { $0.name == "entrysubtype" }?.value
    let cslType = BibTeXMapping.cslType(bibType: bibType, subtype: subtype)
    reference.type = cslType
    let subtypeConsumed = subtype != nil && cslType != BibTeXMapping.cslType(bibType: bibType, subtype: nil)
    let genre = fields.first { $0.name == "type" }.map { LaTeXDecoder.decode($0.value, caseProtection: false) }
    if bibType != BibTeXMapping.biblatexType(for: cslType, dialect: .biblatex, genre: genre).0
      && bibType != BibTeXMapping.biblatexType(for: cslType, dialect: .bibtex, genre: genre).0
    {
      reference.variables[CSLVariable("biblatex-type")] = bibType
    }
    // The fields whose presence the reading asks about, found in one pass (a set of every
    // field's name was made and hashed for each entry).
    let has = PresentFields(fields)
    var year: String?
    var month: String?
    var day: String?
    var subtitle: String?
    var nameForms: [(variable: CSLVariable, tag: String, value: String)] = []
    func keep(_ field: BibTeXField) {
      reference.variables[CSLVariable("biblatex:" + field.written)] = field.value
    }
    for field in fields {
      let name = field.name
      // The field's role looked up once, the fields read on their own told by it (each name
      // compared with every one of theirs cost as much as the look-up).
      let role = field.role ?? BibTeXMapping.fieldRoles[name] ?? .none
      switch role.special {
      case .entrysubtype where subtypeConsumed: continue
      case .csl: continue
      case .date: reference.dates[.issued] = decodeDate(field.value)
      case .year where !has.date: year = field.value
      case .month where !has.date && has.year: month = field.value
      case .day where !has.date && has.year: day = field.value
      case .subtitle:
        subtitle = LaTeXDecoder.decode(field.value, caseProtection: true)
        keep(field)
      case .number:
        let variable: CSLVariable
        if articleTypes.contains(cslType) {
          variable = has.issue ? .number : .issue
        } else if has.series && ["book", "chapter", "paper-conference", "report"].contains(cslType) {
          variable = .collectionNumber
        } else {
          variable = .number
        }
        if reference.variables[variable] == nil {
          reference.variables[variable] = decodeText(role, field.value)
        } else {
          keep(field)
        }
      case .institution where institutionTypes.contains(cslType) && !has.publisher,
        .school where institutionTypes.contains(cslType) && !has.publisher:
        if reference.variables[.publisher] == nil {
          reference.variables[.publisher] = decodeText(role, field.value)
        } else {
          keep(field)
        }
      case .langid:
        reference.variables[.language] = language(field)
      case .language where !has.langid:
        reference.variables[.language] = language(field)
      case .type where reference.variables[.genre] == nil:
        let text = decodeText(role, field.value)
        reference.variables[.genre] = BibLaTeXKeys.genre(forType: text) ?? text
      case .howpublished where !has.url && isURLCommand(field.value):
        reference.variables[.url] = LaTeXDecoder.decode(field.value, caseProtection: false)
      default:
        if name.hasPrefix("x-csl-") {
          let variable = CSLVariable(String(field.written.dropFirst(6)))
          reference.variables[variable] = LaTeXDecoder.decode(
            field.value, caseProtection: variable.rawValue.contains("title"))
          continue
        }
        if let variable = role.nameVariable {
          if reference.names[variable] == nil {
            let (names, etAl) = field.names.map { ($0.names, $0.etAl) } ?? EtAl.parse(field.value)
            reference.names[variable] = names
            if etAl { reference = EtAl.mark(reference, variable) }
          } else {
            keep(field)
          }
        } else if let variable = role.dateVariable {
          reference.dates[variable] = decodeDate(field.value)
        } else if let variable = role.textVariable, reference.variables[variable] == nil {
          reference.variables[variable] = decodeText(role, field.value)
        } else if let (formField, tag) = splitFormField(field.written) {
          if let variable = BibTeXMapping.nameFields[formField] {
            nameForms.append((variable, tag, field.value))
          } else if let variable = BibTeXMapping.fieldToVariable[formField] {
            reference.forms[variable, default: [:]][tag] = decodeText(formField, field.value)
          }
        } else {
          keep(field)
        }
      }
    }
    if let year {
      let yearText = LaTeXDecoder.decode(year, caseProtection: false)
      if let number = Int(yearText) {
        var parts = DateParts(year: number)
        if let month, let value = BibTeXMapping.month(LaTeXDecoder.decode(month, caseProtection: false)) {
          parts.month = value
          if let day, let dayValue = Int(day.trimmingCharacters(in: " ")), (1...31).contains(dayValue) {
            parts.day = dayValue
          } else if let day {
            reference.variables["biblatex:day"] = day
          }
        } else if let month {
          reference.variables["biblatex:month"] = month
          if let day { reference.variables["biblatex:day"] = day }
        }
        reference.dates[.issued] = DateValue(parts: [parts])
      } else if let date = DateValue.parseEDTF(yearText.replacingDashes()), month == nil {
        reference.dates[.issued] = date
      } else {
        reference.dates[.issued] = DateValue(literal: yearText)
        if let month { reference.variables["biblatex:month"] = month }
        if let day { reference.variables["biblatex:day"] = day }
      }
    }
    if reference.variables[.genre] == nil, let genre = thesisGenres[bibType] {
      reference.variables[.genre] = genre
    }
    if reference.variables[.containerTitle] == nil, cslType == "chapter" || cslType == "paper-conference",
      let main = fields.first(where: { $0.name == "maintitle" })
    {
      // `@inbook` with a crossref to an `@mvbook`: biber's `maintitle` is the container.
      reference.variables[.containerTitle] = decodeText("maintitle", main.value)
    }
    if let subtitle, let title = reference.variables[.title] {
      reference.variables[.title] = title + ": " + subtitle
    }
    for (variable, tag, value) in nameForms {
      guard var names = reference.names[variable] else { continue }
      let forms = BibTeXNames.parseList(value)
      for (offset, form) in forms.enumerated() where offset < names.count && form != names[offset] {
        names[offset].forms[tag] = form
      }
      reference.names[variable] = names
    }
    return reference
  }
}

/// Which of the fields `BibTeXConverter.reference` asks about an entry has.
private struct PresentFields {
  private(set) var date = false
  private(set) var year = false
  private(set) var issue = false
  private(set) var series = false
  private(set) var publisher = false
  private(set) var langid = false
  private(set) var url = false

  init(_ fields: [BibTeXField]) {
    for field in fields {
      switch field.name {
      case "date": date = true
      case "year": year = true
      case "issue": issue = true
      case "series": series = true
      case "publisher": publisher = true
      case "langid": langid = true
      case "url": url = true
      default: break
      }
    }
  }
}

extension String {
  /// `2004--2006` → `2004/2006` for date fields written with BibTeX dashes.
  func replacingDashes() -> String {
    // No en dash without its first byte (the split below is all the change there is: a
    // text without an en dash comes back as it is).
    guard utf8.contains(0xE2) else { return self }
    return split(separator: "–", omittingEmptySubsequences: false).joined(separator: "/")
  }
}
