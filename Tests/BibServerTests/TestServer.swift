import BibServer
import CSLStyle
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A server over a fresh store on an ephemeral loopback port, with one read and one write token.
struct TestServer: Sendable {
  let store: any LibraryStore
  let readToken: String
  let writeToken: String
  let maximumBodyBytes: Int

  init(store: any LibraryStore, maximumBodyBytes: Int = 64 * 1024) async throws {
    self.store = store
    readToken = try await AccessToken.add(name: "reader", scope: .read, to: store)
    writeToken = try await AccessToken.add(name: "writer", scope: .write, to: store)
    self.maximumBodyBytes = maximumBodyBytes
  }

  /// A new SQLite database in a temporary folder.
  static func sqlite() async throws -> TestServer {
    try await TestServer(store: try sqliteStore())
  }

  static func sqliteStore() throws -> SQLiteStore {
    let folder = Scratch.folder("serve")
    return try SQLiteStore(path: folder.path + "/library.sqlite")
  }

  /// Runs `body` against the live server.
  func run<Value: Sendable>(_ body: @Sendable (Session) async throws -> Value) async throws -> Value {
    let renderer = ItemRenderer(
      catalog: StyleCatalog(
        localDirectory: nil, bundled: EmbeddedStyles.files, directories: [], readFile: { _ in nil },
        listDirectory: { _ in [] }),
      locales: LocaleStore(files: EmbeddedLocales.files))
    let api = LibraryAPI(store: store, renderer: renderer, maximumBodyBytes: maximumBodyBytes)
    let app = BibServerApplication.make(api: api, host: "127.0.0.1", port: 0, logLevel: .warning)
    return try await app.test(.live) { client in
      try await body(Session(client: client, server: self))
    }
  }
}

/// One connection's requests, with the write token unless told otherwise.
struct Session: Sendable {
  let client: any TestClientProtocol
  let server: TestServer

  struct Reply: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String

    var libraryVersion: Int? { HTTPField.Name("Library-Version").flatMap { headers[$0] }.flatMap { Int($0) } }
    var etag: String? { headers[.eTag] }
  }

  enum Auth: Sendable {
    case write, read, none, raw(String)
  }

  func send(
    _ method: HTTPRequest.Method, _ uri: String, body: String? = nil, ifMatch: String? = nil, auth: Auth = .write,
    headers extra: HTTPFields = [:]
  ) async throws -> Reply {
    var headers = extra
    switch auth {
    case .write: headers[.authorization] = "Bearer \(server.writeToken)"
    case .read: headers[.authorization] = "Bearer \(server.readToken)"
    case .none: break
    case .raw(let value): headers[.authorization] = value
    }
    if let ifMatch { headers[.ifMatch] = ifMatch }
    let response = try await client.executeRequest(
      uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    return Reply(status: response.status, headers: response.headers, body: String(buffer: response.body))
  }

  /// Everything observable about the library: its version and its items' text.
  func snapshot(auth: Auth = .write) async throws -> String {
    let reply = try await send(.get, "/api/items", auth: auth)
    return "\(reply.libraryVersion ?? -1)\n\(reply.body)"
  }
}
