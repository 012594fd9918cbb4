import BibServer
import Foundation
import Testing

/// The API's behaviour, written once and run against every store (SQLite always, PostgreSQL
/// when one is reachable).
enum APIScenarios {
  static let book =
    #"{"id": "smith2020", "type": "book", "title": "First", "author": [{"family": "Smith", "given": "Ann"}], "issued": {"date-parts": [[2020]]}}"#

  static func create(_ session: Session, _ body: String) async throws -> Session.Reply {
    let reply = try await session.send(.post, "/api/items", body: body)
    #expect(reply.status == .created, "\(reply.body)")
    return reply
  }

  /// Create, read, replace, delete: versions move by one per write and ETags follow items.
  static func crud(_ server: TestServer) async throws {
    try await server.run { session in
      let created = try await create(session, book)
      #expect(created.libraryVersion == 1)
      #expect(created.body.contains(#""smith2020""#))
      let read = try await session.send(.get, "/api/items/smith2020")
      #expect(read.status == .ok)
      #expect(read.etag == #""1""#)
      #expect(read.body.contains(#""title":"First""#))
      let edited = book.replacingOccurrences(of: "First", with: "Second")
      let put = try await session.send(.put, "/api/items/smith2020", body: edited, ifMatch: #""1""#)
      #expect(put.status == .ok, "\(put.body)")
      #expect(put.etag == #""2""#)
      #expect(put.libraryVersion == 2)
      #expect(try await session.send(.get, "/api/items/smith2020").body.contains(#""title":"Second""#))
      let deleted = try await session.send(.delete, "/api/items/smith2020", ifMatch: #""2""#)
      #expect(deleted.status == .noContent)
      #expect(deleted.libraryVersion == 3)
      #expect(try await session.send(.get, "/api/items/smith2020").status == .notFound)
      let all = try await session.send(.get, "/api/items")
      #expect(all.libraryVersion == 3)
      #expect(all.body.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }
  }

  /// Ids are checked as `bib` reads files: repeated and taken ids get `-2`, missing ones a key.
  static func ids(_ server: TestServer) async throws {
    try await server.run { session in
      _ = try await create(session, book)
      let two = try await create(
        session,
        #"[{"id": "smith2020", "type": "book", "title": "Again"}, {"id": "smith2020", "type": "book", "title": "Thrice"}, {"type": "book", "title": "No key", "author": [{"family": "Lee"}], "issued": {"date-parts": [[1999]]}}]"#
      )
      #expect(two.libraryVersion == 2, "one write for the whole array")
      #expect(two.body.contains(#""smith2020-2""#))
      #expect(two.body.contains(#""smith2020-3""#))
      #expect(two.body.contains("missing-id"))
      #expect(two.body.contains("duplicate-id"))
      #expect(!two.body.contains("smith2020-2-2"), "no suffix on a suffix")
      #expect(try await session.send(.get, "/api/items/smith2020").body.contains("First"), "the original is kept")
      let versions = try await session.send(.get, "/api/items?format=versions")
      #expect(versions.body.contains(#""smith2020-2": 2"#) || versions.body.contains(#""smith2020-2":2"#))
    }
  }

  /// 428 without If-Match, 412 when stale; neither changes anything.
  static func preconditions(_ server: TestServer) async throws {
    try await server.run { session in
      _ = try await create(session, book)
      _ = try await session.send(.put, "/api/items/smith2020", body: book, ifMatch: "1")
      let before = try await session.snapshot()
      let missing = try await session.send(.put, "/api/items/smith2020", body: book)
      #expect(missing.status == .preconditionRequired)
      let stale = try await session.send(.put, "/api/items/smith2020", body: book, ifMatch: #""1""#)
      #expect(stale.status == .preconditionFailed)
      #expect(stale.etag == #""2""#, "the 412 names the current version")
      let staleDelete = try await session.send(.delete, "/api/items/smith2020", ifMatch: #""1""#)
      #expect(staleDelete.status == .preconditionFailed)
      #expect(try await session.send(.delete, "/api/items/smith2020").status == .preconditionRequired)
      #expect(try await session.send(.put, "/api/items/nobody", body: "{}", ifMatch: "1").status == .notFound)
      #expect(try await session.snapshot() == before)
    }
  }

  /// No token 401, unknown token 401, read token reads but 403 on writes.
  static func access(_ server: TestServer) async throws {
    try await server.run { session in
      _ = try await create(session, book)
      let before = try await session.snapshot()
      let anonymous = try await session.send(.get, "/api/items", auth: .none)
      #expect(anonymous.status == .unauthorized)
      #expect(anonymous.headers[.wwwAuthenticate] == "Bearer")
      #expect(try await session.send(.get, "/api/items", auth: .raw("Bearer cited_nope")).status == .unauthorized)
      #expect(try await session.send(.get, "/api/items", auth: .raw(server.writeToken)).status == .unauthorized)
      #expect(try await session.send(.get, "/api/items/smith2020", auth: .read).status == .ok)
      #expect(try await session.send(.post, "/api/items", body: book, auth: .read).status == .forbidden)
      #expect(try await session.send(.post, "/api/items", body: book, auth: .none).status == .unauthorized)
      let readDelete = try await session.send(.delete, "/api/items/smith2020", ifMatch: "1", auth: .read)
      #expect(readDelete.status == .forbidden)
      #expect(try await session.snapshot() == before)
    }
  }

  /// Tokens are listed without their secret; a revoked one is refused from the next request on,
  /// on the running server, on the API and the web page alike; a name names one token.
  static func revoke(_ server: TestServer) async throws {
    try await server.run { session in
      let listed = try await server.store.tokens()
      #expect(listed.map(\.name) == ["reader", "writer"])
      #expect(listed.map(\.scope) == [.read, .write])
      #expect(listed.allSatisfy { ISO8601DateFormatter().date(from: $0.created) != nil }, "\(listed)")
      let cookie = try await WebPageTests.cookie(session, server.writeToken)
      #expect(try await session.send(.get, "/", auth: .none, headers: cookie).status == .ok)
      _ = try await create(session, book)
      let before = try await session.snapshot(auth: .read)
      #expect(try await server.store.revokeTokens(name: "writer") == 1)
      #expect(try await session.send(.get, "/api/items").status == .unauthorized)
      #expect(try await session.send(.post, "/api/items", body: book).status == .unauthorized)
      let page = try await session.send(.get, "/", auth: .none, headers: cookie)
      #expect(page.status == .seeOther && page.headers[.location] == "/login", "the signed-in page is signed out")
      #expect(try await session.send(.get, "/api/items", auth: .read).status == .ok, "the other token still works")
      #expect(try await session.snapshot(auth: .read) == before)
      #expect(try await server.store.tokens().map(\.name) == ["reader"])
      #expect(try await server.store.revokeTokens(name: "writer") == 0)
      await #expect(throws: StoreError.self) {
        try await AccessToken.add(name: "reader", scope: .write, to: server.store)
      }
    }
  }

  /// Bad JSON 400 with the reason and place, too large 413, wrong shapes 400; nothing changes.
  static func badInput(_ server: TestServer) async throws {
    try await server.run { session in
      _ = try await create(session, book)
      let before = try await session.snapshot()
      let broken = try await session.send(.post, "/api/items", body: #"[{"id": "x", "type": "book",]"#)
      #expect(broken.status == .badRequest)
      #expect(broken.body.contains("bad JSON at 1:"))
      let huge = "[" + String(repeating: #"{"id": "a", "type": "book"},"#, count: 4000) + "{}]"
      #expect(try await session.send(.post, "/api/items", body: huge).status == .contentTooLarge)
      #expect(try await session.send(.post, "/api/items", body: "42").status == .badRequest)
      #expect(try await session.send(.post, "/api/items", body: "[]").status == .badRequest)
      #expect(
        try await session.send(.post, "/api/items", body: #"[{"id": "ok", "type": "book"}, 7]"#).status == .badRequest)
      let renamed = try await session.send(
        .put, "/api/items/smith2020", body: #"{"id": "other", "type": "book"}"#, ifMatch: "1")
      #expect(renamed.status == .badRequest)
      #expect(try await session.send(.put, "/api/items/smith2020", body: "[]", ifMatch: "1").status == .badRequest)
      #expect(try await session.send(.get, "/api/items?since=-4").status == .badRequest)
      #expect(try await session.send(.put, "/api/items/smith2020", body: book, ifMatch: "soon").status == .badRequest)
      #expect(try await session.snapshot() == before)
    }
  }

  /// `?since=` returns what changed after a version; deletions are listed apart.
  static func since(_ server: TestServer) async throws {
    try await server.run { session in
      _ = try await create(session, #"{"id": "a", "type": "book", "title": "A"}"#)
      _ = try await create(session, #"{"id": "b", "type": "book", "title": "B"}"#)
      _ = try await session.send(
        .put, "/api/items/a", body: #"{"id": "a", "type": "book", "title": "A2"}"#, ifMatch: "1")
      _ = try await session.send(.delete, "/api/items/b", ifMatch: "2")
      let changed = try await session.send(.get, "/api/items?since=1")
      #expect(changed.libraryVersion == 4)
      #expect(changed.body.contains("A2"))
      #expect(!changed.body.contains(#""b""#))
      let nothing = try await session.send(.get, "/api/items?since=4")
      #expect(nothing.body.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
      let versions = try await session.send(.get, "/api/items?since=0&format=versions")
      #expect(versions.body.replacingOccurrences(of: " ", with: "").contains(#""a":3"#))
      let gone = try await session.send(.get, "/api/deleted?since=2")
      #expect(gone.body.replacingOccurrences(of: " ", with: "").contains(#""b":4"#))
      let notYet = try await session.send(.get, "/api/deleted?since=4")
      #expect(!notYet.body.contains(#""b""#))
    }
  }

  /// Rendering through the engine; hostile text comes back escaped.
  static func render(_ server: TestServer) async throws {
    try await server.run { session in
      _ = try await create(session, book)
      _ = try await create(
        session, #"{"id": "evil", "type": "book", "title": "<script>alert(1)</script>", "author": [{"family": "Doe"}]}"#
      )
      let text = try await session.send(.get, "/api/items/smith2020/render?format=text")
      #expect(text.status == .ok)
      #expect(text.body.contains("Smith"))
      #expect(text.body.contains("First"))
      #expect(text.body.contains("2020"))
      let citation = try await session.send(.get, "/api/items/smith2020/render?format=text&part=citation")
      #expect(citation.body.contains("Smith"))
      #expect(!citation.body.contains("First"), "an author-date citation does not print the title")
      let html = try await session.send(.get, "/api/items/evil/render?format=html")
      #expect(html.status == .ok)
      #expect(html.body.contains("&#60;script&#62;") || html.body.contains("&lt;script&gt;"))
      #expect(!html.body.contains("<script>"))
      #expect(try await session.send(.get, "/api/items/evil/render?style=no-such-style").status == .badRequest)
      #expect(try await session.send(.get, "/api/items/evil/render?format=pdf").status == .badRequest)
      #expect(try await session.send(.get, "/api/items/nobody/render").status == .notFound)
    }
  }

  /// BibLaTeX, RIS and CSL-YAML bodies, each one write with a per-entry report.
  static func importing(_ server: TestServer) async throws {
    try await server.run { session in
      let bib = """
        @book{knuth1984, author = {Knuth, Donald E.}, title = {The {\\TeX}book}, date = {1984}}
        @article{noyear, author = {Doe, Jane}, title = {Broken, journaltitle = {J}}
        @article{lee2001, author = {Lee, K.}, title = {Second}, journaltitle = {J}, date = {2001}}
        """
      let imported = try await session.send(.post, "/api/import", body: bib)
      #expect(imported.status == .created, "\(imported.body)")
      #expect(imported.libraryVersion == 1)
      #expect(imported.body.contains("knuth1984"))
      #expect(imported.body.contains("lee2001"))
      #expect(imported.body.contains(#""line""#), "findings carry their place")
      let ris = "TY  - JOUR\nID  - ris1\nAU  - Roe, Rita\nTI  - From RIS\nPY  - 2010\nER  - \n"
      let fromRIS = try await session.send(.post, "/api/import?format=ris", body: ris)
      #expect(fromRIS.status == .created, "\(fromRIS.body)")
      #expect(fromRIS.libraryVersion == 2)
      let yaml = "- id: y1\n  type: book\n  title: From YAML\n"
      let fromYAML = try await session.send(.post, "/api/import?format=csl-yaml", body: yaml)
      #expect(fromYAML.status == .created, "\(fromYAML.body)")
      let all = try await session.send(.get, "/api/items")
      #expect(all.body.contains("From RIS"))
      #expect(all.body.contains("From YAML"))
      #expect(all.body.contains("Second"))
      let before = try await session.snapshot()
      #expect(try await session.send(.post, "/api/import", body: "just some words").status == .badRequest)
      #expect(try await session.send(.post, "/api/import?format=word", body: bib).status == .badRequest)
      let strict = try await session.send(.post, "/api/import?strict=true", body: bib)
      #expect(strict.status == .badRequest)
      #expect(try await session.snapshot() == before)
    }
  }
}
