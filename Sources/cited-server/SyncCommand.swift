import ArgumentParser
import BibFormats
import BibServer
import Foundation
import Reports

/// `cited bib pull|push` (run through `cited`): keeps a bibliography file and a server in step.
struct SyncCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bib", abstract: "Sync a bibliography file with a server.",
    subcommands: [SyncPullCommand.self, SyncPushCommand.self])
}

/// The options both directions share, and running one of them.
struct SyncOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The server, e.g. http://127.0.0.1:8080 (token in CITED_TOKEN).", valueName: "url"))
  var server: String
  @Option(help: ArgumentHelp("The file (default: the project's one bibliography file).", valueName: "file"))
  var file: String?
  @Option(help: ArgumentHelp("The project folder (default: found as every cited command finds it).", valueName: "dir"))
  var project: String?

  func run(push: Bool) async throws {
    guard let token = ProcessInfo.processInfo.environment["CITED_TOKEN"], !token.isEmpty else {
      throw Self.usage("set CITED_TOKEN to a token from `cited serve token add NAME --write` (--read for pull)")
    }
    let found = try? InputFiles.project(project).get().0
    let path = try file ?? defaultFile(found)
    let root = found?.root ?? FileManager.default.currentDirectoryPath
    let name = (path as NSString).lastPathComponent
    let sync = FileSync(
      file: path, statePath: root + "/.cited/sync/" + name + ".state.json",
      client: SyncClient(server: server, token: token))
    let report: FileSync.Report
    do {
      report = push ? try await sync.push() : try await sync.pull()
    } catch {
      throw Self.usage("\(error)")
    }
    print(report: report, push: push, path: path)
    if !report.conflicts.isEmpty || !report.problems.isEmpty { throw ExitCode(1) }
  }

  private func defaultFile(_ project: Project?) throws -> String {
    guard case .success(let paths) = InputFiles.bibliographyPaths([], project: project), paths.count == 1,
      let only = paths.first
    else {
      throw Self.usage("name the file to sync with --file (the project has no single bibliography file)")
    }
    return only
  }

  private func print(report: FileSync.Report, push: Bool, path: String) {
    var lines = report.diagnostics.map(\.description)
    for conflict in report.conflicts {
      lines.append("\(path): conflict in \(conflict.id)\(conflict.field.map { " (\($0))" } ?? ""): both sides kept")
    }
    lines += report.problems.map { "\(path): \($0)" }
    lines.append("received \(report.received) changed item(s), \(report.deletedOnServer) deletion(s)")
    if push { lines.append("sent \(report.sent) change(s)") }
    FileHandle.standardError.write(Data(lines.map { $0 + "\n" }.joined().utf8))
  }

  static func usage(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return ExitCode(2)
  }
}

struct SyncPullCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pull", abstract: "Merge the server's library into the file (three-way; conflicts kept and reported).")
  @OptionGroup var options: SyncOptions
  func run() async throws { try await options.run(push: false) }
}

struct SyncPushCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "push", abstract: "Pull, then send the file's changes with If-Match (stops on a conflict).")
  @OptionGroup var options: SyncOptions
  func run() async throws { try await options.run(push: true) }
}
