import ArgumentParser
import BibServer
import Foundation

/// `cited serve token add|list|revoke`.
struct TokenCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token", abstract: "Manage access tokens.",
    subcommands: [TokenAddCommand.self, TokenListCommand.self, TokenRevokeCommand.self])

  /// Opens the store, runs `body` on it and closes it; a refusal (`StoreError`) is exit 2.
  static func withStore<Value>(
    _ place: DatabaseOptions, _ body: (any LibraryStore) async throws -> Value
  ) async throws -> Value {
    let (location, _) = try place.resolve()
    let store = try await ServerExit.opening(location)
    do {
      let value = try await body(store)
      try await store.close()
      return value
    } catch let refusal as StoreError {
      try await store.close()
      FileHandle.standardError.write(Data("error: \(refusal)\n".utf8))
      throw ExitCode(2)
    }
  }
}

/// Creates a token and prints it on standard output, once: only its SHA-256 is stored.
struct TokenAddCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Create a token and print it (once; only its hash is stored).")

  enum Access: String, EnumerableFlag {
    case read, write
  }

  @Argument(help: "Who the token is for (a label, unique).") var name: String
  @Flag(help: "--read: read only; --write: read and write.") var access: Access
  @OptionGroup var place: DatabaseOptions

  func run() async throws {
    let token = try await TokenCommand.withStore(place) { store in
      try await AccessToken.add(name: name, scope: access == .write ? .write : .read, to: store)
    }
    print(token)
  }
}

/// Lists the tokens: name, scope and creation time, never the token or its hash.
struct TokenListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the tokens (name, read or write, created; never the token).")

  @OptionGroup var place: DatabaseOptions

  func run() async throws {
    let tokens = try await TokenCommand.withStore(place) { try await $0.tokens() }
    let width = max(4, tokens.map(\.name.count).max() ?? 0)
    func row(_ name: String, _ scope: String, _ created: String) -> String {
      [
        name.padding(toLength: width, withPad: " ", startingAt: 0),
        scope.padding(toLength: 5, withPad: " ", startingAt: 0), created,
      ]
      .joined(separator: "  ")
    }
    let rows = [row("name", "scope", "created")] + tokens.map { row($0.name, $0.scope.rawValue, $0.created) }
    print(rows.joined(separator: "\n"))
  }
}

/// Removes a token: requests with it get 401 from then on, on a running server too (every
/// request looks its token up).
struct TokenRevokeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke", abstract: "Revoke the token with this name (401 from the next request on).")

  @Argument(help: "The token's name, as `token list` shows it.") var name: String
  @OptionGroup var place: DatabaseOptions

  func run() async throws {
    let count = try await TokenCommand.withStore(place) { try await $0.revokeTokens(name: name) }
    guard count > 0 else {
      FileHandle.standardError.write(Data("error: no token named '\(name)' (cited serve token list)\n".utf8))
      throw ExitCode(1)
    }
    FileHandle.standardError.write(Data("revoked '\(name)'\n".utf8))
  }
}
