import BibFormats
import BibModel
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The HTTP API under `/api`, with Zotero's concurrency model: every write is one transaction
/// that increases the library version by one; an item's version is the library version that
/// last wrote it; replacing or deleting needs `If-Match` with that version.
public struct LibraryAPI: Sendable {
  public var store: any LibraryStore
  public var renderer: ItemRenderer
  /// The largest request body read; larger ones are refused with 413, unread.
  public var maximumBodyBytes: Int

  public init(store: any LibraryStore, renderer: ItemRenderer, maximumBodyBytes: Int = 8 << 20) {
    self.store = store
    self.renderer = renderer
    self.maximumBodyBytes = maximumBodyBytes
  }

  /// Adds the routes to `router`.
  public func register<Context: RequestContext>(on router: Router<Context>) {
    let api = router.group("api").add(middleware: TokenMiddleware<Context>(store: store))
    api.get("items") { request, _ in try await list(request) }
    api.post("items") { request, _ in try await create(request) }
    api.get("items/:id") { _, context in try await item(try Self.id(context)) }
    api.put("items/:id") { request, context in try await replace(request, id: try Self.id(context)) }
    api.delete("items/:id") { request, context in try await delete(request, id: try Self.id(context)) }
    api.get("items/:id/render") { request, context in try await render(request, id: try Self.id(context)) }
    api.get("deleted") { request, _ in try await deleted(request) }
    api.post("import") { request, _ in try await importEntries(request) }
  }

  // MARK: - Reading

  func list(_ request: Request) async throws -> Response {
    let since = try Self.since(request)
    let (version, items) = try await atOneVersion { try await store.items(since: since) }
    let headers = JSONReply.versionHeaders(version)
    if request.uri.queryParameters.get("format") == "versions" {
      let members = items.map { JSONMember(key: $0.id, value: JSONReply.number($0.version)) }
      return JSONReply.response(.object(JSONObject(members)), headers: headers)
    }
    return JSONReply.response(JSONReply.items(items), headers: headers)
  }

  /// Runs the read `body` between two reads of the library version until both agree: no write
  /// committed in between (each write raises the version in its transaction), so what `body`
  /// read is the library at exactly that version, the one `Library-Version` then names.
  func atOneVersion<Value>(_ body: () async throws -> Value) async throws -> (Int, Value) {
    for _ in 0..<20 {
      let before = try await store.libraryVersion()
      let value = try await body()
      if try await store.libraryVersion() == before { return (before, value) }
    }
    throw APIError(
      .serviceUnavailable, "the library kept changing while it was read; try again", headers: [.retryAfter: "1"])
  }

  func item(_ id: String) async throws -> Response {
    let stored = try await existing(id)
    return JSONReply.text(
      stored.json + "\n", contentType: "application/json; charset=utf-8",
      headers: [.eTag: JSONReply.etag(stored.version)])
  }

  func deleted(_ request: Request) async throws -> Response {
    let since = try Self.since(request)
    let (version, gone) = try await atOneVersion { try await store.deleted(since: since) }
    let members = gone.keys.sorted().map { JSONMember(key: $0, value: JSONReply.number(gone[$0] ?? 0)) }
    return JSONReply.response(.object(JSONObject(members)), headers: JSONReply.versionHeaders(version))
  }

  func render(_ request: Request, id: String) async throws -> Response {
    let stored = try await existing(id)
    let result = BibFormats.read(Array(stored.json.utf8), format: .cslJSON, file: id)
    guard let reference = result.references.first else {
      throw APIError(.internalServerError, "item '\(id)' could not be read back", diagnostics: result.diagnostics)
    }
    let query = request.uri.queryParameters
    let format = query.get("format") ?? "html"
    let text = try renderer.render(
      reference, style: query.get("style"), locale: query.get("locale"), format: format,
      part: query.get("part") ?? "bibliography")
    let type = format == "html" ? "text/html; charset=utf-8" : "text/plain; charset=utf-8"
    return JSONReply.text(text + "\n", contentType: type, headers: [.eTag: JSONReply.etag(stored.version)])
  }

  private func existing(_ id: String) async throws -> StoredItem {
    guard let stored = try await store.item(id: id) else { throw APIError(.notFound, "no item '\(id)'") }
    return stored
  }

  // MARK: - Writing

  func create(_ request: Request) async throws -> Response {
    let read = try RequestItems.many(try await body(request))
    return try await add(read)
  }

  func importEntries(_ request: Request) async throws -> Response {
    let query = request.uri.queryParameters
    let read = try RequestItems.imported(
      try await body(request), format: query.get("format"), strict: query.get("strict") == "true")
    return try await add(read)
  }

  private func add(_ read: BibReadResult) async throws -> Response {
    let (version, created) = try await store.create(read.references)
    let members: [JSONMember] = [
      JSONMember(key: "libraryVersion", value: JSONReply.number(version)),
      JSONMember(key: "created", value: .array(created.ids.map { .string($0) })),
      JSONMember(key: "diagnostics", value: JSONReply.diagnostics(read.diagnostics + created.diagnostics)),
    ]
    return JSONReply.response(
      .object(JSONObject(members)), status: .created, headers: JSONReply.versionHeaders(version))
  }

  func replace(_ request: Request, id: String) async throws -> Response {
    let expected = try Self.ifMatch(request)
    let read = try RequestItems.one(try await body(request), id: id)
    guard let reference = read.references.first else { throw APIError(.badRequest, "the body holds no item") }
    let version = try await store.replace(id: id, expected: expected, with: reference)
    var headers = JSONReply.versionHeaders(version)
    headers[.eTag] = JSONReply.etag(version)
    let members = [JSONMember(key: "diagnostics", value: JSONReply.diagnostics(read.diagnostics))]
    return JSONReply.response(.object(JSONObject(members)), headers: headers)
  }

  func delete(_ request: Request, id: String) async throws -> Response {
    let expected = try Self.ifMatch(request)
    let version = try await store.delete(id: id, expected: expected)
    return Response(status: .noContent, headers: JSONReply.versionHeaders(version))
  }

  // MARK: - Request parts

  func body(_ request: Request) async throws -> [UInt8] {
    var request = request
    do {
      let buffer = try await request.collectBody(upTo: maximumBodyBytes)
      return Array(buffer.readableBytesView)
    } catch is NIOTooManyBytesError {
      throw APIError(.contentTooLarge, "the body is larger than \(maximumBodyBytes) bytes")
    }
  }

  static func id(_ context: some RequestContext) throws -> String {
    let raw = try context.parameters.require("id")
    return raw.removingPercentEncoding ?? raw
  }

  static func since(_ request: Request) throws(APIError) -> Int {
    guard let text = request.uri.queryParameters.get("since") else { return 0 }
    guard let since = Int(text), since >= 0 else {
      throw APIError(.badRequest, "since must be a library version (a whole number ≥ 0), not '\(text)'")
    }
    return since
  }

  /// The version an `If-Match` names: `"7"` (as the ETag was sent), `W/"7"` or `7`.
  static func ifMatch(_ request: Request) throws(APIError) -> Int {
    guard let header = request.headers[.ifMatch] else {
      throw APIError(
        .preconditionRequired, "changing an item needs If-Match with the version it was made from (its ETag)")
    }
    var text = Substring(header.trimmingSpaces())
    if text.hasPrefix("W/") { text = text.dropFirst(2) }
    if text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2 { text = text.dropFirst().dropLast() }
    guard let version = Int(text) else {
      throw APIError(.badRequest, "If-Match must be an item version such as \"7\", not \(header)")
    }
    return version
  }
}
