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
  /// Refuse to render when the bibliography did not read clean.
  var strict = false

  func run() throws {
    let format: OutputFormat
    if let to {
      guard let chosen = OutputFormat(name: to) else {
        ReportsCLI.printError("cited: unknown output format '\(to)' (use html, md or txt)")
        throw ExitCode(2)
      }
      format = chosen
    } else if let output, let dot = output.lastIndex(of: "."),
      let chosen = OutputFormat(fileExtension: String(output[output.index(after: dot)...]))
    {
      format = chosen
    } else {
      format = output == nil ? .text : .html
    }
    let result: RenderPipeline.Output
    do {
      result = try RenderPipeline.render(
        document: document, style: style, bibliography: bibliography, locale: locale, format: format, locales: locales,
        strict: strict)
    } catch {
      error.diagnostics.forEach { ReportsCLI.printError($0.description) }
      ReportsCLI.printError("cited: \(error.description)")
      throw ExitCode(strict && !error.diagnostics.isEmpty ? 1 : 2)
    }
    for diagnostic in result.setupDiagnostics + result.documentDiagnostics {
      ReportsCLI.printError(diagnostic.description)
    }
    if let output {
      do {
        try InputFiles.write(result.text, to: output)
      } catch {
        ReportsCLI.printError("cited: cannot write '\(output)': \(error)")
        throw ExitCode(2)
      }
      print("wrote \(output) (\(result.styleName), \(result.citationCount) citations)")
    } else {
      print(result.text, terminator: "")
    }
    if !result.bibliographyIsClean || result.documentDiagnostics.contains(where: { $0.severity >= .warning }) {
      throw ExitCode(1)
    }
  }
}
