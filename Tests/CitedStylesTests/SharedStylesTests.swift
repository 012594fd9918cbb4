import BibModel
import CSLEngine
import CSLStyle
import Foundation
import Testing

/// Every official style in ../shared/csl/styles validates clean and renders the bundled
/// bibliography (issue acceptance). Skips, with the reason printed, where ../shared is absent.
@Suite struct SharedStylesTests {
  static func sharedStyleFiles() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: StyleTestSupport.sharedStyles)) ?? []
    return names.filter { $0.hasSuffix(".csl") }.sorted()
  }

  @Test(.sharedStylesPresent)
  func everyOfficialStyleValidatesCleanAndRendersTheBundledBibliography() throws {
    let files = Self.sharedStyleFiles()
    #expect(files.count >= 27)
    let references = try StyleTestSupport.references(StyleTestSupport.bundledBibliography)
    let sharedLocales = StyleTestSupport.packageRoot + "/../shared/csl/locales"
    var localeFiles = EmbeddedLocales.files
    for name in (try? FileManager.default.contentsOfDirectory(atPath: sharedLocales)) ?? []
    where name.hasPrefix("locales-") && name.hasSuffix(".xml") {
      let tag = String(name.dropFirst("locales-".count).dropLast(".xml".count))
      localeFiles[tag] = try StyleTestSupport.read(sharedLocales + "/" + name)
    }
    let store = LocaleStore(files: localeFiles)
    for file in files {
      let path = StyleTestSupport.sharedStyles + "/" + file
      let parsed = StyleParser.parse(try StyleTestSupport.read(path), file: path)
      #expect(parsed.diagnostics.isEmpty, "\(file): \(parsed.diagnostics.map(\.description))")
      guard let style = parsed.style else {
        Issue.record("\(file) does not parse")
        continue
      }
      let (compiled, _) = CompiledStyle.resolving(style: style, store: store, language: nil, references: references)
      let citations = references.enumerated().map { index, item in
        Citation(noteIndex: index + 1, cites: [Cite(id: item.id, locator: "12")])
      }
      let output = Processor(compiled: compiled, references: references)
        .process(citations: citations, bibliographyIDs: nil, format: PlainTextFormat())
      #expect(output.citations.count == references.count, "\(file): \(output.citations.count) citations")
      #expect(!output.citations.contains { $0.isEmpty }, "\(file): an empty citation")
      #expect(output.diagnostics.isEmpty, "\(file): \(output.diagnostics.map(\.description))")
      if style.bibliography != nil {
        // A style may leave reference works out of the bibliography on purpose (Chicago and
        // MHRA cite encyclopedia entries in notes only); every other item must be listed.
        let listed = Set(output.bibliographyIDs)
        let missing = references.filter { !listed.contains($0.id) }
        let unexpected = missing.filter { !["entry-encyclopedia", "entry-dictionary"].contains($0.type) }
        #expect(unexpected.isEmpty, "\(file) leaves out \(unexpected.map(\.id))")
        #expect(output.bibliography.count == output.bibliographyIDs.count)
        #expect(!output.bibliography.contains { $0.isEmpty }, "\(file): an empty entry")
      }
    }
  }
}

extension Trait where Self == ConditionTrait {
  /// Runs a test only where the official styles of ../shared are present, saying why not.
  static var sharedStylesPresent: Self {
    .enabled(
      if: !SharedStylesTests.sharedStyleFiles().isEmpty,
      "the official CSL styles in ../shared are absent (a user's clone; CI has them)")
  }
}
