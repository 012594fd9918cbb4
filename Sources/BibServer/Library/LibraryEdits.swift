import BibFormats
import BibModel

/// The library's write rules, as pure functions of the state a write reads in its transaction:
/// new items never overwrite (an id already taken is kept as `id-2`, as `bib` keeps a repeated
/// id), and a replacement or deletion must name the version it was made from (Zotero's model).
enum LibraryEdits {
  /// The ids given to created items, and the renames reported.
  struct Created: Sendable, Hashable {
    var ids: [String]
    var diagnostics: [Diagnostic]
  }

  /// Adds `references` under free ids. Items whose ids are free keep them; the others take the
  /// first free `id-N` after that (so `a` taken and `a-2` in the body gives `a-2` and `a-3`).
  static func create(_ references: [Reference], state: LibraryState) -> ([StoreOperation], Created) {
    let library = Set(state.items.keys)
    var taken = library.union(references.map(\.id))
    var nextSuffix: [String: Int] = [:]
    var created = Created(ids: [], diagnostics: [])
    let items = references.map { reference -> Reference in
      guard library.contains(reference.id) else { return reference }
      var item = reference
      var counter = nextSuffix[reference.id] ?? 2
      item.id = BibliographyFiles.freeID(reference.id, from: &counter) { taken.contains($0) }
      nextSuffix[reference.id] = counter
      taken.insert(item.id)
      created.diagnostics.append(
        Diagnostic(
          .warning, code: "duplicate-id",
          message: "id '\(reference.id)' is already in the library; this item is kept as '\(item.id)'",
          hint: "merge the two items (PUT one, DELETE the other) or rename one"))
      return item
    }
    created.ids = items.map(\.id)
    return (items.map { .put(id: $0.id, json: ItemText.json($0)) }, created)
  }

  /// Replaces item `id`, made from version `expected`.
  static func replace(
    id: String, expected: Int, with reference: Reference, state: LibraryState
  ) throws(APIError) -> [StoreOperation] {
    try check(id: id, expected: expected, state: state)
    return [.put(id: id, json: ItemText.json(reference))]
  }

  /// Deletes item `id`, seen at version `expected`.
  static func delete(id: String, expected: Int, state: LibraryState) throws(APIError) -> [StoreOperation] {
    try check(id: id, expected: expected, state: state)
    return [.delete(id: id)]
  }

  private static func check(id: String, expected: Int, state: LibraryState) throws(APIError) {
    guard let current = state.items[id] else { throw APIError(.notFound, "no item '\(id)'") }
    guard current == expected else { throw APIError.stale(id, current: current, given: expected) }
  }
}

/// The stored text of an item: canonical CSL-JSON, on one line.
enum ItemText {
  static func json(_ reference: Reference) -> String {
    JSONWriter.write(CSLJSON.encode(Canonical.normalize(reference)), pretty: false)
  }
}
