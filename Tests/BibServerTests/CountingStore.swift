import BibServer
import Synchronization

/// A store that passes everything through and records each `items(since:)` read (the version
/// asked from and how many items it returned): what the server sent, seen from the server.
final class CountingStore: LibraryStore {
  let inner: any LibraryStore
  private let reads = Mutex<[(since: Int, count: Int)]>([])

  init(_ inner: any LibraryStore) { self.inner = inner }

  /// The reads recorded since the last call, emptied.
  func takeReads() -> [(since: Int, count: Int)] {
    reads.withLock { recorded in
      defer { recorded.removeAll() }
      return recorded
    }
  }

  func items(since: Int) async throws -> [StoredItem] {
    let items = try await inner.items(since: since)
    reads.withLock { $0.append((since, items.count)) }
    return items
  }

  func libraryVersion() async throws -> Int { try await inner.libraryVersion() }
  func deleted(since: Int) async throws -> [String: Int] { try await inner.deleted(since: since) }
  func item(id: String) async throws -> StoredItem? { try await inner.item(id: id) }
  func write<Value: Sendable>(
    _ query: StateQuery, _ plan: @escaping @Sendable (LibraryState) throws -> ([StoreOperation], Value)
  ) async throws -> (version: Int, value: Value) { try await inner.write(query, plan) }
  func addToken(name: String, hash: String, scope: TokenScope) async throws {
    try await inner.addToken(name: name, hash: hash, scope: scope)
  }
  func tokenScope(hash: String) async throws -> TokenScope? { try await inner.tokenScope(hash: hash) }
  func tokens() async throws -> [TokenRecord] { try await inner.tokens() }
  func revokeTokens(name: String) async throws -> Int { try await inner.revokeTokens(name: name) }
  func close() async throws { try await inner.close() }
}
