import ArgumentParser
import Foundation
import KnowledgeBase

/// `cited kb generate-synthetic`: a synthetic knowledge base for benchmarks (hidden).
struct KBGenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate-synthetic", abstract: "Write a synthetic knowledge base and bibliography.",
    shouldDisplay: false)

  @Option(help: "How many statements.")
  var statements: Int = 100_000

  @Option(help: "The folder to write Knowledge/ and Bibliography/ into (must not exist).")
  var out: String

  func run() throws {
    guard statements > 0, !FileManager.default.fileExists(atPath: out) else {
      CLIOutput.error("--statements must be positive and --out must not exist")
      throw ExitCode(2)
    }
    let generated = SyntheticKnowledgeBase.generate(statements: statements)
    do {
      for file in generated {
        let path = out + "/" + file.path
        try FileManager.default.createDirectory(
          atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(file.text.utf8).write(to: URL(fileURLWithPath: path))
      }
    } catch {
      CLIOutput.error("cannot write: \(error)")
      throw ExitCode(2)
    }
    print("wrote \(generated.count) files with \(statements) statements to \(out)")
  }
}
