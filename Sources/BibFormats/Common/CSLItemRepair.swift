import BibModel

/// Reads CSL-JSON (and CSL-YAML) items as the `.bib` reader reads entries: an item without an
/// `id` gets a generated key (the `bib keys` scheme) and a warning, a second item with the same
/// id is kept as `ID-2` with a warning naming both places, instead of being skipped.
enum CSLItemRepair {
  /// Decodes parsed items with those repairs; other problems are `CSLJSON.decode`'s.
  static func decode(_ value: JSONValue, file: String) -> CSLJSON.ReadResult {
    guard case .array(let items) = value else { return CSLJSON.decode(value, file: file) }
    var keys = CitationKeys.Fresh()
    for item in items {
      if let id = item.objectValue?["id"].flatMap(idText), !id.isEmpty { keys.insert(id) }
    }
    var repaired: [JSONValue] = []
    var generated: [String: SourceLocation] = [:]  // placeholder id → item place
    var diagnostics: [Diagnostic] = []
    var firstPlace: [String: SourceLocation] = [:]
    for (offset, item) in items.enumerated() {
      guard case .object(let object) = item else {
        repaired.append(item)
        continue
      }
      let place = SourceLocation(file: file, line: object.line, column: object.column)
      diagnostics += duplicateMembers(object, file: file)
      let id = object["id"].flatMap(idText) ?? ""
      if id.isEmpty {
        let placeholder = "\u{1}cited-missing-id-\(offset)"
        generated[placeholder] = place
        repaired.append(.object(replacingID(object, with: placeholder)))
      } else if let first = firstPlace[id] {
        let renamed = keys.renamed(id)
        diagnostics.append(
          Diagnostic(
            .warning, code: "duplicate-id",
            message: "duplicate item id '\(id)' (first at \(first)); this item is kept as '\(renamed)'",
            location: place, hint: "merge the two items (cited bib dedupe --merge) or rename one"))
        repaired.append(.object(replacingID(object, with: renamed)))
      } else {
        firstPlace[id] = place
        repaired.append(item)
      }
    }
    var result = CSLJSON.decode(.array(repaired), file: file)
    for index in result.references.indices {
      let placeholder = result.references[index].id
      guard let place = generated[placeholder] else { continue }
      let key = keys.key(for: result.references[index])
      result.references[index].id = key
      result.locations[key] = result.locations.removeValue(forKey: placeholder) ?? place
      diagnostics.append(
        Diagnostic(
          .warning, code: "missing-id", message: "item has no \"id\"; read as '\(key)'", location: place,
          hint: "every item needs a unique citation key in \"id\""))
    }
    for reference in result.references {
      diagnostics += impossibleDates(reference, at: result.locations[reference.id] ?? SourceLocation(file: file))
    }
    // In file order (stable: findings at one place keep their order).
    let all = (result.diagnostics + diagnostics).enumerated().map { ($0.offset, $0.element) }
    result.diagnostics = all.sorted { lhs, rhs in
      let left = lhs.1.location ?? SourceLocation(file: file)
      let right = rhs.1.location ?? SourceLocation(file: file)
      return left != right ? left < right : lhs.0 < rhs.0
    }.map(\.1)
    return result
  }

  /// Dates whose parts no calendar has (month 13, day 45, year 10^6) or whose raw text is such numbers:
  /// kept as read, reported.
  static func impossibleDates(_ reference: Reference, at place: SourceLocation) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for variable in reference.dates.keys.sorted() {
      guard let date = reference.dates[variable] else { continue }
      let badParts = date.parts.contains { parts in
        let month = parts.month ?? 1
        let day = parts.day ?? 1
        // Months 13–16 and 21–24 are CSL's seasons.
        let monthOK =
          (1...12).contains(month) || (13...16).contains(month) && parts.day == nil
          || (21...24).contains(month) && parts.day == nil
        // Years beyond ±999,999 (compared without abs(): -2^63 has no positive counterpart).
        let year = parts.year ?? 0
        let yearOK = year <= BibliographyValidator.maximumYear && year >= -BibliographyValidator.maximumYear
        return !monthOK || !(1...31).contains(day) || !yearOK
      }
      let text = date.raw ?? date.literal ?? ""
      let badText =
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "/") }
        && text.contains("-") && date.parts.isEmpty
      guard badParts || badText else { continue }
      found.append(
        Diagnostic(
          .warning, code: "invalid-date",
          message:
            "'\(variable)' of '\(reference.id)' is not a valid date (\(badText ? text : describe(date))); kept as read",
          location: place, hint: "write date-parts [[YYYY, MM, DD]] with a month 1–12 and a day 1–31"))
    }
    return found
  }

  private static func describe(_ date: DateValue) -> String {
    date.parts.map { parts in
      [parts.year, parts.month, parts.day].compactMap { $0.map(String.init) }.joined(separator: "-")
    }.joined(separator: "/")
  }

  /// A string id, or a number's text (CSL-JSON allows numeric ids).
  private static func idText(_ value: JSONValue) -> String? {
    if let text = value.stringValue { return text }
    if case .number(let text) = value { return text }
    return nil
  }

  private static func replacingID(_ object: JSONObject, with id: String) -> JSONObject {
    var members = object.members.filter { $0.key != "id" }
    members.insert(JSONMember(key: "id", value: .string(id), line: object.line, column: object.column), at: 0)
    return JSONObject(members, line: object.line, column: object.column)
  }

  /// A member written twice in one item: JSON readers disagree on which value counts (Cited
  /// keeps the last), so the item says so instead of losing the first value silently.
  static func duplicateMembers(_ object: JSONObject, file: String) -> [Diagnostic] {
    // An item has a few dozen members at most: comparing keys pairwise costs less than hashing
    // each one (this check ran for a tenth of the time of reading a large file).
    let members = object.members
    guard members.count > 64 || hasRepeatedKey(members) else { return [] }
    var seen: [String: JSONMember] = [:]
    var found: [Diagnostic] = []
    for member in members {
      if let first = seen[member.key] {
        found.append(
          Diagnostic(
            .warning, code: "duplicate-member",
            message:
              "'\(member.key)' is written twice in this item (first at line \(first.line), column \(first.column)); the last value is kept",
            location: SourceLocation(file: file, line: member.line, column: member.column),
            hint: "keep one of the two values"))
      } else {
        seen[member.key] = member
      }
    }
    return found
  }

  private static func hasRepeatedKey(_ members: [JSONMember]) -> Bool {
    for later in members.indices {
      for earlier in members.indices[..<later] where members[earlier].key == members[later].key { return true }
    }
    return false
  }
}
