import ArgumentParser
import Reports

/// `--project DIR`, shared by every command that reads the project.
struct ProjectOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The project folder (default: the nearest folder up holding cited.yaml, or Knowledge/ and Bibliography/).",
      valueName: "dir"))
  var project: String?

  /// The project; without one, nil when it is not `required`, else exit status 2 with a
  /// message naming `--project`. A `--project` that is not a project is always an error.
  func resolve(required: Bool) throws -> Project? {
    switch InputFiles.project(project) {
    case .success(let (found, notices)):
      CLIOutput.print(notices)
      return found
    case .failure(let failure):
      if !required && project == nil { return nil }
      CLIOutput.print(failure.diagnostics)
      CLIOutput.error(failure.description)
      throw ExitCode(2)
    }
  }

  /// The bibliography files: `given`, else the project's; none is exit status 2 saying what
  /// was looked for.
  static func bibliographyPaths(_ given: [String], project: Project?) throws -> [String] {
    switch InputFiles.bibliographyPaths(given, project: project) {
    case .success(let found): return found
    case .failure(let missing):
      CLIOutput.error(missing.description)
      throw ExitCode(2)
    }
  }
}
