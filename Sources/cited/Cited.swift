import ArgumentParser
// Linked for its malloc, which takes the C library's place for the whole process (allocation is
// some 7 % of a render's instructions; Docs/benchmarks.md, round 23): nothing is called from it.
import CMimalloc
import Foundation

@main
struct Cited: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cited",
    abstract: "Keep research honest: sourced facts, CSL citations, cited reports.",
    version: "cited 0.1.0 (unreleased)",
    subcommands: [
      CheckCommand.self, KBCommand.self, StyleCommand.self, RenderCommand.self, ReportCommand.self, BibCommand.self,
      ServeCommand.self,
    ])

  /// Runs the command; usage errors exit with status 2 (the project's convention), not 64.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
