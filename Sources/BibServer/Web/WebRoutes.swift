import BibFormats
import BibModel
import HTTPTypes
import Hummingbird

/// The web page at `/`: sign in with a token (kept in an HttpOnly, SameSite=Strict cookie, so
/// other sites cannot post with it), search and list, an item's fields and rendering, editing
/// with the version check, pasting entries to import, duplicates to review.
struct WebRoutes: Sendable {
  static let cookie = "cited_token"
  let api: LibraryAPI

  func register<Context: RequestContext>(on router: Router<Context>) {
    router.get("login") { _, _ in Self.page(WebPage.login(message: nil)) }
    router.post("login") { request, _ in try await login(request) }
    router.get("/") { request, _ in try await list(request) }
    router.get("items/:id") { request, context in try await item(request, id: try LibraryAPI.id(context)) }
    router.post("items/:id") { request, context in try await edit(request, id: try LibraryAPI.id(context)) }
    router.get("import") { request, _ in
      _ = try await session(request, writing: true)
      return Self.page(WebPage.importForm())
    }
    router.post("import") { request, _ in try await importText(request) }
  }

  static func page(_ html: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
    JSONReply.text(html, contentType: "text/html; charset=utf-8", status: status, headers: headers)
  }

  /// The cookie's token scope; none sends the browser to the sign-in page, a read token
  /// asking to write gets 403.
  private func session(_ request: Request, writing: Bool = false) async throws -> TokenScope {
    guard let token = request.cookies[Self.cookie]?.value,
      let scope = try await api.store.tokenScope(hash: AccessToken.hash(token))
    else {
      throw WebRefusal(.seeOther, headers: [.location: "/login"], html: WebPage.login(message: nil))
    }
    if writing && scope != .write {
      throw WebRefusal(.forbidden, html: WebPage.failure("Read only", "This token may only read."))
    }
    return scope
  }

  private func login(_ request: Request) async throws -> Response {
    let form = FormBody(try await api.body(request))
    let token = (form["token"] ?? "").trimmingSpaces()
    guard !token.isEmpty, try await api.store.tokenScope(hash: AccessToken.hash(token)) != nil,
      token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
    else {
      return Self.page(WebPage.login(message: "Unknown token."), status: .unauthorized)
    }
    let cookie = "\(Self.cookie)=\(token); Path=/; HttpOnly; SameSite=Strict"
    return Self.page("", status: .seeOther, headers: [.location: "/", .setCookie: cookie])
  }

  private func list(_ request: Request) async throws -> Response {
    _ = try await session(request)
    let query = request.uri.queryParameters.get("q") ?? ""
    let version = try await api.store.libraryVersion()
    let stored = try await api.store.items(since: 0)
    let objects = stored.compactMap { try? JSONParser.parse($0.json).objectValue }
    let needle = query.lowercased()
    let matching =
      needle.isEmpty ? objects : objects.filter { JSONWriter.write(.object($0)).lowercased().contains(needle) }
    let references = BibFormats.read(
      Array(JSONWriter.write(JSONReply.items(stored)).utf8), format: .cslJSON, file: "library"
    ).references
    return Self.page(WebPage.list(matching, query: query, duplicates: Dedupe.groups(references), version: version))
  }

  private func item(
    _ request: Request, id: String, message: String? = nil, draft: String? = nil
  ) async throws
    -> Response
  {
    let scope = try await session(request)
    guard let stored = try await api.store.item(id: id), let object = try? JSONParser.parse(stored.json).objectValue
    else {
      return Self.page(WebPage.failure("Not found", "No item '\(id)'."), status: .notFound)
    }
    let style = request.uri.queryParameters.get("style") ?? "cited-author-date"
    var rendered = ""
    if let reference = BibFormats.read(Array(stored.json.utf8), format: .cslJSON, file: id).references.first {
      do {
        rendered = try api.renderer.render(reference, style: style, locale: nil, format: "html", part: "bibliography")
      } catch {
        rendered = "<p class=\"message error\">\(WebPage.h(error.message))</p>"
      }
    }
    return Self.page(
      WebPage.item(
        object, json: draft ?? JSONWriter.write(.object(object)), version: stored.version, rendered: rendered,
        style: style, canWrite: scope == .write, message: message))
  }

  private func edit(_ request: Request, id: String) async throws -> Response {
    _ = try await session(request, writing: true)
    let form = FormBody(try await api.body(request))
    let text = form["json"] ?? ""
    do {
      guard let expected = form["version"].flatMap({ Int($0) }) else {
        throw APIError(.badRequest, "the form has no version")
      }
      let read = try RequestItems.one(Array(text.utf8), id: id)
      guard let reference = read.references.first else { throw APIError(.badRequest, "no item") }
      _ = try await api.store.replace(id: id, expected: expected, with: reference)
      return Self.page("", status: .seeOther, headers: [.location: "/items/\(WebLinks.path(id))"])
    } catch let refusal as APIError {
      // The reader keeps what was typed: nothing is lost when a save is refused.
      var response = try await item(request, id: id, message: refusal.message, draft: text)
      response.status = refusal.status
      return response
    }
  }

  private func importText(_ request: Request) async throws -> Response {
    _ = try await session(request, writing: true)
    let form = FormBody(try await api.body(request))
    do {
      let read = try RequestItems.imported(Array((form["text"] ?? "").utf8), format: nil, strict: false)
      let (_, created) = try await api.store.create(read.references)
      return Self.page(WebPage.imported(created: created.ids, diagnostics: read.diagnostics + created.diagnostics))
    } catch let refusal as APIError {
      let message = "<p class=\"message error\">\(WebPage.h(refusal.message))</p>"
      return Self.page(WebPage.importForm(message: message), status: refusal.status)
    }
  }
}

/// A refused page request, answered with HTML.
struct WebRefusal: Error, HTTPResponseError {
  var status: HTTPResponse.Status
  var headers: HTTPFields
  var html: String

  init(_ status: HTTPResponse.Status, headers: HTTPFields = [:], html: String) {
    self.status = status
    self.headers = headers
    self.html = html
  }

  func response(from request: Request, context: some RequestContext) throws -> Response {
    WebRoutes.page(html, status: status, headers: headers)
  }
}
