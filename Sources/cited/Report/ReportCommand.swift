import ArgumentParser
import BibModel
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
      Default: HTML to out/report.html. Exit status: 0 written, 2 unreadable input or bad usage.
      """)

  @Option(help: "A CSL style: a .csl path, a name under Styles/, 'author-date' or 'notes'.")
  var style: String?

  @Option(help: "The locale of the citation terms (BCP 47 tag; default: the style's).")
  var locale: String?

  @Option(help: "Output format: html, md or txt (default: from -o's extension, else html).")
  var format: String?

  @Option(name: .shortAndLong, help: "Where to write the report (default out/report.<ext>).")
  var output: String?

  @Option(help: "The knowledge-base folder.")
  var knowledge: String = "Knowledge"

  @Option(
    parsing: .upToNextOption,
    help: "Bibliography files: CSL-JSON, CSL-YAML, BibLaTeX/BibTeX or RIS (default Bibliography/*.json).")
  var bibliography: [String] = []

  @Flag(help: "Refuse to write when reading the bibliography skipped or repaired anything (default: exit 1).")
  var strict = false

  mutating func run() throws {
    var chosen: OutputFormat = .html
    if let format {
      guard let named = OutputFormat(name: format) else {
        ReportsCLI.printError("cited: unknown format '\(format)' (use html, md or txt)")
        throw ExitCode(2)
      }
      chosen = named
    } else if let output, let dot = output.lastIndex(of: "."),
      let byExtension = OutputFormat(fileExtension: String(output[output.index(after: dot)...]))
    {
      chosen = byExtension
    }
    let extensionName = chosen == .html ? "html" : chosen == .markdown ? "md" : "txt"
    let destination = output ?? "out/report." + extensionName

    let loaded: Knowledge
    do {
      loaded = try KnowledgeDirectory.load(knowledge).0
    } catch {
      ReportsCLI.printError("cited: \(error)")
      throw ExitCode(2)
    }
    let paths = bibliography.isEmpty ? InputFiles.jsonFiles(in: "Bibliography") : bibliography
    let (references, bibliographyDiagnostics) = InputFiles.references(paths)
    bibliographyDiagnostics.forEach { ReportsCLI.printError($0.description) }
    let bibliographyIsClean = !bibliographyDiagnostics.contains { $0.severity >= .warning }
    if strict && !bibliographyIsClean {
      ReportsCLI.printError("cited: the bibliography did not read clean; nothing written (--strict)")
      throw ExitCode(1)
    }
    let renderer: any CitationRendering
    let styleDiagnostics: [Diagnostic]
    do {
      (renderer, styleDiagnostics) = try StyleChoice.renderer(
        for: style, locale: locale, references: references, readFile: InputFiles.read)
    } catch {
      ReportsCLI.printError("cited: \(error)")
      throw ExitCode(2)
    }
    styleDiagnostics.forEach { ReportsCLI.printError($0.description) }
    let result = Report.build(knowledge: loaded, references: references, renderer: renderer, format: chosen)
    let text: String
    switch chosen {
    case .html: text = HTMLWriter.page(result.doc)
    case .markdown: text = MarkdownWriter.document(result.doc)
    case .text: text = TextWriter.document(result.doc)
    }
    do {
      try InputFiles.write(text, to: destination)
    } catch {
      ReportsCLI.printError("cited: cannot write '\(destination)': \(error)")
      throw ExitCode(2)
    }
    result.diagnostics.forEach { ReportsCLI.printError($0.description) }
    print(
      "wrote \(destination): \(loaded.entities.count) entities, \(loaded.statements.count) statements, "
        + "\(result.citationCount) citations of \(result.citedSources.count) sources (\(renderer.styleName))")
    if !bibliographyIsClean { throw ExitCode(1) }
  }
}
