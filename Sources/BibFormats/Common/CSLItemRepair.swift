import BibModel

/// Reads CSL-JSON (and CSL-YAML) items as the `.bib` reader reads entries: an item without an
/// `id` gets a generated key (the `bib keys` scheme) and a warning, a second item with the same
/// id is kept as `ID-2` with a warning naming both places, instead of being skipped.
enum CSLItemRepair {
  /// Reads parsed items (each decoded on all cores) with those repairs, with where each
  /// field was written unless `fieldPlaces` is false.
  static func read(_ value: JSONValue, file: String, fieldPlaces: Bool = true) -> BibReadResult {
    guard case .array(let items) = value else {
      let result = CSLJSON.decode(value, file: file)
      return BibReadResult(
        document: BibDocument(
          references: result.references, locations: result.locations,
          fieldLocations: BibFormats.memberLocations(value, file: file)),
        diagnostics: result.diagnostics)
    }
    let reads = ParallelMap.map(count: items.count, minimumCount: 256, itemsPerChunk: 64) { range in
      range.map { CSLItemRead(items[$0], offset: $0, file: file, fieldPlaces: fieldPlaces) }
    }
    return join(consume reads, file: file, fieldPlaces: fieldPlaces) { items[$0].objectValue }
  }

  /// Reads the CSL-JSON array in `bytes` with its elements decoded on all cores (straight from
  /// the bytes where `CSLJSONItem` can, else through the JSON tree);
  /// nil when the bytes are not an array or an element does not parse, for the caller to
  /// parse the whole text and report the error where the reader always has.
  static func read(_ bytes: [UInt8], file: String, fieldPlaces: Bool = true) -> BibReadResult? {
    let elements = bytes.withUnsafeBufferPointer { JSONArraySplitter.split($0) }
    guard let elements else { return nil }
    func value(_ index: Int) -> JSONValue? {
      bytes.withUnsafeBufferPointer { try? JSONParser.parseElement($0, elements[index]) }
    }
    // An element that does not parse is left out, so the reads come out fewer than the
    // elements (gathering optionals and unwrapping them copied every read on one core).
    let reads = ParallelMap.map(count: elements.count, minimumCount: 256, itemsPerChunk: 64) { range in
      bytes.withUnsafeBufferPointer { buffer -> [CSLItemRead] in
        range.compactMap { index in
          if let item = CSLJSONItem.decode(buffer, elements[index]) {
            return CSLItemRead(item, offset: index, file: file, fieldPlaces: fieldPlaces)
          }
          return (try? JSONParser.parseElement(buffer, elements[index])).map {
            CSLItemRead($0, offset: index, file: file, fieldPlaces: fieldPlaces)
          }
        }
      }
    }
    guard reads.count == elements.count else { return nil }
    return join(consume reads, file: file, fieldPlaces: fieldPlaces) { value($0)?.objectValue }
  }

  /// Joins items read one by one, in file order: a repeated id is kept under a fresh one
  /// (the item decoded again from `object` under it), a missing id is generated, and every
  /// finding is sorted into file order.
  private static func join(
    _ reads: consuming [CSLItemRead], file: String, fieldPlaces: Bool, object: (Int) -> JSONObject?
  ) -> BibReadResult {
    // (`reads` is owned: moving the references out of a borrowed array copied all of it.)
    // The ids in use, gathered when a key must first be made (most files need none).
    var fresh: CitationKeys.Fresh?
    func withKeys<T>(_ reads: borrowing [CSLItemRead], _ use: (inout CitationKeys.Fresh) -> T) -> T {
      var keys = fresh ?? CitationKeys.Fresh()
      if fresh == nil {
        for index in reads.indices where reads[index].notObject == nil && !reads[index].id.isEmpty {
          keys.insert(reads[index].id)
        }
      }
      defer { fresh = keys }
      return use(&keys)
    }
    var repairs: [Diagnostic] = []
    var generated: [String: SourceLocation] = [:]  // placeholder id → item place
    var firstPlace: [String: SourceLocation] = [:]
    firstPlace.reserveCapacity(reads.count)
    // By index, field by field: copying an item's read retains every part of it.
    for index in reads.indices where reads[index].notObject == nil {
      let (id, place) = (reads[index].id, reads[index].place)
      repairs += reads[index].memberDiagnostics
      if id.isEmpty {
        generated[CSLItemRead.placeholder(reads[index].offset)] = place
      } else if let first = firstPlace[id] {
        let renamed = withKeys(reads) { $0.renamed(id) }
        repairs.append(
          Diagnostic(
            .warning, code: "duplicate-id",
            message: "duplicate item id '\(id)' (first at \(first)); this item is kept as '\(renamed)'",
            location: place, hint: "merge the two items (cited bib dedupe --merge) or rename one"))
        if let original = object(index) { reads[index].decode(original, as: renamed, file: file) }
      } else {
        firstPlace[id] = place
      }
    }
    var (document, found, dates) = collect(&reads, file: file)
    for index in document.references.indices where !generated.isEmpty {
      let placeholder = document.references[index].id
      guard let place = generated[placeholder] else { continue }
      let reference = document.references[index]
      let key = withKeys(reads) { $0.key(for: reference) }
      document.references[index].id = key
      document.locations[key] = document.locations.removeValue(forKey: placeholder) ?? place
      dates[index] = impossibleDates(document.references[index], at: place)
      repairs.append(
        Diagnostic(
          .warning, code: "missing-id", message: "item has no \"id\"; read as '\(key)'", location: place,
          hint: "every item needs a unique citation key in \"id\""))
    }
    if fieldPlaces { document.fieldLocations.reserveCapacity(reads.count) }
    for index in reads.indices where fieldPlaces && reads[index].notObject == nil {
      if let key = reads[index].fieldKey, document.fieldLocations[key] == nil {
        document.fieldLocations[key] = reads[index].takeFieldPlaces()
      }
    }
    return BibReadResult(document: document, diagnostics: inFileOrder(found + repairs + dates.joined(), file: file))
  }

  /// The references in order as `CSLJSON.decode` keeps them (an element that is not an object
  /// or repeats an id is skipped with an error), what decoding found, and each kept
  /// reference's date findings; each reference and its findings are moved out of its read
  /// (copied, every part was retained here and released again when the reads were freed, all
  /// on one core).
  private static func collect(
    _ reads: inout [CSLItemRead], file: String
  ) -> (document: BibDocument, diagnostics: [Diagnostic], dates: [[Diagnostic]]) {
    var document = BibDocument()
    var diagnostics: [Diagnostic] = []
    var dates: [[Diagnostic]] = []
    document.references.reserveCapacity(reads.count)
    document.locations.reserveCapacity(reads.count)
    dates.reserveCapacity(reads.count)
    for index in reads.indices {
      guard let kind = reads[index].notObject else {
        diagnostics += reads[index].diagnostics
        guard let reference = reads[index].reference.take() else { continue }
        if let previous = document.locations[reference.id] {
          diagnostics.append(
            Diagnostic(
              .error, code: "duplicate-id",
              message: "duplicate item id '\(reference.id)' (first at \(previous)); this item is skipped",
              location: reads[index].place))
          continue
        }
        document.locations[reference.id] = reads[index].place
        document.references.append(reference)
        dates.append(reads[index].takeDateDiagnostics())
        continue
      }
      diagnostics.append(
        Diagnostic(
          .error, code: "csl-json-shape", message: "item \(reads[index].offset + 1) is \(kind), not an object; skipped",
          location: SourceLocation(file: file)))
    }
    return (document, diagnostics, dates)
  }

  /// Findings in file order (stable: findings at one place keep their order).
  private static func inFileOrder(_ diagnostics: [Diagnostic], file: String) -> [Diagnostic] {
    let all = diagnostics.enumerated().map { ($0.offset, $0.element) }
    return all.sorted { lhs, rhs in
      let left = lhs.1.location ?? SourceLocation(file: file)
      let right = rhs.1.location ?? SourceLocation(file: file)
      return left != right ? left < right : lhs.0 < rhs.0
    }.map(\.1)
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

  static func replacingID(_ object: JSONObject, with id: String) -> JSONObject {
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
