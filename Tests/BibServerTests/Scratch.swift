import Foundation

/// The folders these tests write (databases, clones): inside one folder per test process,
/// removed when the process exits, so runs leave nothing behind in the temporary directory.
enum Scratch {
  static let root: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cited-server-tests-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: Scratch.root) }
    return url
  }()

  /// A new folder's place (not created), named after `prefix`.
  static func folder(_ prefix: String) -> URL {
    root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
  }
}
