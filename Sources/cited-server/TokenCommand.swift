import ArgumentParser
import BibServer
import Foundation

/// `cited serve token add NAME --read|--write`.
struct TokenCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token", abstract: "Manage access tokens.", subcommands: [TokenAddCommand.self])
}

/// Creates a token and prints it on standard output, once: only its SHA-256 is stored.
struct TokenAddCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Create a token and print it (once; only its hash is stored).")

  enum Access: String, EnumerableFlag {
    case read, write
  }

  @Argument(help: "Who the token is for (a label).") var name: String
  @Flag(help: "--read: read only; --write: read and write.") var access: Access
  @OptionGroup var place: DatabaseOptions

  func run() async throws {
    let (location, _) = try place.resolve()
    let store = try await ServerExit.opening(location)
    let token = try await AccessToken.add(name: name, scope: access == .write ? .write : .read, to: store)
    try await store.close()
    print(token)
  }
}
