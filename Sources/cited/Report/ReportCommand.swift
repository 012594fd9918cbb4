import ArgumentParser
import BibModel
import Foundation
import KnowledgeBase
import Reports

/// `cited report`: the annotated report of the knowledge base.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write the annotated report of the knowledge base (HTML, Markdown or text).",
    discussion: """
      Every entity and every statement, each statement cited in the chosen style, with
      provenance marks, conflicts, four figures, an index of sources and the bibliography.
      Default: HTML to out/report.html in the project's folder; -o - writes to standard output.
      When `cited check` finds errors the report is written with a warning (--strict: not
      written, exit 1). Exit status: 0 written, 1 the bibliography did not read clean, 2 missing
      or unreadable input or bad usage.
      """)

  @OptionGroup var input: KnowledgeInputOptions

  @Option(help: "A CSL style: a path or a name (see `cited style list`; default: the project's, else author-date).")
  var style: String?

  @OptionGroup var search: StyleSearchOptions

  @Option(help: "The locale of the citation terms (BCP 47 tag; default: the project's, else the style's).")
  var locale: String?

  @Option(
    name: [.customLong("to"), .customLong("format")],
    help: "Output format: text, html or markdown (txt, md; default: from -o's extension, else html).")
  var to: String?

  @Option(name: .shortAndLong, help: "Where to write the report (- for standard output; default out/report.<ext>).")
  var output: String?

  @Flag(
    help: "Refuse to write when reading the bibliography skipped or repaired anything, or `cited check` finds errors.")
  var strict = false

  @Flag(help: .hidden)
  var timings = false

  mutating func run() throws {
    let clock = ContinuousClock()
    let started = clock.now
    let chosen = try OutputChoice.format(to, output: output, fallback: .html)
    let loaded = try input.load()
    let loadedAt = clock.now
    let project = loaded.project
    let destination =
      output ?? project?.defaultReport(extension: OutputChoice.fileExtension(chosen))
      ?? "out/report." + OutputChoice.fileExtension(chosen)
    let references = loaded.bibliography.keys.compactMap { loaded.bibliography.references[$0] }
    let bibliographyDiagnostics = loaded.bibliography.diagnostics
    CLIOutput.print(bibliographyDiagnostics)
    let bibliographyIsClean = !bibliographyDiagnostics.contains { $0.severity >= .warning }
    // The check only decides a warning (or, with --strict, a refusal): it runs beside the
    // report, which is written only after its verdict, with the messages in the same order.
    let (knowledge, bibliography, configuration) = (loaded.knowledge, loaded.bibliography, checkConfig(project))
    let checking = Background {
      Checker.errorCount(knowledge, bibliography, config: configuration)
    }
    let language = locale ?? project?.locale
    let locales = InputFiles.locales(project: project)
    let chosenRenderer = Result<(CSLEngineRenderer, [Diagnostic]), StyleChoice.Failure> {
      () throws(StyleChoice.Failure) in
      try StyleChoice.renderer(
        for: style, projectDefault: project?.style, locale: language, references: references,
        catalog: search.catalog(project: project), locales: locales)
    }
    let built = try? chosenRenderer.get().0
    let result = built.map { Report.build(knowledge: knowledge, references: references, renderer: $0, format: chosen) }
    let builtAt = clock.now
    let text = result.map { Self.chunks($0.doc, chosen) }
    let writtenAt = clock.now
    try checkVerdict(checking.wait(), bibliographyIsClean: bibliographyIsClean)
    let renderer: CSLEngineRenderer
    do {
      let styleDiagnostics: [Diagnostic]
      (renderer, styleDiagnostics) = try chosenRenderer.get()
      CLIOutput.print(styleDiagnostics)
    } catch {
      CLIOutput.print(error.diagnostics)
      CLIOutput.error(error.description)
      throw ExitCode(2)
    }
    LocaleCheck.warnIfUnknown(language, store: locales)
    guard let result, let text else { throw ExitCode(2) }
    try OutputChoice.write(chunks: text, to: destination)
    if timings {
      CLIOutput.line(
        "cited: timings: load \(loadedAt - started), build \(builtAt - loadedAt), format \(writtenAt - builtAt), "
          + "save \(clock.now - writtenAt)")
    }
    CLIOutput.print(result.diagnostics)
    let summary =
      "wrote \(destination): \(knowledge.entities.count) entities, \(knowledge.statements.count) "
      + "statements, \(result.citationCount) citations of \(result.citedSources.count) sources (\(renderer.styleName))"
    if destination == "-" { CLIOutput.line(summary) } else { print(summary) }
    // Exit here rather than unwinding: tearing down a large report takes a good part of building it.
    fflush(nil)
    Foundation.exit(bibliographyIsClean ? 0 : 1)
  }

  /// The warning for errors `cited check` finds; with --strict, the refusal.
  private func checkVerdict(_ checkErrors: Int, bibliographyIsClean: Bool) throws {
    if checkErrors > 0 {
      CLIOutput.warning("`cited check` finds \(checkErrors) error\(checkErrors == 1 ? "" : "s") in the knowledge base")
    }
    if strict && (!bibliographyIsClean || checkErrors > 0) {
      CLIOutput.error("the knowledge base or its bibliography did not check clean; nothing written (--strict)")
      throw ExitCode(1)
    }
  }

  /// The report's UTF-8 bytes, in pieces written one after another (an HTML page is never
  /// made a string, nor joined).
  private static func chunks(_ doc: Doc, _ format: DocumentFormat) -> [[UInt8]] {
    switch format {
    case .html: HTMLWriter.pageChunks(doc)
    case .markdown: [Array(MarkdownWriter.document(doc).utf8)]
    case .text: [Array(TextWriter.document(doc).utf8)]
    }
  }

  /// The project's check configuration (`.cited.yaml`), else the defaults; `cited check`
  /// reports its problems, so here they only fall back to the defaults.
  private func checkConfig(_ project: Project?) -> CheckConfig {
    let base = CheckConfig(today: CLIOutput.today())
    let path = project?.checkConfigFile ?? ".cited.yaml"
    guard let text = InputFiles.read(path) else { return base }
    let (read, problems) = CheckConfig.read(text, file: path, base: base)
    return problems.isEmpty ? read : base
  }
}
