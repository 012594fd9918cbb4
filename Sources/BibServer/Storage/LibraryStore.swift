/// Where the shared library lives: SQLite for one machine, PostgreSQL for a team.
///
/// A store knows rows, not rules. Every write is one transaction: the store reads the state the
/// write asks about, the write's pure `plan` decides (or refuses by throwing, and then nothing is
/// written), and the store applies the operations stamped with the next library version.
public protocol LibraryStore: Sendable {
  /// The library version: the number of writes so far.
  func libraryVersion() async throws -> Int
  /// Live items changed after `since` (all live items for 0), by id.
  func items(since: Int) async throws -> [StoredItem]
  /// Ids deleted after `since`, with the version that deleted them.
  func deleted(since: Int) async throws -> [String: Int]
  /// One live item.
  func item(id: String) async throws -> StoredItem?
  /// Runs one write transaction. `plan` sees the state `query` asks for and returns the
  /// operations and a value; when it throws, the transaction is rolled back. An empty list of
  /// operations changes nothing, the library version included.
  func write<Value: Sendable>(
    _ query: StateQuery, _ plan: @escaping @Sendable (LibraryState) throws -> ([StoreOperation], Value)
  ) async throws -> (version: Int, value: Value)
  /// Stores a token's hash under a name.
  func addToken(name: String, hash: String, scope: TokenScope) async throws
  /// The scope of the token with this hash, nil when there is none (or it was revoked).
  func tokenScope(hash: String) async throws -> TokenScope?
  /// Every token's name, scope and creation time (never its hash), by name.
  func tokens() async throws -> [TokenRecord]
  /// Removes every token named `name`; returns how many there were.
  func revokeTokens(name: String) async throws -> Int
  /// Closes connections.
  func close() async throws
}

/// One item as stored: canonical CSL-JSON text and the library version that last wrote it.
public struct StoredItem: Sendable, Hashable {
  public var id: String
  public var version: Int
  public var json: String

  public init(id: String, version: Int, json: String) {
    self.id = id
    self.version = version
    self.json = json
  }
}

/// What a token may do.
public enum TokenScope: String, Sendable, Hashable, CaseIterable {
  case read, write
}

/// A token as listed: who it is for, what it may do and when it was made; never the token or its hash.
public struct TokenRecord: Sendable, Hashable {
  public var name: String
  public var scope: TokenScope
  /// ISO 8601, UTC.
  public var created: String

  public init(name: String, scope: TokenScope, created: String) {
    self.name = name
    self.scope = scope
    self.created = created
  }
}

/// Which live items a write needs to see.
public enum StateQuery: Sendable, Hashable {
  /// These ids (absent ones are not in the state).
  case ids([String])
  /// Every live id (for creating items under fresh ids).
  case all
}

/// The state a write plans against, read inside its transaction.
public struct LibraryState: Sendable, Hashable {
  /// The library version before the write.
  public var version: Int
  /// Live items asked for: id to item version.
  public var items: [String: Int]

  public init(version: Int, items: [String: Int]) {
    self.version = version
    self.items = items
  }
}

/// One row change of a write; the store stamps it with the new library version.
public enum StoreOperation: Sendable, Hashable {
  case put(id: String, json: String)
  case delete(id: String)
}
