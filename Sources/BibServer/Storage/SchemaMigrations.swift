/// The database schema, one numbered migration after another; both stores apply the ones a
/// database has not seen yet, in order, each in its own transaction, and record them in
/// `schema_migrations`. Migrations are never edited once released: a change is a new one.
/// The SQL is written to mean the same in SQLite and PostgreSQL.
public enum SchemaMigrations {
  public struct Migration: Sendable {
    public var version: Int
    public var statements: [String]
  }

  /// Creates the bookkeeping table (idempotent).
  static let bookkeeping =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)"

  public static let all: [Migration] = [
    Migration(
      version: 1,
      statements: [
        // One row: the library version, increased by one per write.
        "CREATE TABLE library (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL)",
        "INSERT INTO library (id, version) VALUES (1, 0)",
        // Deleted items stay as tombstones (deleted = 1) so that `?since=` can report them.
        """
        CREATE TABLE items (id TEXT PRIMARY KEY, version BIGINT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, \
        json TEXT NOT NULL)
        """,
        "CREATE INDEX items_version ON items (version)",
        // Tokens are stored as SHA-256 hashes only.
        """
        CREATE TABLE tokens (hash TEXT PRIMARY KEY, name TEXT NOT NULL, \
        scope TEXT NOT NULL CHECK (scope IN ('read', 'write')), created TEXT NOT NULL)
        """,
      ])
  ]

  /// The migrations after `applied`, in order.
  static func pending(after applied: Set<Int>) -> [Migration] {
    all.filter { !applied.contains($0.version) }.sorted { $0.version < $1.version }
  }
}
