/// Where `--database` points: `sqlite:PATH` (or a bare path) or `postgres://…`.
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
  case sqlite(path: String)
  case postgres(url: String)

  /// The project's default: `.cited/library.sqlite` under its root.
  public static func projectDefault(root: String) -> DatabaseLocation {
    .sqlite(path: (root.hasSuffix("/") ? root : root + "/") + ".cited/library.sqlite")
  }

  public init(argument: String) {
    if argument.hasPrefix("postgres://") || argument.hasPrefix("postgresql://") {
      self = .postgres(url: argument)
    } else if argument.hasPrefix("sqlite:") {
      self = .sqlite(path: String(argument.dropFirst("sqlite:".count)))
    } else {
      self = .sqlite(path: argument)
    }
  }

  /// Opens the store, migrating its schema.
  public func open() async throws -> any LibraryStore {
    switch self {
    case .sqlite(let path): try SQLiteStore(path: path)
    case .postgres(let url): try await PostgresStore(url: url)
    }
  }

  /// The location without a password, for messages.
  public var description: String {
    switch self {
    case .sqlite(let path): return "sqlite:\(path)"
    case .postgres(let url):
      guard let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://") else { return url }
      return String(url[..<scheme.upperBound]) + "…" + String(url[at...])
    }
  }
}
