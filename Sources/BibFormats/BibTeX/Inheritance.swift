import BibModel

/// Keeps `crossref`/`xdata` children compact when a `.bib` file is written back.
///
/// Reading resolves inheritance, so a child carries its parent's fields (what CSL needs). The
/// reader also records which CSL members came from a parent, with a hash of their values, in
/// `extra["cited:inherited"]`. When the child is written into a file that also holds the
/// parent, members whose value is still the inherited one are left out (the parent provides
/// them again on reading); members edited since are written into the child.
enum Inheritance {
  static let markerKey = "cited:inherited"

  /// The members of `full` that the parents added or changed, with their value hashes.
  static func marker(full: Reference, own: Reference) -> JSONObject? {
    let fullMembers = CSLBlob.members(full)
    let ownMembers = CSLBlob.members(own)
    var marker = JSONObject()
    for key in fullMembers.keys.sorted() where fullMembers[key] != ownMembers[key] && key != "type" {
      marker[key] = .string(CSLBlob.hash(fullMembers[key]))
    }
    return marker.members.isEmpty ? nil : marker
  }

  /// The keys of entries and `@xdata` blocks a document holds (lowercased).
  static func parentKeys(in document: BibDocument) -> Set<String> {
    var keys = Set(document.references.map { $0.id.lowercased() })
    for case .text(let raw) in document.blocks where raw.lowercased().hasPrefix("@xdata{") {
      let key = raw.dropFirst(7).prefix { $0 != "," && $0 != "}" }
      keys.insert(key.trimmingCharacters(in: " \t\r\n").lowercased())
    }
    return keys
  }

  /// The reference without its unchanged inherited members, when all its parents are present.
  static func compact(_ reference: Reference, parents: Set<String>) -> Reference {
    guard let marker = reference.extra[markerKey]?.objectValue else { return reference }
    var needed: [String] = []
    if let crossref = reference.variables["biblatex:crossref"] { needed.append(crossref) }
    if let xdata = reference.variables["biblatex:xdata"] {
      needed += xdata.split(separator: ",").map { $0.trimmingCharacters(in: " \t\r\n") }
    }
    var table = CSLBlob.members(reference)
    table[markerKey] = nil
    guard !needed.isEmpty, needed.allSatisfy({ parents.contains($0.trimmingCharacters(in: " \t\r\n{}").lowercased()) })
    else {
      return rebuild(reference, table)
    }
    for member in marker.members where member.value.stringValue == CSLBlob.hash(table[member.key]) {
      table[member.key] = nil
    }
    return rebuild(reference, table)
  }

  private static func rebuild(_ reference: Reference, _ table: [String: JSONValue]) -> Reference {
    var members = [JSONMember(key: "id", value: .string(reference.id))]
    var table = table
    if let type = table.removeValue(forKey: "type") { members.append(JSONMember(key: "type", value: type)) }
    for key in table.keys.sorted() {
      if let value = table[key] { members.append(JSONMember(key: key, value: value)) }
    }
    var ignored: [Diagnostic] = []
    guard var rebuilt = CSLJSON.decodeReference(JSONObject(members), file: "", diagnostics: &ignored) else {
      return reference
    }
    rebuilt.id = reference.id
    return rebuilt
  }
}
