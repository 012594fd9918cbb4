import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `cited serve` in its own process on a loopback port, for tests that need a real server.
struct RunningServer {
  let process: Process
  let base: String

  /// Starts `cited serve ARGUMENTS --port P` in `folder` on a free port (another when the
  /// first is taken) and waits until it answers.
  static func start(arguments: [String], in folder: String) async throws -> RunningServer {
    let binary = try #require(CheckCommandTests.binary)
    for _ in 0..<5 {
      let port = Int.random(in: 20_000..<60_000)
      let process = Process()
      process.executableURL = binary
      process.arguments = ["serve"] + arguments + ["--port", String(port)]
      process.currentDirectoryURL = URL(fileURLWithPath: folder)
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      let server = RunningServer(process: process, base: "http://127.0.0.1:\(port)")
      for _ in 0..<300 where process.isRunning {
        if (try? await server.status("/login", token: nil)) == 200 { return server }
        try await Task.sleep(for: .milliseconds(100))
      }
      server.stop()
    }
    throw RunningServerError()
  }

  struct RunningServerError: Error {}

  /// The status of a GET of `path`.
  func status(_ path: String, token: String?) async throws -> Int {
    var request = URLRequest(url: try #require(URL(string: base + path)))
    if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
    let (_, response) = try await URLSession.shared.data(for: request)
    return (response as? HTTPURLResponse)?.statusCode ?? 0
  }

  func stop() {
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
  }
}
