import BibModel

/// The writes every front end (the API, the web page) makes, each one transaction planned by
/// `LibraryEdits`.
extension LibraryStore {
  /// Adds items under free ids; returns the new library version, the ids and the renames.
  func create(_ references: [Reference]) async throws -> (version: Int, value: LibraryEdits.Created) {
    try await write(.all) { state in LibraryEdits.create(references, state: state) }
  }

  /// Replaces item `id` made from version `expected`; returns the new version.
  func replace(id: String, expected: Int, with reference: Reference) async throws -> Int {
    try await write(.ids([id])) { state in
      (try LibraryEdits.replace(id: id, expected: expected, with: reference, state: state), ())
    }.version
  }

  /// Deletes item `id` seen at version `expected`; returns the new version.
  func delete(id: String, expected: Int) async throws -> Int {
    try await write(.ids([id])) { state in (try LibraryEdits.delete(id: id, expected: expected, state: state), ()) }
      .version
  }
}
