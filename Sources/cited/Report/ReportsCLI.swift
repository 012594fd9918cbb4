import Foundation

/// Small output helpers of the render and report commands.
enum ReportsCLI {
  /// Writes one line to standard error.
  static func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
