import ArgumentParser
import BibServer
import Foundation
import Reports

/// `cited-server` (run by `cited serve` with the same arguments): serves the project's shared
/// bibliography over HTTP, and manages its access tokens.
@main
struct CitedServer: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cited serve",
    abstract: "Serve the shared bibliography over HTTP (SQLite by default, PostgreSQL for a team).",
    discussion: "See Docs/server.md. Every /api request needs a token: cited serve token add NAME --write.",
    subcommands: [TokenCommand.self, SyncCommand.self])

  @OptionGroup var place: DatabaseOptions
  @Option(help: "The address to listen on.") var host = "127.0.0.1"
  @Option(help: "The port to listen on.") var port = 8080
  @Option(help: ArgumentHelp("The largest request body accepted, in bytes.", valueName: "bytes"))
  var maxBody = 8 << 20

  func run() async throws {
    let (location, project) = try place.resolve()
    let store = try await ServerExit.opening(location)
    let api = LibraryAPI(
      store: store,
      renderer: ItemRenderer(
        catalog: InputFiles.catalog(project: project), locales: InputFiles.locales(project: project)),
      maximumBodyBytes: maxBody)
    FileHandle.standardError.write(Data("cited serve: \(location) on http://\(host):\(port)/api\n".utf8))
    try await BibServerApplication.make(api: api, host: host, port: port).runService()
  }
}

/// `--database` and `--project`, shared by the server and its token command.
struct DatabaseOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "sqlite:PATH or postgres://USER@HOST/DB (default: .cited/library.sqlite in the project).", valueName: "db"))
  var database: String?
  @Option(help: ArgumentHelp("The project folder (default: found as every cited command finds it).", valueName: "dir"))
  var project: String?

  /// The database, and the project when there is one.
  func resolve() throws -> (DatabaseLocation, Project?) {
    let found = try? InputFiles.project(project).get().0
    if let database { return (DatabaseLocation(argument: database), found) }
    guard let found else {
      FileHandle.standardError.write(
        Data(
          "error: no project here (cited.yaml, or Knowledge/ and Bibliography/); pass --project or --database\n".utf8))
      throw ExitCode(2)
    }
    return (DatabaseLocation.projectDefault(root: found.root), found)
  }
}

/// Turns a store that cannot be opened into a message and exit status 2.
enum ServerExit {
  static func opening(_ location: DatabaseLocation) async throws -> any LibraryStore {
    do {
      return try await location.open()
    } catch {
      FileHandle.standardError.write(Data("error: cannot open \(location): \(error)\n".utf8))
      throw ExitCode(2)
    }
  }
}
