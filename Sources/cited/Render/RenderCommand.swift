import ArgumentParser
import BibModel
import CSLEngine
import CSLStyle
import Foundation
import Reports

/// `cited render`: citations and a bibliography for a style and bibliographies in any format.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render", abstract: "Render citations and a bibliography with a CSL style.")

  @Argument(help: "A Markdown document with [@key] citations (document mode; see Docs/reports.md).")
  var document: String?
  @Option(help: "The CSL style: a path or a name (see `cited style list`; default: the project's, else author-date).")
  var style: String?
  @OptionGroup var projectOptions: ProjectOptions
  @OptionGroup var search: StyleSearchOptions
  @Option(
    parsing: .upToNextOption,
    help: "Bibliography files: CSL-JSON, CSL-YAML, BibLaTeX/BibTeX or RIS (default: the project's).")
  var bibliography: [String] = []
  @Flag(help: "Refuse to render when reading the bibliography skipped or repaired anything (default: exit 1).")
  var strict = false
  @Flag(
    help:
      "Document mode: also report the cited sources `cited check` would flag (missing required fields, impossible dates, malformed DOI, URL, ISBN, ISSN) at their first citation; exit 1 when any."
  )
  var check = false
  @Option(help: "A directory of locales-TAG.xml files.") var locales: [String] = []
  @Option(help: "The locale (default: the project's, else the style's default-locale, else en-US).")
  var locale: String?
  @Option(
    name: [.customLong("to"), .customLong("format")],
    help:
      "Output format: text, html or markdown (txt, md; document mode: default from -o, else text; also docx, latex, pdf through pandoc)."
  )
  var to: String?
  @Option(parsing: .upToNextOption, help: "Cite KEY or KEY@LOCATOR, one citation each.") var cite: [String] = []
  @Option(help: "A JSON file of citations.") var citations: String?
  @Flag(help: "Print {\"citations\": [...], \"bibliography\": [...]} as JSON, one string per cluster and entry.")
  var json = false
  @Option(name: .shortAndLong, help: "Where to write the output (- for standard output, the default).")
  var output: String?

  func run() throws {
    let needsProject = bibliography.isEmpty && document == nil
    let project = try projectOptions.resolve(required: needsProject)
    let store = InputFiles.locales(project: project, extra: locales)
    let catalog = search.catalog(project: project)
    if let document {
      LocaleCheck.warnIfUnknown(locale ?? project?.locale, store: store)
      try DocumentRenderMode(
        document: document, style: style, bibliography: bibliography, locale: locale ?? project?.locale, to: to,
        output: output, project: project, catalog: catalog, locales: store, strict: strict, check: check
      ).run()
      return
    }
    if check {
      CLIOutput.error("--check reports on a document's citations: give a Markdown document")
      throw ExitCode(2)
    }
    // The style is parsed, and compiled with its locale unless its items choose their own
    // locales, on another core while the bibliography is read (a large style takes 5–15 ms to
    // parse and as long again to compile); what each step reports is printed in the order it
    // always was.
    let (spec, projectStyle) = (style, project?.style)
    let language = locale ?? project?.locale
    let citationsJob = citations.map { path in Background { CitationsFile.read(path) } }
    let styleJob = Background { () -> Result<ChosenStyle, StyleChoice.Failure> in
      Result { () throws(StyleChoice.Failure) in
        let chosen = try StyleChoice.choose(spec, projectDefault: projectStyle, catalog: catalog)
        guard !chosen.style.multilingual.itemLocale else { return ChosenStyle(chosen: chosen, compiled: nil) }
        let compiled = CompiledStyle.resolving(style: chosen.style, store: store, language: language, references: [])
        return ChosenStyle(chosen: chosen, compiled: compiled)
      }
    }
    let early = Self.readEarly(bibliography, project: project)
    let chosen: StyleChoice.Chosen
    let precompiled: (CompiledStyle, [Diagnostic])?
    switch styleJob.wait() {
    case .success(let found): (chosen, precompiled) = (found.chosen, found.compiled)
    case .failure(let error):
      CLIOutput.print(error.diagnostics.filter { $0.severity == .error })
      CLIOutput.error(error.description)
      throw ExitCode(2)
    }
    CLIOutput.print(chosen.diagnostics.filter { $0.severity == .error })
    let files = try ProjectOptions.bibliographyPaths(bibliography, project: project)
    for file in files where !FileManager.default.isReadableFile(atPath: file) {
      CLIOutput.error("cannot read the bibliography '\(file)'")
      throw ExitCode(2)
    }
    let (references, loadDiagnostics) = early ?? InputFiles.references(files)
    CLIOutput.print(loadDiagnostics.filter { $0.severity >= .warning })
    let findings = loadDiagnostics.contains { $0.severity >= .warning }
    if strict && findings {
      CLIOutput.error("the bibliography did not read clean; nothing rendered (--strict)")
      throw ExitCode(1)
    }
    var citationList: [Citation] = cite.map { key in
      let parts = key.split(separator: "@", maxSplits: 1).map(String.init)
      return Citation(cites: [Cite(id: parts.first ?? key, locator: parts.count > 1 ? parts[1] : nil)])
    }
    if let citations, let citationsJob {
      switch citationsJob.wait() {
      case .unreadable:
        CLIOutput.error("cannot read the citations '\(citations)'")
        throw ExitCode(2)
      case .malformed(let line, let column, let message):
        CLIOutput.line("\(citations):\(line):\(column): error: \(message)")
        throw ExitCode(2)
      case .read(let decoded, let diagnostics):
        citationList += decoded
        CLIOutput.print(diagnostics)
      }
    }
    let format = try OutputChoice.format(to, output: nil, fallback: .text)
    let outputFormat: any CSLEngine.OutputFormat
    switch format {
    case .text: outputFormat = PlainTextFormat()
    case .html: outputFormat = HTMLFormat(linkURLs: true)
    case .markdown: outputFormat = MarkdownFormat()
    }
    LocaleCheck.warnIfUnknown(language, store: store)
    let (compiled, localeDiagnostics) =
      precompiled
      ?? CompiledStyle.resolving(style: chosen.style, store: store, language: language, references: references)
    CLIOutput.print(localeDiagnostics)
    let cited = citationList.flatMap { $0.cites.map(\.id) }
    let processor = Processor(compiled: compiled, references: references)
    let processed = processor.process(
      citations: citationList, bibliographyIDs: cited.isEmpty ? nil : cited, format: outputFormat)
    let chunks = Self.printed(processed, json: json)
    if let output, output != "-" {
      try OutputChoice.write(chunks: chunks, to: output)
    } else {
      for chunk in chunks { FileHandle.standardOutput.write(Data(chunk)) }
    }
    CLIOutput.print(processed.diagnostics)
    // Exit here rather than unwinding, as `cited report` does: freeing the references and
    // their renderings, one object at a time on one core, only delays the exit. The references
    // as read are kept to the end too (the processor holds prepared copies): freed when the
    // processor was made, they cost a pause on one core before the work on all cores began.
    withExtendedLifetime(references) {}
    fflush(nil)
    Foundation.exit(findings || !processed.diagnostics.isEmpty ? 1 : 0)
  }

  /// The style the background job chose, compiled there when its items do not choose their own
  /// locales (the compiled style does not depend on the references then).
  private struct ChosenStyle: Sendable {
    var chosen: StyleChoice.Chosen
    var compiled: (CompiledStyle, [Diagnostic])?
  }

  /// The bibliography read before the style is ready, when every file can be read; nil
  /// otherwise (the files are then checked, and reported, in order).
  private static func readEarly(_ given: [String], project: Project?) -> ([Reference], [Diagnostic])? {
    guard case .success(let files) = InputFiles.bibliographyPaths(given, project: project),
      files.allSatisfy({ FileManager.default.isReadableFile(atPath: $0) })
    else { return nil }
    return InputFiles.references(files)
  }

  /// The rendered output as printed, in UTF-8 pieces written one after another: one line per
  /// cluster, a blank line, one line per entry; or, with `--json`, an object with the two arrays
  /// (entries may span lines in HTML). The lines go straight into bytes sized for them (joined
  /// as text, each was copied into a line and the text, and the text into bytes again), a run
  /// of lines per piece, the pieces made on all cores (on one, copying the 5 MB of 10,000 HTML
  /// entries held the other idle).
  static func printed(_ output: ProcessedOutput, json: Bool) -> [[UInt8]] {
    if json {
      let value = JSONValue.object(
        JSONObject([
          "citations": .array(output.citations.map { .string($0) }),
          "bibliography": .array(output.bibliography.map { .string($0) }),
        ]))
      return [Array((JSONWriter.write(value) + "\n").utf8)]
    }
    let gap = !output.citations.isEmpty && !output.bibliography.isEmpty
    return lines(output.citations) + (gap ? [[0x0A]] : []) + lines(output.bibliography)
  }

  /// Each text and a line feed, in pieces of consecutive lines.
  private static func lines(_ texts: [String]) -> [[UInt8]] {
    ParallelMap.map(count: texts.count, minimumCount: 256, itemsPerChunk: 256) { range in
      var bytes: [UInt8] = []
      bytes.reserveCapacity(texts[range].reduce(0) { $0 + $1.utf8.count + 1 })
      for text in texts[range] {
        bytes.append(contentsOf: text.utf8)
        bytes.append(0x0A)
      }
      return [bytes]
    }
  }
}
