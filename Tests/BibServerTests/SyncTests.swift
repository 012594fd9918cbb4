import BibFormats
import BibServer
import Foundation
import Testing

/// Two clones of a project keep their bibliography in step through one server with
/// `bib pull`/`push`: edits of different fields of one item both land; edits of the same field
/// are a reported conflict with both values kept.
@Suite struct SyncTests {
  struct Clone {
    let sync: FileSync
    var file: String { sync.file }

    func read() throws -> String { try String(contentsOfFile: file, encoding: .utf8) }

    func write(title: String, note: String) throws {
      try write(#"[{"id": "x", "type": "book", "title": "\#(title)", "note": "\#(note)"}]"#)
    }

    func write(_ json: String) throws {
      try Data(json.utf8).write(to: URL(fileURLWithPath: file))
    }

    func state() throws -> LibrarySync.State? {
      LibrarySync.State(json: try String(contentsOfFile: sync.statePath, encoding: .utf8))
    }
  }

  static func clone(_ name: String, port: Int, token: String) throws -> Clone {
    let folder = Scratch.folder("sync-\(name)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let client = SyncClient(server: "http://localhost:\(port)", token: token)
    return Clone(
      sync: FileSync(
        file: folder.path + "/library.json", statePath: folder.path + "/.cited/sync/library.json", client: client))
  }

  @Test func differentFieldsMergeAndTheSameFieldConflictsWithoutLoss() async throws {
    let server = try await TestServer.sqlite()
    try await server.run { session in
      let port = try #require(session.client.port)
      let a = try Self.clone("a", port: port, token: server.writeToken)
      let b = try Self.clone("b", port: port, token: server.writeToken)
      try a.write(title: "T", note: "N")
      #expect(try await a.sync.push().sent == 1)
      _ = try await b.sync.pull()
      #expect(try b.read().contains(#""title": "T""#))

      try a.write(title: "T by A", note: "N")
      #expect(try await a.sync.push().problems.isEmpty)
      try b.write(title: "T", note: "N by B")
      let pushed = try await b.sync.push()
      #expect(pushed.conflicts.isEmpty && pushed.problems.isEmpty && pushed.sent == 1)
      let onServer = try await session.send(.get, "/api/items/x").body
      #expect(onServer.contains("T by A") && onServer.contains("N by B"), "both edits on the server")
      _ = try await a.sync.pull()
      #expect(try a.read().contains("T by A") && a.read().contains("N by B"), "and in the other clone")

      try a.write(title: "Alpha", note: "N by B")
      #expect(try await a.sync.push().sent == 1)
      try b.write(title: "Beta", note: "N by B")
      let conflicted = try await b.sync.push()
      #expect(conflicted.conflicts.map(\.field) == ["title"])
      #expect(conflicted.sent == 0, "nothing is pushed over a conflict")
      let file = try b.read()
      #expect(file.contains("<<<<<<< ours") && file.contains("Alpha") && file.contains("Beta"), "both kept")
      #expect(try await session.send(.get, "/api/items/x").body.contains("Alpha"))
    }
  }

  @Test func aStaleWriteIsNotSentOverAnother() async throws {
    let server = try await TestServer.sqlite()
    try await server.run { session in
      let port = try #require(session.client.port)
      let a = try Self.clone("stale", port: port, token: server.writeToken)
      try a.write(title: "T", note: "N")
      _ = try await a.sync.push()
      // Someone else writes between this clone's pull and its send: simulated by a direct PUT
      // after the state was taken, so the clone's If-Match is stale.
      let state = LibrarySync.State(
        json: try String(contentsOfFile: a.sync.statePath, encoding: .utf8))
      let version = try #require(state?.versions["x"])
      let other = try await session.send(
        .put, "/api/items/x", body: #"{"id": "x", "type": "book", "title": "Other"}"#, ifMatch: "\(version)")
      #expect(other.status == .ok)
      let stale = try await a.sync.client.send(
        .update(.init(id: "x", type: .book), expected: version))
      #expect(stale == .stale)
      #expect(try await session.send(.get, "/api/items/x").body.contains("Other"))
    }
  }

  /// A pull asks only for what changed since the version it last synced (seen from the
  /// server: the items it read for the request), and deletions reach the other clone.
  @Test func pullTransfersOnlyChangedItemsAndDeletionsPropagate() async throws {
    let store = CountingStore(try TestServer.sqliteStore())
    let server = try await TestServer(store: store)
    try await server.run { session in
      let port = try #require(session.client.port)
      let a = try Self.clone("inc-a", port: port, token: server.writeToken)
      let b = try Self.clone("inc-b", port: port, token: server.writeToken)
      let three = (1...3).map { #"{"id": "i\#($0)", "type": "book", "title": "Item \#($0)"}"# }
      try a.write("[" + three.joined(separator: ",") + "]")
      #expect(try await a.sync.push().sent == 3)
      _ = store.takeReads()
      let first = try await b.sync.pull()
      #expect(first.received == 3)
      #expect(store.takeReads().map(\.count) == [3, 3], "the first pull reads the library (items, versions)")
      let synced = try #require(try b.state()).libraryVersion
      #expect(synced == 3)

      try a.write(#"[{"id": "i1", "type": "book", "title": "Item 1"}, {"id": "i2", "type": "book", "title": "Two"}]"#)
      let pushed = try await a.sync.push()
      #expect(pushed.sent == 2 && pushed.problems.isEmpty, "an edit and a deletion")
      _ = store.takeReads()
      let second = try await b.sync.pull()
      let reads = store.takeReads()
      #expect(reads.map(\.since) == [synced, synced], "asked from the version last synced")
      #expect(reads.map(\.count) == [1, 1], "only the edited item crossed")
      #expect(second.received == 1 && second.deletedOnServer == 1)
      let file = try b.read()
      #expect(file.contains(#""title": "Two""#) && file.contains("Item 1"))
      #expect(!file.contains("i3"), "the deletion reached the other clone")
      #expect(try #require(try b.state()).items.map(\.id) == ["i1", "i2"])

      let third = try await b.sync.pull()
      #expect(third.received == 0 && store.takeReads().map(\.count) == [0, 0], "nothing changed, nothing sent")
      #expect(try b.read() == file)
    }
  }
}
