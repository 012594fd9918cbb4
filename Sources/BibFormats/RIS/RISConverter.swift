import BibModel

/// RIS tags ↔ `Reference`, natively (the blob is applied by the reader and made by the writer).
enum RISConverter {
  static let blobPrefix = "cited-csl: "
  private static let isbnTypes: Set<ItemType> = [.book, .chapter]

  static func parseName(_ text: String) -> Name {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
      String($0).trimmingCharacters(in: " \t")
    }
    switch parts.count {
    case 1: return Name(literal: parts[0])
    case 2: return Name(family: parts[0], given: parts[1].isEmpty ? nil : parts[1])
    default:
      return Name(
        family: parts[0], given: parts[1].isEmpty ? nil : parts[1],
        suffix: parts[2...].joined(separator: ", ").isEmpty ? nil : parts[2...].joined(separator: ", "))
    }
  }

  static func writeName(_ name: Name) -> String {
    if let literal = name.literal { return literal }
    var text = name.family ?? ""
    text += ", " + (name.given ?? "")
    if let suffix = name.suffix { text += ", " + suffix }
    return text
  }

  /// `2004/05/12/other`, `2004/05`, `2004`; anything else is a literal date.
  static func parseDate(_ text: String) -> DateValue {
    let pieces = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard let first = pieces.first, let year = Int(first), pieces.count <= 4 else {
      if let parsed = DateValue.parseEDTF(text) { return parsed }
      return DateValue(literal: text)
    }
    var parts = DateParts(year: year)
    if pieces.count > 1, !pieces[1].isEmpty {
      guard let month = Int(pieces[1]), (1...12).contains(month) else { return DateValue(literal: text) }
      parts.month = month
      if pieces.count > 2, !pieces[2].isEmpty {
        guard let day = Int(pieces[2]), (1...31).contains(day) else { return DateValue(literal: text) }
        parts.day = day
      }
    }
    var date = DateValue(parts: [parts])
    if pieces.count > 3, !pieces[3].isEmpty { date.extra["ris:date-other"] = .string(pieces[3]) }
    return date
  }

  static func writeDate(_ date: DateValue) -> String {
    if let literal = date.literal { return literal }
    guard let parts = date.start, let year = parts.year else { return date.edtf ?? "" }
    func twoDigits(_ number: Int) -> String { (number < 10 ? "0" : "") + String(number) }
    let month = parts.month.map(twoDigits)
    let day = parts.day.map(twoDigits)
    // `YYYY/MM/DD/other`: the other-information part keeps its place after empty month and day
    // (counted by position: a loop that split "2014//" until it had three parts never ended).
    if let other = date.extra["ris:date-other"]?.stringValue {
      return [String(year), month ?? "", day ?? "", other].joined(separator: "/")
    }
    return ([String(year)] + [month, day].compactMap { $0 }).joined(separator: "/")
  }

  /// The native reading of a record; tags with no CSL variable are kept as `keepPrefix + TAG`.
  static func reference(_ lines: [(String, String)], fallbackID: String, keepPrefix: String = "ris:") -> Reference {
    var reference = Reference(id: fallbackID)
    var keywords: [String] = []
    var notes: [String] = []
    var startPage: String?
    var endPage: String?
    var py: String?
    var da: String?
    var extras: [String: [String]] = [:]
    var extraOrder: [String] = []
    func keep(_ tag: String, _ value: String) {
      if extras[tag] == nil { extraOrder.append(tag) }
      extras[tag, default: []].append(value)
    }
    let type = lines.first { $0.0 == "TY" }?.1 ?? "GEN"
    for (tag, value) in lines {
      switch tag {
      case "TY":
        if let csl = RISMapping.typeToCSL[value] {
          reference.type = csl
          if RISMapping.cslToType[csl] != value { reference.variables["ris-type"] = value }
        } else {
          reference.type = "document"
          reference.variables["ris-type"] = value
        }
      case "ID" where reference.id == fallbackID && !value.isEmpty: reference.id = value
      case "KW": keywords.append(value)
      case "N1":
        if value.hasPrefix(blobPrefix) { continue }
        notes.append(value)
      case "SP" where startPage == nil: startPage = value
      case "EP" where endPage == nil: endPage = value
      case "PY" where py == nil, "Y1" where py == nil: py = value
      case "DA" where da == nil: da = value
      case "Y2" where reference.dates["accessed"] == nil: reference.dates["accessed"] = parseDate(value)
      case "SN":
        let variable: CSLVariable = isbnTypes.contains(RISMapping.typeToCSL[type] ?? "") ? .isbn : .issn
        if reference.variables[variable] == nil { reference.variables[variable] = value } else { keep(tag, value) }
      case "TT" where reference.forms["title"]?["und"] == nil:
        reference.forms["title", default: [:]]["und"] = value
      default:
        if let variable = RISMapping.nameTags[tag] {
          reference.names[variable, default: []].append(parseName(value))
        } else if let variable = RISMapping.tagToVariable[tag], reference.variables[variable] == nil {
          reference.variables[variable] = value
        } else {
          keep(tag, value)
        }
      }
    }
    if !keywords.isEmpty { reference.variables["keyword"] = keywords.joined(separator: ", ") }
    if !notes.isEmpty { reference.variables["note"] = notes.joined(separator: "\n") }
    if let startPage {
      reference.variables["page"] = endPage.map { startPage + "-" + $0 } ?? startPage
    } else if let endPage {
      keep("EP", endPage)
    }
    if let da {
      reference.dates["issued"] = parseDate(da)
      if let py, parseDate(py).year != reference.dates["issued"]?.year { keep("PY", py) }
    } else if let py {
      reference.dates["issued"] = parseDate(py)
    }
    for tag in extraOrder {
      guard let values = extras[tag] else { continue }
      if values.count == 1 {
        reference.variables[CSLVariable(keepPrefix + tag)] = values[0]
      } else {
        reference.extra[keepPrefix + tag] = .array(values.map { .string($0) })
      }
    }
    return reference
  }
}
