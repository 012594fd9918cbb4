import BibModel

/// The writer's fields of one entry: each CSL variable, name list and date as the BibLaTeX (or
/// BibTeX) field the reader maps back, in the dialect's names.
extension BibTeXWriter {
  static let articleTypes: Set<ItemType> = [
    "article-journal", "article-magazine", "article-newspaper", "periodical", "article",
  ]

  /// The preferred field for a CSL variable in this dialect and type, or nil (→ `x-csl-…`).
  func field(for variable: CSLVariable, cslType: ItemType) -> String? {
    let bibtex = options.dialect == .bibtex
    switch variable {
    // (Cases of known variables compare ordinals; a string pattern made a variable each time.)
    case .containerTitle:
      if Self.articleTypes.contains(cslType) { return bibtex ? "journal" : "journaltitle" }
      if Self.bookTitleTypes.contains(cslType) { return "booktitle" }
      // Websites, posts, datasets…: `journaltitle` is what other readers (Pandoc) take as the container.
      return bibtex ? "journal" : "journaltitle"
    case .publisherPlace: return bibtex ? "address" : "location"
    case .publisher where cslType == .thesis: return bibtex ? "school" : "institution"
    case .publisher where cslType == .report: return "institution"
    case .issue where Self.articleTypes.contains(cslType): return "number"
    case .collectionNumber, .number: return "number"
    case .annote: return "annotation"
    default:
      return BibTeXMapping.variableToField[variable]
    }
  }

  /// The types whose container is a `booktitle`.
  private static let bookTitleTypes: Set<ItemType> = [
    "chapter", "paper-conference", "entry-encyclopedia", "entry-dictionary", "entry",
  ]

  private static let keyedVariables: Set<CSLVariable> = [.language, .genre]
  /// Variables the reader keeps from a .bib file (made once: a variable made from a string
  /// looks its name up).
  private static let biblatexType = CSLVariable("biblatex-type")
  private static let biblatexSubtitle = CSLVariable("biblatex:subtitle")

  /// `language` as a babel name, `genre` as a biblatex type key, when the reader maps them back;
  /// a value the reader would not give back as is (`language = English`) → nil.
  private func keyedValue(_ variable: CSLVariable, _ text: String) -> (field: String, value: String)? {
    switch variable {
    case .language:
      if let babel = BibLaTeXKeys.babel(forTag: text) { return ("langid", babel) }
      if BibLaTeXKeys.tag(forLanguage: text) != nil { return nil }
      return ("langid", latex.encode(text, caseProtection: false))
    case .genre:
      if let key = BibLaTeXKeys.typeKey(forGenre: text) { return ("type", key) }
      if BibLaTeXKeys.genre(forType: text) != nil { return nil }
      return ("type", latex.encode(text, caseProtection: false))
    default: return nil
    }
  }

  func nativeFields(_ reference: Reference) -> (String, [Output]) {
    let genre = reference.variables[.genre]
    var (type, subtype) = BibTeXMapping.biblatexType(for: reference.type, dialect: options.dialect, genre: genre)
    if let forced = reference.variables[Self.biblatexType] {
      type = forced
      subtype = nil
    }
    // Room for every field the entry can have (grown from empty, the list was made anew
    // several times an entry); the field names taken are searched in it, lower-cased (an
    // entry has a few dozen at most; a set hashed each name twice).
    var outputs: [Output] = []
    outputs.reserveCapacity(
      reference.variables.count + reference.dates.count * 3 + reference.names.count * 2 + reference.forms.count + 2)
    @discardableResult
    func put(
      _ written: String, _ value: String, bare: Bool = false, read: String? = nil,
      role: BibTeXMapping.FieldRole? = nil
    ) -> Bool {
      let lower = written.lowercasedUnlessLower()
      // Unbalanced braces would break the entry: such values travel in the csl field only.
      guard !outputs.contains(where: { $0.lower == lower }), Self.isBalanced(value), Self.isFieldName(written) else {
        return false
      }
      outputs.append(
        Output(
          written: written, lower: lower, value: value, bare: bare, readValue: read ?? value,
          role: role ?? BibTeXMapping.fieldRoles[lower]))
      return true
    }
    // The variables with their values in order, sorted once for both passes below (the keys
    // sorted, each value was looked up again).
    let sortedVariables = reference.variables.sorted { $0.key < $1.key }
    // The name variables that end in et al., found once.
    let openEnded = EtAl.variables(of: reference)
    // Fields kept verbatim from a .bib file come first so they keep their names.
    for (key, value) in sortedVariables where key.rawValue.hasPrefix("biblatex:") {
      put(String(key.rawValue.dropFirst(9)), value)
    }
    if let subtype { put("entrysubtype", subtype) }
    for variable in reference.names.keys.sorted() {
      guard let names = reference.names[variable] else { continue }
      guard let field = BibTeXMapping.variableToNameField[variable] else { continue }
      let plain = names.map { name -> Name in
        // A name without other forms is written as it is (a copy changed copied its fields).
        guard !name.forms.isEmpty else { return name }
        var copy = name
        copy.forms = [:]
        return copy
      }
      let etAl = openEnded.contains(variable) && !plain.isEmpty ? " and others" : ""
      let (written, readsBack) = BibTeXNames.writeListReadingBack(plain, latex: latex)
      guard put(field, written + etAl) else { continue }
      if readsBack { outputs[outputs.count - 1].readNames = EtAl.Reading(names: plain, etAl: !etAl.isEmpty) }
      let tags = Set(names.flatMap { $0.forms.keys }).sorted()
      for tag in tags {
        let forms = names.enumerated().map { offset, name in name.forms[tag] ?? plain[offset] }
        put(field + "-" + tag, BibTeXNames.writeList(forms, latex: latex))
      }
    }
    for variable in reference.dates.keys.sorted() {
      guard let date = reference.dates[variable] else { continue }
      let text = date.literal.map { latex.encode($0, caseProtection: false) } ?? BibTeXConverter.edtf(date) ?? ""
      switch variable {
      case .issued:
        if options.dialect == .bibtex, date.literal == nil, date.parts.count == 1, !date.circa, date.season == nil,
          let parts = date.start, let year = parts.year, year > 0
        {
          put("year", String(year), bare: true)
          if let month = parts.month, (1...12).contains(month) {
            put("month", BibTeXMapping.months[month - 1], bare: true, read: String(month))
            if let day = parts.day { put("day", String(day), bare: true) }
          }
        } else if options.dialect == .bibtex, let literal = date.literal {
          put("year", latex.encode(literal, caseProtection: false))  // BibTeX prints the year as written
        } else {
          put("date", text)
        }
      case .accessed: put("urldate", text)
      case .originalDate: put("origdate", text)
      case .eventDate: put("eventdate", text)
      default: break
      }
    }
    var subtitleSuffix: String?
    if let subtitle = reference.variables[Self.biblatexSubtitle] {
      subtitleSuffix = ": " + LaTeXDecoder.decode(subtitle, caseProtection: true)
    }
    for (variable, value) in sortedVariables where !variable.rawValue.hasPrefix("biblatex") {
      var text = value
      if variable == .title, let suffix = subtitleSuffix, text.hasSuffix(suffix), text.count > suffix.count {
        text = String(text.dropLast(suffix.count))
      }
      if options.dialect == .bibtex, variable == .genre {
        // BibTeX prints `type` as written: the genre's text, or nothing when the type implies it.
        if (type == "phdthesis" && text == "PhD thesis") || (type == "mastersthesis" && text == "Master's thesis") {
          continue
        }
        if put("type", latex.encode(text, caseProtection: false)) { continue }
      }
      if let keyed = keyedValue(variable, text) {
        if put(keyed.field, keyed.value) { continue }
      } else if Self.keyedVariables.contains(variable) {
        // A value the reader would turn into something else ("English" → "en"): only x-csl- keeps it.
      } else if let field = field(for: variable, cslType: reference.type) {
        // (One look-up for the three tables: looking the field up in each cost some 500
        // instructions a field.)
        let role = BibTeXMapping.fieldRoles[field] ?? BibTeXMapping.FieldRole.none
        var value = role.verbatim ? text : latex.encode(text, caseProtection: role.title)
        if role.list && Self.containsAnd(value) {
          value = "{" + value + "}"  // a literal "and" in a BibLaTeX list field must not split it
        }
        if put(field, value, role: role) { continue }
      }
      put("x-csl-" + variable.rawValue, latex.encode(text, caseProtection: variable.rawValue.contains("title")))
    }
    for variable in reference.forms.keys.sorted() {
      guard let field = field(for: variable, cslType: reference.type), let forms = reference.forms[variable] else {
        continue
      }
      for tag in forms.keys.sorted() {
        if let text = forms[tag] {
          put(
            field + "-" + tag,
            BibTeXMapping.verbatimFields.contains(field)
              ? text : latex.encode(text, caseProtection: BibTeXMapping.titleFields.contains(field)))
        }
      }
    }
    return (type, outputs)
  }
}
