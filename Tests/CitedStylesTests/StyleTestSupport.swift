import BibModel
import CSLEngine
import CSLStyle
import Foundation

/// Reads Cited's styles and bibliographies from this checkout and renders them in text format.
enum StyleTestSupport {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The package root, from this file's path (Tests/CitedStylesTests/StyleTestSupport.swift).
  static var packageRoot: String {
    var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(3)
    return components.joined(separator: "/")
  }

  /// The official CSL styles in ../shared, when present.
  static var sharedStyles: String { packageRoot + "/../shared/csl/styles" }

  static func read(_ path: String) throws -> String {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw Failure(description: "cannot read \(path)")
    }
    return text
  }

  /// The style names in Styles/ (file names without `.csl`), sorted.
  static func bundledStyleNames() throws -> [String] {
    let names = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Styles")
    return names.filter { $0.hasSuffix(".csl") }.map { String($0.dropLast(4)) }.sorted()
  }

  static func style(_ path: String) throws -> CSL.Style {
    let parsed = StyleParser.parse(try read(path), file: path)
    guard let style = parsed.style else { throw Failure(description: "\(path) does not parse: \(parsed.diagnostics)") }
    return style
  }

  static func references(_ path: String) throws -> [Reference] {
    let result = CSLJSON.read(try read(path), file: path)
    guard !result.diagnostics.hasErrors else { throw Failure(description: "\(path): \(result.diagnostics)") }
    return result.references
  }

  /// The bundled bibliography and the test items of this suite.
  static var bundledBibliography: String { packageRoot + "/Bibliography/lsg-sources.json" }
  static var testItems: String { packageRoot + "/Tests/CitedStylesTests/Resources/multilingual-items.json" }

  /// Renders citations (one per cite, `id` or `id@locator`, in note order) and the
  /// bibliography in text format, with Cited's embedded locales.
  static func render(
    style: CSL.Style, references: [Reference], cites: [String] = [], bibliographyIDs: [String]? = nil
  ) -> ProcessedOutput {
    let store = LocaleStore(files: EmbeddedLocales.files)
    let (compiled, _) = CompiledStyle.resolving(style: style, store: store, language: nil, references: references)
    let citations = cites.enumerated().map { index, key in
      let parts = key.split(separator: "@", maxSplits: 1).map(String.init)
      return Citation(noteIndex: index + 1, cites: [Cite(id: parts[0], locator: parts.count > 1 ? parts[1] : nil)])
    }
    let processor = Processor(compiled: compiled, references: references)
    return processor.process(citations: citations, bibliographyIDs: bibliographyIDs, format: PlainTextFormat())
  }
}
