import ArgumentParser
import BibModel
import CSLEngine
import CSLStyle
import Foundation

/// `cited render`: citations and bibliography for a style and CSL-JSON bibliographies.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render", abstract: "Render citations and a bibliography with a CSL style.")

  enum Format: String, ExpressibleByArgument { case text, html, markdown }

  @Option(help: "The CSL style file.") var style: String
  @Option(parsing: .upToNextOption, help: "CSL-JSON files (default: Bibliography/*.json).")
  var bibliography: [String] = []
  @Option(help: "A directory of locales-TAG.xml files.") var locales: [String] = []
  @Option(help: "The locale (default: the style's default-locale, else en-US).") var locale: String?
  @Option(help: "Output format.") var format: Format = .text
  @Option(parsing: .upToNextOption, help: "Cite KEY or KEY@LOCATOR, one citation each.") var cite: [String] = []
  @Option(help: "A JSON file of citations.") var citations: String?

  /// The parent of a dependent style: `<last path component of the parent link>.csl` in the
  /// same directory.
  static func parentStyle(of style: CSL.Style, near path: String) -> CSL.Style? {
    guard let link = style.info.parentLink, let name = link.split(separator: "/").last else { return nil }
    let directory = (path as NSString).deletingLastPathComponent
    let candidate = (directory as NSString).appendingPathComponent(String(name) + ".csl")
    guard let text = try? String(contentsOfFile: candidate, encoding: .utf8) else { return nil }
    return StyleParser.parse(text, file: candidate).style
  }

  func run() throws {
    guard let styleText = try? String(contentsOfFile: style, encoding: .utf8) else {
      FileHandle.standardError.write(Data("\(style): error: cannot read style\n".utf8))
      throw ExitCode(2)
    }
    let parsed = StyleParser.parse(styleText, file: style)
    for diagnostic in parsed.diagnostics where diagnostic.severity == .error {
      FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
    guard var cslStyle = parsed.style else { throw ExitCode(2) }
    if cslStyle.isDependent {
      // A dependent style borrows its parent's rules: look for the parent next to it.
      guard let parent = Self.parentStyle(of: cslStyle, near: style) else {
        FileHandle.standardError.write(
          Data("\(style): error: dependent style; its parent \(cslStyle.info.parentLink ?? "?") was not found\n".utf8))
        throw ExitCode(2)
      }
      let defaultLocale = cslStyle.defaultLocale
      cslStyle = parent
      if let defaultLocale { cslStyle.defaultLocale = defaultLocale }
    }
    let store = LocaleDirectory.defaultStore(locales)
    let (resolvedLocale, localeDiagnostics) = store.resolve(style: cslStyle, language: locale)
    for diagnostic in localeDiagnostics { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }

    var files = bibliography
    if files.isEmpty {
      let directory = "Bibliography"
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      files = names.filter { $0.hasSuffix(".json") }.sorted().map { directory + "/" + $0 }
    }
    var references: [Reference] = []
    var findings = false
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        FileHandle.standardError.write(Data("\(file): error: cannot read file\n".utf8))
        throw ExitCode(2)
      }
      let read = CSLJSON.read(Array(data), file: file)
      for diagnostic in read.diagnostics where diagnostic.severity == .error {
        findings = true
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
      }
      references += read.references
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
    let processor = Processor(style: cslStyle, locale: resolvedLocale, references: references)
    let output = processor.process(
      citations: citationList, bibliographyIDs: cited.isEmpty ? nil : cited, format: outputFormat)
    var text = ""
    for citation in output.citations { text += citation + "\n" }
    if !output.citations.isEmpty && !output.bibliography.isEmpty { text += "\n" }
    for entry in output.bibliography { text += entry + "\n" }
    FileHandle.standardOutput.write(Data(text.utf8))
    for diagnostic in output.diagnostics { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
    if findings || !output.diagnostics.isEmpty { throw ExitCode(1) }
  }
}
