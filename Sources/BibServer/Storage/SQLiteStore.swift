import Foundation
import GRDB

/// The library in one SQLite file (GRDB, WAL mode): readers run beside the single writer, and
/// every write is one transaction (GRDB makes write transactions immediate).
public final class SQLiteStore: LibraryStore {
  private let pool: DatabasePool

  /// Opens (creating it and its folder when missing) and migrates the database at `path`.
  public init(path: String) throws {
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    pool = try DatabasePool(path: path, configuration: configuration)
    try pool.write { db in try Self.migrate(db) }
  }

  private static func migrate(_ db: Database) throws {
    try db.execute(sql: SchemaMigrations.bookkeeping)
    let applied = Set(try Int.fetchAll(db, sql: "SELECT version FROM schema_migrations"))
    for migration in SchemaMigrations.pending(after: applied) {
      for statement in migration.statements { try db.execute(sql: statement) }
      try db.execute(
        sql: "INSERT INTO schema_migrations (version, applied) VALUES (?, ?)",
        arguments: [migration.version, StoreClock.now()])
    }
  }

  public func libraryVersion() async throws -> Int {
    try await pool.read { db in try Self.version(db) }
  }

  private static func version(_ db: Database) throws -> Int {
    try Int.fetchOne(db, sql: "SELECT version FROM library WHERE id = 1") ?? 0
  }

  public func items(since: Int) async throws -> [StoredItem] {
    try await pool.read { db in
      try Row.fetchAll(
        db, sql: "SELECT id, version, json FROM items WHERE deleted = 0 AND version > ? ORDER BY id",
        arguments: [since]
      ).map { StoredItem(id: $0["id"], version: $0["version"], json: $0["json"]) }
    }
  }

  public func deleted(since: Int) async throws -> [String: Int] {
    try await pool.read { db in
      var result: [String: Int] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT id, version FROM items WHERE deleted = 1 AND version > ?", arguments: [since])
      {
        result[row["id"]] = row["version"]
      }
      return result
    }
  }

  public func item(id: String) async throws -> StoredItem? {
    try await pool.read { db in
      try Row.fetchOne(
        db, sql: "SELECT id, version, json FROM items WHERE deleted = 0 AND id = ?", arguments: [id]
      ).map { StoredItem(id: $0["id"], version: $0["version"], json: $0["json"]) }
    }
  }

  public func write<Value: Sendable>(
    _ query: StateQuery, _ plan: @escaping @Sendable (LibraryState) throws -> ([StoreOperation], Value)
  ) async throws -> (version: Int, value: Value) {
    try await pool.write { db in
      let state = LibraryState(version: try Self.version(db), items: try Self.items(db, query))
      let (operations, value) = try plan(state)
      guard !operations.isEmpty else { return (state.version, value) }
      let next = state.version + 1
      for operation in operations { try Self.apply(operation, version: next, db) }
      try db.execute(sql: "UPDATE library SET version = ? WHERE id = 1", arguments: [next])
      return (next, value)
    }
  }

  private static func items(_ db: Database, _ query: StateQuery) throws -> [String: Int] {
    var result: [String: Int] = [:]
    switch query {
    case .all:
      for row in try Row.fetchAll(db, sql: "SELECT id, version FROM items WHERE deleted = 0") {
        result[row["id"]] = row["version"]
      }
    case .ids(let ids):
      for id in ids {
        result[id] = try Int.fetchOne(
          db, sql: "SELECT version FROM items WHERE deleted = 0 AND id = ?", arguments: [id])
      }
    }
    return result
  }

  private static func apply(_ operation: StoreOperation, version: Int, _ db: Database) throws {
    switch operation {
    case .put(let id, let json):
      try db.execute(
        sql: """
          INSERT INTO items (id, version, deleted, json) VALUES (?, ?, 0, ?) \
          ON CONFLICT (id) DO UPDATE SET version = excluded.version, deleted = 0, json = excluded.json
          """, arguments: [id, version, json])
    case .delete(let id):
      try db.execute(
        sql: "UPDATE items SET version = ?, deleted = 1, json = '' WHERE id = ?", arguments: [version, id])
    }
  }

  public func addToken(name: String, hash: String, scope: TokenScope) async throws {
    try await pool.write { db in
      try db.execute(
        sql: "INSERT INTO tokens (hash, name, scope, created) VALUES (?, ?, ?, ?)",
        arguments: [hash, name, scope.rawValue, StoreClock.now()])
    }
  }

  public func tokenScope(hash: String) async throws -> TokenScope? {
    try await pool.read { db in
      try String.fetchOne(db, sql: "SELECT scope FROM tokens WHERE hash = ?", arguments: [hash])
        .flatMap(TokenScope.init(rawValue:))
    }
  }

  public func tokens() async throws -> [TokenRecord] {
    try await pool.read { db in
      try Row.fetchAll(db, sql: "SELECT name, scope, created FROM tokens ORDER BY name, created").compactMap { row in
        TokenScope(rawValue: row["scope"]).map { TokenRecord(name: row["name"], scope: $0, created: row["created"]) }
      }
    }
  }

  public func revokeTokens(name: String) async throws -> Int {
    try await pool.write { db in
      try db.execute(sql: "DELETE FROM tokens WHERE name = ?", arguments: [name])
      return db.changesCount
    }
  }

  public func close() async throws {
    try pool.close()
  }
}

/// Timestamps for bookkeeping rows.
enum StoreClock {
  static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
