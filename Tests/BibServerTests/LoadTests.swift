import BibModel
import BibServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Many clients editing a few items at once on loopback: every write is accepted or answered
/// 412, none is lost, and the library ends as the accepted writes add up.
///
/// Each write reads an item's counter (its title, `count N`) and its ETag, then PUTs `count N+1`
/// with `If-Match`. A lost update would leave a counter below the number of accepted writes to
/// that item. The normal run is 20 clients × 50 writes; `CITED_LOAD_FULL=1` runs 50 × 200.
@Suite struct LoadTests {
  static let full = ProcessInfo.processInfo.environment["CITED_LOAD_FULL"] == "1"
  static let clients = full ? 50 : 20
  static let writes = full ? 200 : 50
  static let items = 10

  struct Tally: Sendable {
    var accepted: [Int] = Array(repeating: 0, count: LoadTests.items)
    var rejected = 0
    var unexpected: [String] = []
  }

  @Test func concurrentWritersLoseNothingOnSQLite() async throws {
    try await Self.run(try await TestServer.sqlite())
  }

  static func run(_ server: TestServer) async throws {
    let seed = (0..<items).map { #"{"id": "load-\#($0)", "type": "book", "title": "count 0"}"# }
    try await server.run { session in
      let created = try await session.send(.post, "/api/items", body: "[" + seed.joined(separator: ",") + "]")
      #expect(created.status == .created)
      guard let port = session.client.port else {
        Issue.record("the live test client has no port")
        return
      }
      let start = ContinuousClock.now
      let tally = try await withThrowingTaskGroup(of: Tally.self) { group in
        for client in 0..<clients {
          group.addTask { try await writer(client, port: port, token: server.writeToken) }
        }
        var total = Tally()
        for try await part in group {
          for index in 0..<items { total.accepted[index] += part.accepted[index] }
          total.rejected += part.rejected
          total.unexpected += part.unexpected
        }
        return total
      }
      let elapsed = ContinuousClock.now - start
      let accepted = tally.accepted.reduce(0, +)
      print(
        "load: \(clients) clients × \(writes) writes in \(elapsed): \(accepted) accepted, \(tally.rejected) answered 412"
      )
      let unexpected = tally.unexpected
      #expect(unexpected.count == 0, "the first answers neither 200 nor 412: \(unexpected.prefix(5))")
      #expect(accepted + tally.rejected == clients * writes)
      let final = try await session.send(.get, "/api/items")
      #expect(final.libraryVersion == 1 + accepted, "one library version per accepted write")
      let counters = try JSONParser.parse(final.body).arrayValue?.map { item in
        counter(ByteBuffer(string: JSONWriter.write(item)))
      }
      #expect(counters == tally.accepted.map { Optional($0) }, "each counter equals the writes accepted for its item")
    }
  }

  /// One client on its own connection: `writes` read-then-write attempts, cycling through the items.
  static func writer(_ client: Int, port: Int, token: String) async throws -> Tally {
    try await TestClient.withClient(host: "localhost", port: port) { connection in
      var tally = Tally()
      for write in 0..<writes {
        let index = (client + write) % items
        let uri = "/api/items/load-\(index)"
        let current = try await send(connection, .get, uri, token: token, body: nil, ifMatch: nil)
        guard let etag = current.head.headerFields[.eTag], let count = counter(current.body) else {
          tally.unexpected.append("GET \(uri): \(current.head.status)")
          continue
        }
        let body = #"{"id": "load-\#(index)", "type": "book", "title": "count \#(count + 1)"}"#
        let reply = try await send(connection, .put, uri, token: token, body: body, ifMatch: etag)
        switch reply.head.status {
        case .ok: tally.accepted[index] += 1
        case .preconditionFailed: tally.rejected += 1
        default: tally.unexpected.append("PUT \(uri): \(reply.head.status)")
        }
      }
      return tally
    }
  }

  static func send(
    _ connection: TestClient, _ method: HTTPRequest.Method, _ uri: String, token: String, body: String?,
    ifMatch: String?
  ) async throws -> TestClient.Response {
    var headers: HTTPFields = [.authorization: "Bearer \(token)", .connection: "keep-alive"]
    if let ifMatch { headers[.ifMatch] = ifMatch }
    return try await connection.execute(
      TestClient.Request(
        uri, method: method, authority: "localhost", headers: headers, body: body.map { ByteBuffer(string: $0) }))
  }

  /// N of the title `count N`.
  static func counter(_ body: ByteBuffer?) -> Int? {
    guard let body, let value = try? JSONParser.parse(String(buffer: body)),
      let title = value.objectValue?["title"]?.stringValue, title.hasPrefix("count ")
    else { return nil }
    return Int(title.dropFirst("count ".count))
  }
}
