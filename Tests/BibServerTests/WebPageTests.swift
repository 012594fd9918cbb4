import Foundation
import HTTPTypes
import Testing

/// The web page: sign-in, list and search, an item, editing with the version check, import;
/// hostile values appear as text.
@Suite struct WebPageTests {
  static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
  static let hostile =
    #"{"id": "evil", "type": "webpage", "title": "<script>alert(1)</script>", "URL": "javascript:alert(1)", "author": [{"family": "O'Hara \"<b>\""}]}"#

  static func cookie(_ session: Session, _ token: String) async throws -> HTTPFields {
    let reply = try await session.send(
      .post, "/login", body: "token=" + token, auth: .none, headers: form)
    #expect(reply.status == .seeOther)
    let setCookie = try #require(reply.headers[.setCookie])
    #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
    return [.cookie: String(setCookie.prefix { $0 != ";" })]
  }

  static func encoded(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
  }

  @Test func signInListAndSearchWithHostileValuesAsText() async throws {
    try await TestServer.sqlite().run { session in
      _ = try await APIScenarios.create(session, APIScenarios.book)
      _ = try await APIScenarios.create(session, Self.hostile)
      let anonymous = try await session.send(.get, "/", auth: .none)
      #expect(anonymous.status == .seeOther)
      #expect(anonymous.headers[.location] == "/login")
      let wrong = try await session.send(.post, "/login", body: "token=cited_nope", auth: .none, headers: Self.form)
      #expect(wrong.status == .unauthorized)
      let cookie = try await Self.cookie(session, session.server.readToken)
      let list = try await session.send(.get, "/", auth: .none, headers: cookie)
      #expect(list.status == .ok)
      #expect(list.body.contains("smith2020") && list.body.contains("First"))
      #expect(list.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
      #expect(!list.body.contains("<script>"))
      let found = try await session.send(.get, "/?q=smith", auth: .none, headers: cookie)
      #expect(found.body.contains("smith2020"))
      #expect(!found.body.contains("/items/evil"))
      let item = try await session.send(.get, "/items/evil", auth: .none, headers: cookie)
      #expect(item.status == .ok)
      #expect(item.body.contains("javascript:alert(1)"), "shown as text")
      #expect(!item.body.contains("href=\"javascript"))
      #expect(!item.body.contains("<script>") && !item.body.contains("<b>"))
      #expect(item.body.contains("O&#39;Hara &quot;&lt;b&gt;&quot;"))
      #expect(!item.body.contains("<textarea"), "a read token gets no edit form")
    }
  }

  @Test func editingChecksTheVersionAndKeepsTheDraftWhenRefused() async throws {
    let server = try await TestServer.sqlite()
    try await server.run { session in
      _ = try await APIScenarios.create(session, APIScenarios.book)
      let cookie = try await Self.cookie(session, server.writeToken)
      let page = try await session.send(.get, "/items/smith2020?style=cited-author-date", auth: .none, headers: cookie)
      #expect(page.body.contains("<textarea"))
      #expect(page.body.contains("Smith"), "the rendering")
      let edited = #"{"id": "smith2020", "type": "book", "title": "Edited on the web"}"#
      var headers = cookie
      headers[.contentType] = "application/x-www-form-urlencoded"
      let saved = try await session.send(
        .post, "/items/smith2020", body: "version=1&json=" + Self.encoded(edited), auth: .none, headers: headers)
      #expect(saved.status == .seeOther)
      #expect(try await session.send(.get, "/api/items/smith2020").body.contains("Edited on the web"))
      let before = try await session.snapshot()
      let draft = #"{"id": "smith2020", "type": "book", "title": "Stale <draft>"}"#
      let stale = try await session.send(
        .post, "/items/smith2020", body: "version=1&json=" + Self.encoded(draft), auth: .none, headers: headers)
      #expect(stale.status == .preconditionFailed)
      #expect(stale.body.contains("Stale &lt;draft&gt;"), "what was typed is kept")
      #expect(try await session.snapshot() == before)
      let readCookie = try await Self.cookie(session, server.readToken)
      var readHeaders = readCookie
      readHeaders[.contentType] = "application/x-www-form-urlencoded"
      let forbidden = try await session.send(
        .post, "/items/smith2020", body: "version=2&json=" + Self.encoded(draft), auth: .none, headers: readHeaders)
      #expect(forbidden.status == .forbidden)
      #expect(try await session.snapshot() == before)
    }
  }

  @Test func importsPastedEntriesAndListsDuplicates() async throws {
    let server = try await TestServer.sqlite()
    try await server.run { session in
      var headers = try await Self.cookie(session, server.writeToken)
      headers[.contentType] = "application/x-www-form-urlencoded"
      let bib = """
        @article{a1, author = {Roe, R.}, title = {Same}, journaltitle = {J}, date = {2001}, doi = {10.1/x}}
        @article{a2, author = {Roe, R.}, title = {Same again}, journaltitle = {J}, date = {2001}, doi = {10.1/X}}
        """
      let imported = try await session.send(
        .post, "/import", body: "text=" + Self.encoded(bib), auth: .none, headers: headers)
      #expect(imported.status == .ok)
      #expect(imported.body.contains("Imported 2 item(s)"))
      let list = try await session.send(.get, "/", auth: .none, headers: headers)
      #expect(list.body.contains("Possible duplicates"))
      #expect(list.body.contains("same DOI"))
      let nothing = try await session.send(
        .post, "/import", body: "text=" + Self.encoded("no entries here"), auth: .none, headers: headers)
      #expect(nothing.status == .badRequest)
    }
  }
}
