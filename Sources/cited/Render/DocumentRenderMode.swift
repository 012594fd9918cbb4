import ArgumentParser
import BibModel
import CSLStyle
import Reports

/// Document mode of `cited render`: `cited render DOC.md [--style S] [--bibliography FILE...]
/// [--locale TAG] [--to html|md|txt] [-o OUT]` renders a Markdown document with Pandoc-style
/// citations. The output format follows --to, else -o's extension; without -o the result goes to
/// standard output (text unless --to says otherwise). The bibliography comes from --bibliography,
/// else the document's front matter (relative to the document), else Bibliography/*.json.
/// Exit status: 0 clean, 1 warnings (unknown keys), 2 unreadable input or bad usage.
struct DocumentRenderMode {
  var document: String
  var style: String?
  var bibliography: [String]
  var locale: String?
  var to: String?
  var output: String?
  /// Where locale files are looked up (the render command's --locales, then the embedded ones).
  var locales: LocaleStore

  func run() throws {
    guard let text = InputFiles.read(document) else {
      ReportsCLI.printError("cited: cannot read '\(document)'")
      throw ExitCode(2)
    }
    let format: OutputFormat
    if let to {
      guard let chosen = OutputFormat(name: to) else {
        ReportsCLI.printError("cited: unknown output format '\(to)' (use html, md or txt)")
        throw ExitCode(2)
      }
      format = chosen
    } else if let output, let dot = output.lastIndex(of: "."), let chosen = OutputFormat(fileExtension: String(output[output.index(after: dot)...])) {
      format = chosen
    } else {
      format = output == nil ? .text : .html
    }
    let (matter, _, _) = FrontMatter.split(text, file: document)
    var bibliographyPaths = bibliography
    if bibliographyPaths.isEmpty {
      let base = InputFiles.directory(of: document)
      bibliographyPaths = matter.bibliography.map { $0.hasPrefix("/") ? $0 : base + "/" + $0 }
    }
    if bibliographyPaths.isEmpty { bibliographyPaths = InputFiles.jsonFiles(in: "Bibliography") }
    let (references, bibliographyDiagnostics) = InputFiles.references(bibliographyPaths)
    if bibliographyDiagnostics.contains(where: { $0.severity == .error }) {
      bibliographyDiagnostics.forEach { ReportsCLI.printError($0.description) }
      throw ExitCode(2)
    }
    let renderer: any CitationRendering
    let styleDiagnostics: [Diagnostic]
    do {
      (renderer, styleDiagnostics) = try StyleChoice.renderer(
        for: style ?? matter.style, locale: locale ?? matter.lang, references: references, locales: locales,
        readFile: InputFiles.read)
    } catch {
      ReportsCLI.printError("cited: \(error)")
      throw ExitCode(2)
    }
    let result = DocumentRenderer(renderer: renderer, knownKeys: Set(references.map(\.id)))
      .render(text, file: document, format: format)
    let rendered: String
    switch format {
    case .html: rendered = HTMLWriter.page(result.doc)
    case .markdown: rendered = MarkdownWriter.document(result.doc)
    case .text: rendered = TextWriter.document(result.doc)
    }
    for diagnostic in bibliographyDiagnostics + styleDiagnostics + result.diagnostics { ReportsCLI.printError(diagnostic.description) }
    if let output {
      do {
        try InputFiles.write(rendered, to: output)
      } catch {
        ReportsCLI.printError("cited: cannot write '\(output)': \(error)")
        throw ExitCode(2)
      }
      print("wrote \(output) (\(renderer.styleName), \(result.citations.count) citations)")
    } else {
      print(rendered, terminator: "")
    }
    if result.diagnostics.contains(where: { $0.severity >= .warning }) { throw ExitCode(1) }
  }
}
