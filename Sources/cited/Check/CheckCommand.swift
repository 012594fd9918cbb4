import ArgumentParser
import BibFormats
import BibModel
import Foundation
import KnowledgeBase
import Reports

/// `cited check`: validates the knowledge base against its schema and bibliography. Writes nothing
/// (with `--cache`, only the project's `.cited/check-cache`).
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

  @Flag(
    help:
      "Print the last identical check's output from the project's .cited/check-cache, else check and keep the output there."
  )
  var cache = false

  func run() throws {
    let clock = ContinuousClock()
    let started = clock.now
    let files = try input.read()
    let configuration = try makeConfig(project: files.project)
    let cacheFile = cachePath(files.project)
    let key =
      cacheFile == nil
      ? nil
      : cacheSettings(configuration, files.project).map {
        CheckCache.key(settings: $0, files: files.contents)
      }
    if let cacheFile, let key, let hit = Self.cached(cacheFile), hit.key == key {
      print(hit.output, terminator: "")
      if timings { CLIOutput.line("cited: timings: cached output, \(clock.now - started)") }
      fflush(nil)
      Foundation.exit(hit.status)
    }
    let loaded = input.decode(files)
    let loadedAt = clock.now
    let result = Checker.check(loaded.knowledge, loaded.bibliography, config: configuration)
    let checkedAt = clock.now
    let output = render(result, loaded, configuration)
    print(output, terminator: "")
    if timings {
      CLIOutput.line(
        "cited: timings: load \(loadedAt - started), check \(checkedAt - loadedAt), output \(clock.now - checkedAt)")
    }
    let failing = result.findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    let status: Int32 = failing ? 1 : 0
    if let cacheFile, let key {
      // A cache that cannot be written only costs the next run its head start.
      try? FileManager.default.createDirectory(
        atPath: (cacheFile as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try? SafeFile.write(CheckCache(key: key, status: status, output: output).encoded(), to: cacheFile)
    }
    // Exit here rather than unwinding: tearing down a large knowledge base takes longer than checking it.
    fflush(nil)
    Foundation.exit(status)
  }

  /// The findings in the chosen format, with the coverage report when asked for.
  private func render(
    _ result: Checker.Result, _ loaded: KnowledgeInputOptions.Loaded, _ configuration: CheckConfig
  )
    -> String
  {
    let context = CheckContext(knowledge: loaded.knowledge, bibliography: loaded.bibliography, config: configuration)
    switch format {
    case .text:
      let text = TextReport.render(result, sources: loaded.sources)
      return coverage ? text + "\n" + CoverageReport(context).renderText() : text
    case .json:
      guard coverage else { return JSONReport.render(result) }
      return JSONWriter.write(
        .object(
          JSONObject([
            JSONMember(key: "check", value: JSONReport.value(result)),
            JSONMember(key: "coverage", value: CoverageReport(context).renderJSON()),
          ])))
    case .sarif:
      return SARIFReport.render(result)
    case .github:
      let text = GitHubAnnotations.render(result)
      return coverage ? text + CoverageReport(context).renderText() : text
    }
  }

  /// `.cited/check-cache` in the project's folder; nil without --cache or without a project.
  private func cachePath(_ project: Project?) -> String? {
    guard cache, let project else { return nil }
    return Project.join(project.root, ".cited/check-cache")
  }

  /// Everything besides the input files that the output depends on. The binary is known by its
  /// size and modification time, so a new build never reads an older build's output; nil (no
  /// cache) when they cannot be read.
  private func cacheSettings(_ configuration: CheckConfig, _ project: Project?) -> [String]? {
    let binary = Bundle.main.executablePath.flatMap { try? FileManager.default.attributesOfItem(atPath: $0) }
    guard let size = (binary?[.size] as? NSNumber)?.stringValue,
      let modified = (binary?[.modificationDate] as? Date)?.timeIntervalSince1970
    else { return nil }
    let configPath = config ?? project?.checkConfigFile ?? ".cited.yaml"
    return [
      "binary \(size) \(modified)", "format \(format.rawValue)", "coverage \(coverage)", "strict \(strict)",
      "today \(configuration.today)", "config \(configPath)", InputFiles.read(configPath) ?? "(no config file)",
    ] + disable.map { "disable " + $0 } + severity.map { "severity " + $0 }
  }

  /// The cache's entry, when the file holds a well-formed one.
  private static func cached(_ path: String) -> CheckCache? {
    FileManager.default.contents(atPath: path).flatMap { CheckCache.decode([UInt8]($0)) }
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
