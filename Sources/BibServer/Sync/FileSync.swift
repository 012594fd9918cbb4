import BibFormats
import BibModel
import Foundation

/// `cited bib pull`/`push` for one bibliography file: the file, its sync state (the server's
/// library as last seen) and the server. Files are written atomically and only over the bytes
/// that were read (an edit made meanwhile is never overwritten).
public struct FileSync: Sendable {
  public var file: String
  public var statePath: String
  public var client: SyncClient

  public init(file: String, statePath: String, client: SyncClient) {
    self.file = file
    self.statePath = statePath
    self.client = client
  }

  /// What a pull or push did.
  public struct Report: Sendable {
    public var conflicts: [ThreeWayMerge.Conflict] = []
    public var sent: Int = 0
    /// Items the pull received (written on the server since the last sync), and ids it learnt were deleted.
    public var received: Int = 0
    public var deletedOnServer: Int = 0
    /// Changes the server refused or that were stale, and renames; each names its item.
    public var problems: [String] = []
    public var diagnostics: [Diagnostic] = []
  }

  /// Merges the server's library into the file; conflicts are written with both sides between
  /// markers (as `bib merge` writes them) and reported. Only what changed on the server since
  /// the state's library version is fetched; the state holds the rest.
  public func pull() async throws -> Report {
    let (local, format, snapshot) = try readFile()
    var report = Report(diagnostics: local.diagnostics)
    guard !local.diagnostics.hasErrors else {
      throw SyncError("\(file) did not read clean (errors); fix it first, nothing was written")
    }
    let state = try readState()
    let changes = try await client.changes(since: state.libraryVersion)
    report.received = changes.items.count
    report.deletedOnServer = changes.deleted.count
    let remote = LibrarySync.apply(changes, to: state)
    let result = LibrarySync.pull(local: local.document, state: state, remote: remote)
    report.conflicts = result.conflicts
    let text =
      result.isClean
      ? Canonical.text(ThreeWayMerge.document(result, order: local.references), format: format)
      : ThreeWayMerge.text(result, format: format)
    try SafeFile.write(Array(text.utf8), to: file, expectedHash: snapshot?.hash)
    try writeState(remote)
    return report
  }

  /// Pulls, then sends what the file changed; stops at the first stale item (pull and push
  /// again) so nothing is overwritten.
  public func push() async throws -> Report {
    var report = try await pull()
    guard report.conflicts.isEmpty else { return report }
    let (local, _, _) = try readFile()
    var state = try readState()
    var items = Dictionary(state.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for change in LibrarySync.changes(local: local.references, state: state) {
      let outcome = try await client.send(change)
      switch (change, outcome) {
      case (.create(let reference), .written(let id, let version)),
        (.update(let reference, _), .written(let id, let version)):
        if id != reference.id { report.problems.append("\(reference.id): the server already had it; stored as \(id)") }
        var stored = reference
        stored.id = id
        items[id] = stored
        // The state's library version stays the pulled one: a write by someone else that
        // landed before this one must still come with the next pull (`?since=`).
        state.versions[id] = version
        report.sent += 1
      case (.delete(let id, _), .deleted):
        items[id] = nil
        state.versions[id] = nil
        report.sent += 1
      case (_, .stale):
        report.problems.append("\(Self.id(change)): changed on the server since the pull; pull and push again")
      case (_, .refused(let status, let message)):
        report.problems.append("\(Self.id(change)): refused (\(status)): \(message)")
      default:
        report.problems.append("\(Self.id(change)): unexpected answer")
      }
      if case .stale = outcome { break }
    }
    state.items = items.values.sorted(by: Canonical.precedes)
    try writeState(state)
    return report
  }

  private static func id(_ change: LibrarySync.Change) -> String {
    switch change {
    case .create(let reference), .update(let reference, _): reference.id
    case .delete(let id, _): id
    }
  }

  private func readFile() throws -> (BibReadResult, BibFormat, SafeFile.Snapshot?) {
    let format = BibFormat.guess(fromPath: file) ?? .cslJSON
    guard let snapshot = try? SafeFile.read(file) else {
      return (BibReadResult(document: BibDocument(), diagnostics: []), format, nil)
    }
    return (BibFormats.read(snapshot.bytes, format: format, file: file), format, snapshot)
  }

  private func writeState(_ state: LibrarySync.State) throws {
    let folder = (statePath as NSString).deletingLastPathComponent
    if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
    try SafeFile.write(Array(state.json.utf8), to: statePath)
  }

  private func readState() throws -> LibrarySync.State {
    guard let snapshot = try? SafeFile.read(statePath) else { return LibrarySync.State() }
    guard let state = LibrarySync.State(json: String(decoding: snapshot.bytes, as: UTF8.self)) else {
      throw SyncError("\(statePath) is not a sync state; move it away to sync from scratch")
    }
    return state
  }
}
