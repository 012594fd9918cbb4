import ArgumentParser
import BibModel
import CSLStyle
import Foundation
import Reports

/// `cited style validate FILE...`: prints diagnostics as file:line:column; exit 1 on errors.
struct StyleValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check CSL styles for errors.")

  @Argument(help: "CSL style files or style names (see `cited style list`).") var files: [String]
  @OptionGroup var projectOptions: ProjectOptions
  @OptionGroup var search: StyleSearchOptions

  func run() throws {
    var failed = false
    for file in files {
      let found: FoundStyle
      switch search.catalog(project: try projectOptions.resolve(required: false)).find(file) {
      case .success(let style): found = style
      case .failure(let error):
        CLIOutput.error("\(error)")
        throw ExitCode(2)
      }
      let result = StyleParser.parse(found.text, file: found.displayPath)
      for diagnostic in result.diagnostics.sorted(by: { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }) {
        print(diagnostic.description)
      }
      if result.diagnostics.hasErrors || result.style == nil { failed = true }
    }
    if failed { throw ExitCode(1) }
  }
}
