import BibModel

/// Finding and merging duplicate references: same DOI, same ISBN, or the same normalized
/// title, year and first author. Merging keeps every field: what one duplicate has and the
/// other lacks is added; where they disagree the first entry's value stays, and the other
/// values are recorded exactly in `cited:dedupe-conflicts` (never in `note`: user text stays
/// the user's); the dropped keys become BibLaTeX `ids` aliases so old citations still resolve.
public enum Dedupe {
  /// One set of duplicates, in input order, and why they match.
  public struct Group: Sendable, Hashable {
    /// The duplicates' ids, in input order (the first is kept when merging).
    public var ids: [String]
    /// Why they match (`same DOI`, `same ISBN`, `same title, year and first author`).
    public var reasons: [String]
  }

  /// The groups of two or more duplicates.
  public static func groups(_ references: [Reference]) -> [Group] {
    var parent = Array(references.indices)
    func find(_ index: Int) -> Int {
      var current = index
      while parent[current] != current {
        parent[current] = parent[parent[current]]
        current = parent[current]
      }
      return current
    }
    var reasons: [Int: Set<String>] = [:]
    func union(_ lhs: Int, _ rhs: Int, _ reason: String) {
      let left = find(lhs)
      let right = find(rhs)
      if left != right { parent[max(left, right)] = min(left, right) }
      reasons[lhs, default: []].insert(reason)
      reasons[rhs, default: []].insert(reason)
    }
    var byKey: [String: Int] = [:]
    for (index, reference) in references.enumerated() {
      var keys: [(String, String)] = []
      if let doi = reference["DOI"].flatMap(TextKey.normalizedDOI) { keys.append(("doi:" + doi, "same DOI")) }
      for isbn in reference["ISBN"].map(TextKey.normalizedISBNs) ?? [] { keys.append(("isbn:" + isbn, "same ISBN")) }
      if let title = reference["title"].map({ TextKey.fold($0) }), !title.isEmpty {
        let year = reference.dates["issued"]?.year.map(String.init) ?? ""
        let first = (reference.names["author"] ?? reference.names["editor"])?.first
        let author = TextKey.fold(first?.family ?? first?.literal ?? "")
        keys.append(("title:" + title + "|" + year + "|" + author, "same title, year and first author"))
      }
      for (key, reason) in keys {
        if let other = byKey[key] { union(other, index, reason) } else { byKey[key] = index }
      }
    }
    var members: [Int: [Int]] = [:]
    for index in references.indices { members[find(index), default: []].append(index) }
    return members.keys.sorted().compactMap { root in
      guard let list = members[root], list.count > 1 else { return nil }
      let why = Set(list.flatMap { reasons[$0] ?? [] }).sorted()
      return Group(ids: list.map { references[$0].id }, reasons: why)
    }
  }

  /// Merges duplicates into the first; returns the merged reference and readable conflict lines.
  public static func merge(_ duplicates: [Reference]) -> (Reference, [String]) {
    guard var table = duplicates.first.map(CSLBlob.members), let primary = duplicates.first else {
      return (Reference(id: ""), [])
    }
    var conflicts: [String] = []
    var exact: [JSONValue] = []
    for other in duplicates.dropFirst() {
      for (key, value) in CSLBlob.members(other).sorted(by: { $0.key < $1.key }) {
        guard let mine = table[key] else {
          table[key] = value
          continue
        }
        if mine == value || key == "note" || sameIdentifier(key, mine, value) { continue }
        conflicts.append("\(key) in '\(other.id)': \(display(value))")
        exact.append(.object(JSONObject(["id": .string(other.id), "field": .string(key), "value": value])))
      }
      if let note = other["note"], note != table["note"]?.stringValue {
        let existing = table["note"]?.stringValue
        if existing?.contains(note) != true {
          table["note"] = .string(existing.map { $0 + "\n" + note } ?? note)
        }
      }
    }
    if !conflicts.isEmpty { table["cited:dedupe-conflicts"] = .array(exact) }
    // The dropped keys stay citable: BibLaTeX's `ids` aliases (biber resolves them).
    var aliases = primary.variables["biblatex:ids"].map(Self.aliasList) ?? []
    for other in duplicates.dropFirst() {
      aliases += [other.id] + (other.variables["biblatex:ids"].map(Self.aliasList) ?? [])
    }
    var unique: [String] = []
    for alias in aliases where alias != primary.id && !unique.contains(alias) { unique.append(alias) }
    table["biblatex:ids"] = .string(unique.joined(separator: ","))
    var members = [JSONMember(key: "id", value: .string(primary.id))]
    if let type = table.removeValue(forKey: "type") { members.append(JSONMember(key: "type", value: type)) }
    for key in table.keys.sorted() {
      if let value = table[key] { members.append(JSONMember(key: key, value: value)) }
    }
    var ignored: [Diagnostic] = []
    let merged = CSLJSON.decodeReference(JSONObject(members), file: "", diagnostics: &ignored) ?? primary
    return (merged, conflicts)
  }

  private static func aliasList(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: " \t\r\n") }.filter { !$0.isEmpty }
  }

  /// DOIs and ISBNs that normalize to the same identifier are not a conflict.
  private static func sameIdentifier(_ key: String, _ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
    guard let left = lhs.stringValue, let right = rhs.stringValue else { return false }
    switch key {
    case "DOI": return TextKey.normalizedDOI(left).map { $0 == TextKey.normalizedDOI(right) } ?? false
    case "ISBN":
      let leftISBNs = TextKey.normalizedISBNs(left)
      return !leftISBNs.isEmpty && leftISBNs == TextKey.normalizedISBNs(right)
    default: return false
    }
  }

  private static func display(_ value: JSONValue) -> String {
    if let text = value.stringValue { return "\"" + text + "\"" }
    return JSONWriter.write(value, pretty: false)
  }

  /// Replaces each group by its merge (at the first member's place).
  public static func apply(_ references: [Reference]) -> (references: [Reference], groups: [Group], conflicts: [String])
  {
    let found = groups(references)
    guard !found.isEmpty else { return (references, [], []) }
    var byID: [String: Reference] = [:]
    for reference in references where byID[reference.id] == nil { byID[reference.id] = reference }
    var replacement: [String: Reference] = [:]
    var dropped: Set<String> = []
    var conflicts: [String] = []
    for group in found {
      let members = group.ids.compactMap { byID[$0] }
      let (merged, lines) = merge(members)
      replacement[merged.id] = merged
      dropped.formUnion(group.ids.dropFirst())
      conflicts += lines.map { "\(merged.id): \($0)" }
    }
    let result = references.compactMap { reference -> Reference? in
      if dropped.contains(reference.id) { return nil }
      return replacement[reference.id] ?? reference
    }
    return (result, found, conflicts)
  }
}
