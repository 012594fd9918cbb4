import ArgumentParser
import BibModel
import Foundation
import KnowledgeBase
import Reports

/// `cited check`: validates the knowledge base against its schema and bibliography. Writes nothing.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the knowledge base: every statement sourced, every citation resolvable, the schema obeyed.",
    discussion: """
      Exit status: 0 no errors (warnings and info allowed unless --strict), 1 errors (or warnings with \
      --strict), 2 usage error or unreadable input. Rules: Docs/check-rules.md.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github
  }

  @OptionGroup var input: KnowledgeInputOptions

  @Option(help: ArgumentHelp("Output format: text, json, sarif or github.", valueName: "format"))
  var format: Format = .text

  @Flag(help: "Treat warnings as errors for the exit status.")
  var strict = false

  @Flag(
    help:
      "Also report sourcing coverage: unsourced entities and properties, busiest sources, secondary-only statements.")
  var coverage = false

  @Option(
    help: ArgumentHelp("Check configuration (default: the project's .cited.yaml when present).", valueName: "file"))
  var config: String?

  @Option(help: ArgumentHelp("Switch a rule off (repeatable).", valueName: "rule"))
  var disable: [String] = []

  @Option(
    help: ArgumentHelp("Change a rule's severity: RULE=error|warning|info (repeatable).", valueName: "rule=level"))
  var severity: [String] = []

  @Option(help: .hidden)
  var today: String?

  @Flag(help: .hidden)
  var timings = false

  func run() throws {
    let clock = ContinuousClock()
    let started = clock.now
    let loaded = try input.load()
    let configuration = try makeConfig(project: loaded.project)
    let loadedAt = clock.now
    let result = Checker.check(loaded.knowledge, loaded.bibliography, config: configuration)
    let checkedAt = clock.now
    let context = CheckContext(knowledge: loaded.knowledge, bibliography: loaded.bibliography, config: configuration)
    switch format {
    case .text:
      print(TextReport.render(result, sources: loaded.sources), terminator: "")
      if coverage { print("\n" + CoverageReport(context).renderText(), terminator: "") }
    case .json:
      if coverage {
        print(
          JSONWriter.write(
            .object(
              JSONObject([
                JSONMember(key: "check", value: JSONReport.value(result)),
                JSONMember(key: "coverage", value: CoverageReport(context).renderJSON()),
              ]))), terminator: "")
      } else {
        print(JSONReport.render(result), terminator: "")
      }
    case .sarif:
      print(SARIFReport.render(result), terminator: "")
    case .github:
      print(GitHubAnnotations.render(result), terminator: "")
      if coverage { print(CoverageReport(context).renderText(), terminator: "") }
    }
    if timings {
      CLIOutput.error(
        "timings: load \(loadedAt - started), check \(checkedAt - loadedAt), output \(clock.now - checkedAt)")
    }
    let failing = result.findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    // Exit here rather than unwinding: tearing down a large knowledge base takes longer than checking it.
    fflush(nil)
    Foundation.exit(failing ? 1 : 0)
  }

  /// Configuration from `.cited.yaml` then the command line; mistakes are usage errors.
  func makeConfig(project: Project?) throws -> CheckConfig {
    var base = CheckConfig(today: CLIOutput.today())
    if let today {
      guard let date = FactDate.parse(today) else { throw usage("--today must be YYYY-MM-DD") }
      base.today = date
    }
    let path = config ?? project?.checkConfigFile ?? ".cited.yaml"
    if config != nil || FileManager.default.fileExists(atPath: path) {
      let text: String
      do { text = try KnowledgeDirectory.read(path) } catch {
        CLIOutput.error(error.description)
        throw ExitCode(2)
      }
      let (read, problems) = CheckConfig.read(text, file: path, base: base)
      if !problems.isEmpty {
        for problem in problems { CLIOutput.error(problem.description) }
        throw ExitCode(2)
      }
      base = read
    }
    let known = Set(Checker.catalog.map(\.id))
    for id in disable {
      guard known.contains(id) else { throw usage("unknown rule '\(id)' (see Docs/check-rules.md)") }
      base.disabled.insert(id)
    }
    for setting in severity {
      let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, known.contains(parts[0]), let level = Severity(rawValue: parts[1]) else {
        throw usage("--severity takes RULE=error|warning|info with a known rule; got '\(setting)'")
      }
      base.severities[parts[0]] = level
    }
    return base
  }

  func usage(_ message: String) -> ExitCode {
    CLIOutput.error(message)
    return ExitCode(2)
  }
}
