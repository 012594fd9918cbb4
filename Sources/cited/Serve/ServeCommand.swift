import ArgumentParser
import Foundation

/// `cited serve …`: runs `cited-server` (built beside `cited`) with the same arguments, so the
/// command-line tool itself never links the server's network stack.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the shared bibliography over HTTP (runs cited-server; see Docs/server.md).",
    discussion: """
      cited serve [--database sqlite:PATH|postgres://…] [--host 127.0.0.1] [--port 8080]
      cited serve token add NAME --read|--write [--database …]
      """)

  @Argument(parsing: .captureForPassthrough, help: "Passed to cited-server unchanged.") var arguments: [String] = []

  func run() throws {
    try Self.exec(arguments, command: "cited serve")
  }

  /// Replaces this process by `cited-server ARGUMENTS`; exit 2 with the build command when it
  /// is missing.
  static func exec(_ arguments: [String], command: String) throws -> Never {
    let server = serverPath()
    guard FileManager.default.isExecutableFile(atPath: server) else {
      CLIOutput.error(
        "\(command) needs cited-server beside cited (\(server)); build it with: swift build --product cited-server")
      throw ExitCode(2)
    }
    let argv = ([server] + arguments).map { strdup($0) } + [nil]
    execv(server, argv)
    CLIOutput.error("cannot run \(server): \(String(cString: strerror(errno)))")
    throw ExitCode(2)
  }

  /// `cited-server` in the folder of the running `cited`.
  static func serverPath() -> String {
    let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? CommandLine.arguments.first ?? "cited"
    return (executable as NSString).deletingLastPathComponent + "/cited-server"
  }
}
