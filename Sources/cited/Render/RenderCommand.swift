import ArgumentParser
import BibModel
import CSLEngine
import CSLStyle
import Foundation

import enum Reports.InputFiles

/// `cited render`: citations and bibliography for a style and CSL-JSON bibliographies.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render", abstract: "Render citations and a bibliography with a CSL style.")

  enum Format: String, ExpressibleByArgument { case text, html, markdown }

  @Argument(help: "A Markdown document with [@key] citations (document mode; see Docs/reports.md).")
  var document: String?
  @Option(help: "The CSL style: a .csl path or a style name (see `cited style list`).") var style: String?
  @OptionGroup var search: StyleSearchOptions
  @Option(
    parsing: .upToNextOption,
    help: "Bibliography files: CSL-JSON, CSL-YAML, BibLaTeX/BibTeX or RIS (default: Bibliography/*.json).")
  var bibliography: [String] = []
  @Flag(help: "Refuse to render when reading the bibliography skipped or repaired anything (default: exit 1).")
  var strict = false
  @Option(help: "A directory of locales-TAG.xml files.") var locales: [String] = []
  @Option(help: "The locale (default: the style's default-locale, else en-US).") var locale: String?
  @Option(help: "Output format.") var format: Format = .text
  @Option(parsing: .upToNextOption, help: "Cite KEY or KEY@LOCATOR, one citation each.") var cite: [String] = []
  @Option(help: "A JSON file of citations.") var citations: String?
  @Flag(help: "Print {\"citations\": [...], \"bibliography\": [...]} as JSON, one string per cluster and entry.")
  var json = false
  @Option(help: "Document mode: output format html, md or txt (default: from -o, else txt).") var to: String?
  @Option(name: .shortAndLong, help: "Document mode: where to write the output.") var output: String?

  func run() throws {
    if let document {
      let store = LocaleStore(chain: [LocaleDirectory.defaultStore(locales), LocaleStore(files: EmbeddedLocales.files)])
      try DocumentRenderMode(
        document: document, style: style, bibliography: bibliography, locale: locale, to: to, output: output,
        locales: store, strict: strict
      ).run()
      return
    }
    guard let style else {
      FileHandle.standardError.write(Data("cited: render needs --style, or a Markdown document\n".utf8))
      throw ExitCode(2)
    }
    let parsed: LoadedStyle
    switch search.catalog.load(style) {
    case .success(let loaded): parsed = loaded
    case .failure(let error):
      FileHandle.standardError.write(Data("cited: error: \(error)\n".utf8))
      throw ExitCode(2)
    }
    for diagnostic in parsed.diagnostics where diagnostic.severity == .error {
      FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
    guard let cslStyle = parsed.style else { throw ExitCode(2) }
    let store = LocaleDirectory.defaultStore(locales)

    var files = bibliography
    if files.isEmpty {
      let directory = "Bibliography"
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      files = names.filter { $0.hasSuffix(".json") }.sorted().map { directory + "/" + $0 }
    }
    for file in files where !FileManager.default.isReadableFile(atPath: file) {
      FileHandle.standardError.write(Data("\(file): error: cannot read file\n".utf8))
      throw ExitCode(2)
    }
    let (references, loadDiagnostics) = InputFiles.references(files)
    for diagnostic in loadDiagnostics where diagnostic.severity >= .warning {
      FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
    let findings = loadDiagnostics.contains { $0.severity >= .warning }
    if strict && findings {
      FileHandle.standardError.write(
        Data("cited: the bibliography did not read clean; nothing rendered (--strict)\n".utf8))
      throw ExitCode(1)
    }
    var citationList: [Citation] = cite.map { key in
      let parts = key.split(separator: "@", maxSplits: 1).map(String.init)
      return Citation(cites: [Cite(id: parts[0], locator: parts.count > 1 ? parts[1] : nil)])
    }
    if let citations {
      guard let data = FileManager.default.contents(atPath: citations) else { throw ExitCode(2) }
      do {
        let value = try JSONParser.parse(Array(data))
        let (decoded, diagnostics) = CSLJSON.decodeCitations(value, file: citations)
        citationList += decoded
        for diagnostic in diagnostics { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
      } catch {
        FileHandle.standardError.write(
          Data("\(citations):\(error.line):\(error.column): error: \(error.message)\n".utf8))
        throw ExitCode(2)
      }
    }
    let cited = citationList.flatMap { $0.cites.map(\.id) }
    let outputFormat: any OutputFormat
    switch format {
    case .text: outputFormat = PlainTextFormat()
    case .html: outputFormat = HTMLFormat(linkURLs: true)
    case .markdown: outputFormat = MarkdownFormat()
    }
    let (compiled, localeDiagnostics) = CompiledStyle.resolving(
      style: cslStyle, store: store, language: locale, references: references)
    for diagnostic in localeDiagnostics { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
    let processor = Processor(compiled: compiled, references: references)
    let output = processor.process(
      citations: citationList, bibliographyIDs: cited.isEmpty ? nil : cited, format: outputFormat)
    FileHandle.standardOutput.write(Data(Self.printed(output, json: json).utf8))
    for diagnostic in output.diagnostics { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
    if findings || !output.diagnostics.isEmpty { throw ExitCode(1) }
  }

  /// The rendered output as printed: one line per cluster, a blank line, one line per entry;
  /// or, with `--json`, an object with the two arrays (entries may span lines in HTML).
  static func printed(_ output: ProcessedOutput, json: Bool) -> String {
    if json {
      let value = JSONValue.object(
        JSONObject([
          "citations": .array(output.citations.map { .string($0) }),
          "bibliography": .array(output.bibliography.map { .string($0) }),
        ]))
      return JSONWriter.write(value) + "\n"
    }
    var text = ""
    for citation in output.citations { text += citation + "\n" }
    if !output.citations.isEmpty && !output.bibliography.isEmpty { text += "\n" }
    for entry in output.bibliography { text += entry + "\n" }
    return text
  }
}
