import ArgumentParser
import BibModel
import CSLStyle
import Reports

/// Document mode of `cited render`: `cited render DOC.md [--style S] [--bibliography FILE...]
/// [--locale TAG] [--to text|html|markdown] [-o OUT]` renders a Markdown document with
/// Pandoc-style citations. The output format follows --to, else -o's extension; without -o (or
/// with `-o -`) the result goes to standard output (text unless --to says otherwise). The
/// bibliography comes from --bibliography, else the document's front matter (relative to the
/// document), else the project's. Exit status: 0 clean, 1 warnings (unknown keys), 2 missing
/// or unreadable input or bad usage.
struct DocumentRenderMode {
  var document: String
  var style: String?
  var bibliography: [String]
  var locale: String?
  var to: String?
  var output: String?
  var project: Project?
  var catalog: StyleCatalog
  /// Where locale files are looked up (the render command's --locales, the project's, the embedded ones).
  var locales: LocaleStore
  /// Refuse to render when the bibliography did not read clean.
  var strict = false
  /// Report the cited sources `cited check` would flag, at their first citation.
  var check = false

  func run() throws {
    if let pandocFormat = PandocRoute.format(to: to, output: output) {
      try PandocRoute(
        document: document, format: pandocFormat, output: output, style: style, bibliography: bibliography,
        locale: locale, project: project, catalog: catalog, locales: locales
      ).run()
      return
    }
    let toFile = output.flatMap { $0 == "-" ? nil : $0 }
    let format = try OutputChoice.format(to, output: toFile, fallback: toFile == nil ? .text : .html)
    let result: RenderPipeline.Output
    do {
      result = try RenderPipeline.render(
        document: document, style: style, bibliography: bibliography, locale: locale, format: format,
        project: project, catalog: catalog, locales: locales, strict: strict, checkSources: check)
    } catch {
      CLIOutput.print(error.diagnostics)
      CLIOutput.error(error.description)
      throw ExitCode(strict && !error.diagnostics.isEmpty ? 1 : 2)
    }
    CLIOutput.print(result.setupDiagnostics + result.documentDiagnostics)
    if let toFile {
      try OutputChoice.write(result.text, to: toFile)
      print("wrote \(toFile) (\(result.styleName), \(result.citationCount) citations)")
    } else {
      print(result.text, terminator: "")
    }
    if !result.bibliographyIsClean || result.documentDiagnostics.contains(where: { $0.severity >= .warning }) {
      throw ExitCode(1)
    }
  }
}
