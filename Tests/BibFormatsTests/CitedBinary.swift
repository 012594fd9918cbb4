import Foundation

/// The `cited` executable built next to the tests (skipped with a reason when absent).
enum CitedBinary {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let path: String? = {
    for configuration in ["debug", "release"] {
      let candidate = packageRoot.appendingPathComponent(".build/\(configuration)/cited").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    print(
      "ConcurrentWriterTests/CLITests: skipped — no built 'cited' under \(packageRoot.path)/.build (run swift build)")
    return nil
  }()

  static var available: Bool { path != nil }

  /// Starts `cited ARGS`; returns the process (already running).
  static func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path ?? "/nonexistent")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  static func run(_ arguments: [String]) throws -> Int32 {
    let process = try start(arguments)
    process.waitUntilExit()
    return process.terminationStatus
  }
}

func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("cited-bib-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
