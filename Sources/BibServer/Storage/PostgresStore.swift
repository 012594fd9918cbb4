import Foundation
import Logging
import PostgresNIO

/// The library in a PostgreSQL database (postgres-nio's pooled client). Writes lock the one
/// `library` row first (`SELECT … FOR UPDATE`), so they run one after another and each sees
/// the state the previous one left.
public final class PostgresStore: LibraryStore {
  private let client: PostgresClient
  private let runner: Task<Void, Never>
  private let logger = Logger(label: "cited-server.postgres")

  /// Connects to `url` (`postgres://user:password@host:port/database`, TLS off: loopback or a
  /// trusted network) and migrates. `?schema=NAME` keeps the library in its own schema (created
  /// when missing), so one database can hold several libraries.
  public init(url: String) async throws {
    guard let components = URLComponents(string: url), let host = components.host, let user = components.user
    else {
      throw StoreError("a PostgreSQL database is postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE, not '\(url)'")
    }
    let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
    var configuration = PostgresClient.Configuration(
      host: host, port: components.port ?? 5432, username: user, password: components.password,
      database: database.isEmpty ? nil : database, tls: .disable)
    let schema = components.queryItems?.first { $0.name == "schema" }?.value
    if let schema {
      guard !schema.isEmpty, schema.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
        throw StoreError("a schema name is letters, digits and _, not '\(schema)'")
      }
      configuration.options.additionalStartupParameters = [("search_path", schema)]
    }
    let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    self.client = client
    runner = Task { await client.run() }
    do {
      // The pool takes requests once `run()` has started; the first query waits a moment for it
      // (a request made earlier still succeeds, but the client logs a warning for it).
      try await Task.sleep(for: .milliseconds(50))
      if let schema { try await client.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)")) }
      try await migrate()
    } catch {
      runner.cancel()
      throw error
    }
  }

  private func migrate() async throws {
    try await client.withTransaction(logger: logger) { connection in
      try await connection.query(PostgresQuery(unsafeSQL: SchemaMigrations.bookkeeping), logger: logger)
      try await connection.query("LOCK TABLE schema_migrations IN EXCLUSIVE MODE", logger: logger)
      var applied: Set<Int> = []
      for try await version in try await connection.query("SELECT version FROM schema_migrations", logger: logger)
        .decode(Int.self)
      {
        applied.insert(version)
      }
      for migration in SchemaMigrations.pending(after: applied) {
        for statement in migration.statements {
          try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
        try await connection.query(
          "INSERT INTO schema_migrations (version, applied) VALUES (\(migration.version), \(StoreClock.now()))",
          logger: logger)
      }
    }
  }

  public func libraryVersion() async throws -> Int {
    try await client.withConnection { try await Self.version($0, logger: logger, lock: false) }
  }

  private static func version(_ connection: PostgresConnection, logger: Logger, lock: Bool) async throws -> Int {
    let query: PostgresQuery =
      lock ? "SELECT version FROM library WHERE id = 1 FOR UPDATE" : "SELECT version FROM library WHERE id = 1"
    for try await version in try await connection.query(query, logger: logger).decode(Int.self) { return version }
    return 0
  }

  public func items(since: Int) async throws -> [StoredItem] {
    var items: [StoredItem] = []
    let rows = try await client.query(
      "SELECT id, version, json FROM items WHERE deleted = 0 AND version > \(since) ORDER BY id", logger: logger)
    for try await (id, version, json) in rows.decode((String, Int, String).self) {
      items.append(StoredItem(id: id, version: version, json: json))
    }
    return items
  }

  public func deleted(since: Int) async throws -> [String: Int] {
    var result: [String: Int] = [:]
    let rows = try await client.query(
      "SELECT id, version FROM items WHERE deleted = 1 AND version > \(since)", logger: logger)
    for try await (id, version) in rows.decode((String, Int).self) { result[id] = version }
    return result
  }

  public func item(id: String) async throws -> StoredItem? {
    let rows = try await client.query(
      "SELECT id, version, json FROM items WHERE deleted = 0 AND id = \(id)", logger: logger)
    for try await (id, version, json) in rows.decode((String, Int, String).self) {
      return StoredItem(id: id, version: version, json: json)
    }
    return nil
  }

  public func write<Value: Sendable>(
    _ query: StateQuery, _ plan: @escaping @Sendable (LibraryState) throws -> ([StoreOperation], Value)
  ) async throws -> (version: Int, value: Value) {
    let logger = self.logger
    do {
      return try await transaction(query, plan, logger: logger)
    } catch let error as PostgresTransactionError {
      // The plan's refusal (a 412, a 404) is what the caller must see, not the wrapper.
      if let refusal = error.closureError as? APIError, error.rollbackError == nil { throw refusal }
      throw error
    }
  }

  private func transaction<Value: Sendable>(
    _ query: StateQuery, _ plan: @escaping @Sendable (LibraryState) throws -> ([StoreOperation], Value),
    logger: Logger
  ) async throws -> (version: Int, value: Value) {
    try await client.withTransaction(logger: logger) { connection in
      let version = try await Self.version(connection, logger: logger, lock: true)
      let state = LibraryState(version: version, items: try await Self.items(connection, query, logger: logger))
      let (operations, value) = try plan(state)
      guard !operations.isEmpty else { return (version, value) }
      let next = version + 1
      for operation in operations { try await Self.apply(operation, version: next, connection, logger: logger) }
      try await connection.query("UPDATE library SET version = \(next) WHERE id = 1", logger: logger)
      return (next, value)
    }
  }

  private static func items(
    _ connection: PostgresConnection, _ query: StateQuery, logger: Logger
  ) async throws -> [String: Int] {
    var result: [String: Int] = [:]
    let rows: PostgresRowSequence
    switch query {
    case .all:
      rows = try await connection.query("SELECT id, version FROM items WHERE deleted = 0", logger: logger)
    case .ids(let ids):
      rows = try await connection.query(
        "SELECT id, version FROM items WHERE deleted = 0 AND id = ANY(\(ids))", logger: logger)
    }
    for try await (id, version) in rows.decode((String, Int).self) { result[id] = version }
    return result
  }

  private static func apply(
    _ operation: StoreOperation, version: Int, _ connection: PostgresConnection, logger: Logger
  ) async throws {
    switch operation {
    case .put(let id, let json):
      try await connection.query(
        """
        INSERT INTO items (id, version, deleted, json) VALUES (\(id), \(version), 0, \(json)) \
        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, deleted = 0, json = EXCLUDED.json
        """, logger: logger)
    case .delete(let id):
      try await connection.query(
        "UPDATE items SET version = \(version), deleted = 1, json = '' WHERE id = \(id)", logger: logger)
    }
  }

  public func addToken(name: String, hash: String, scope: TokenScope) async throws {
    try await client.query(
      "INSERT INTO tokens (hash, name, scope, created) VALUES (\(hash), \(name), \(scope.rawValue), \(StoreClock.now()))",
      logger: logger)
  }

  public func tokenScope(hash: String) async throws -> TokenScope? {
    let rows = try await client.query("SELECT scope FROM tokens WHERE hash = \(hash)", logger: logger)
    for try await scope in rows.decode(String.self) { return TokenScope(rawValue: scope) }
    return nil
  }

  public func tokens() async throws -> [TokenRecord] {
    var result: [TokenRecord] = []
    let rows = try await client.query("SELECT name, scope, created FROM tokens ORDER BY name, created", logger: logger)
    for try await (name, scope, created) in rows.decode((String, String, String).self) {
      if let scope = TokenScope(rawValue: scope) {
        result.append(TokenRecord(name: name, scope: scope, created: created))
      }
    }
    return result
  }

  public func revokeTokens(name: String) async throws -> Int {
    var count = 0
    let rows = try await client.query("DELETE FROM tokens WHERE name = \(name) RETURNING name", logger: logger)
    for try await _ in rows.decode(String.self) { count += 1 }
    return count
  }

  public func close() async throws {
    runner.cancel()
  }
}

/// A store that could not be opened.
public struct StoreError: Error, Sendable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
