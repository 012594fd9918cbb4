import ArgumentParser
import BibModel
import CSLStyle
import Foundation

/// `cited style validate FILE...`: prints diagnostics as file:line:column; exit 1 on errors.
struct StyleValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check CSL styles for errors.")

  @Argument(help: "CSL style files.") var files: [String]

  func run() throws {
    var failed = false
    for file in files {
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(file): error: cannot read file\n".utf8))
        throw ExitCode(2)
      }
      let result = StyleParser.parse(text, file: file)
      for diagnostic in result.diagnostics.sorted(by: { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }) {
        print(diagnostic.description)
      }
      if result.diagnostics.hasErrors || result.style == nil { failed = true }
    }
    if failed { throw ExitCode(1) }
  }
}
