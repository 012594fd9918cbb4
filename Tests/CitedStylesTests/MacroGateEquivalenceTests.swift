import BibModel
import CSLEngine
import CSLStyle
import Foundation
import Testing

/// Macro gates (`MacroGate`: a macro call known to print nothing for an item is not rendered)
/// change no output: every official style in ../shared (the 27 core styles and the 160 more)
/// renders citations and a bibliography of varied items alike with gates and without. Skips,
/// with the reason printed, where ../shared is absent.
@Suite struct MacroGateEquivalenceTests {
  static var moreStyles: String { StyleTestSupport.packageRoot + "/../shared/csl/styles-more" }
  static var corpus: String { StyleTestSupport.packageRoot + "/../shared/bench/corpus-1000.json" }

  static func styleFiles() -> [String] {
    [StyleTestSupport.sharedStyles, moreStyles].flatMap { directory in
      ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".csl") }
        .sorted().map { directory + "/" + $0 }
    }
  }

  /// The bundled bibliography (Chinese sources, translations, romanizations) and every
  /// thirtieth item of the benchmark corpus (all types, missing fields, long name lists).
  static func references() throws -> [Reference] {
    let corpus = try StyleTestSupport.references(Self.corpus)
    let sample = stride(from: 0, to: corpus.count, by: 30).map { corpus[$0] }
    return try StyleTestSupport.references(StyleTestSupport.bundledBibliography) + sample
  }

  /// Each item cited once (every other one with a locator), then a few again (subsequent and
  /// ibid positions), and two together.
  static func citations(_ references: [Reference]) -> [Citation] {
    var citations = references.enumerated().map { index, item in
      Citation(noteIndex: index + 1, cites: [Cite(id: item.id, locator: index % 2 == 0 ? "12" : nil)])
    }
    for index in stride(from: 0, to: references.count, by: 7) {
      let cite = Cite(id: references[index].id, locator: "3")
      citations.append(Citation(noteIndex: citations.count + 1, cites: [cite]))
      citations.append(Citation(noteIndex: citations.count + 1, cites: [cite]))
    }
    if references.count > 1 {
      let pair = [Cite(id: references[0].id), Cite(id: references[1].id)]
      citations.append(Citation(noteIndex: citations.count + 1, cites: pair))
    }
    return citations
  }

  @Test(
    .sharedStylesPresent,
    .enabled(
      if: FileManager.default.fileExists(atPath: MacroGateEquivalenceTests.corpus),
      "the benchmark corpus in ../shared/bench is absent (a user's clone; CI has it)"))
  func everyOfficialStyleRendersAlikeWithAndWithoutGates() throws {
    let files = Self.styleFiles()
    #expect(files.count >= 187)
    let references = try Self.references()
    let citations = Self.citations(references)
    let store = LocaleStore(files: EmbeddedLocales.files)
    var gated = 0
    for path in files {
      let style = try StyleTestSupport.style(path)
      let (locale, _) = store.resolve(style: style, language: nil)
      let with = CompiledStyle(style: style, locale: locale)
      let without = CompiledStyle(style: style, locale: locale, macroGates: false)
      gated += with.gatedMacroCount
      #expect(without.gatedMacroCount == 0)
      // HTML for the core styles: the output tree is the same, its serialization differs.
      let core = path.hasPrefix(StyleTestSupport.sharedStyles + "/")
      for format in core ? [PlainTextFormat() as any OutputFormat, HTMLFormat()] : [PlainTextFormat()] {
        let expected = Processor(compiled: without, references: references)
          .process(citations: citations, bibliographyIDs: nil, format: format)
        let output = Processor(compiled: with, references: references)
          .process(citations: citations, bibliographyIDs: nil, format: format)
        #expect(output.citations == expected.citations, "\(path): citations differ")
        #expect(output.bibliography == expected.bibliography, "\(path): bibliography differs")
        #expect(output.bibliographyIDs == expected.bibliographyIDs, "\(path): bibliography order differs")
      }
    }
    // The comparison means something only if gates are in play: most styles have some.
    #expect(gated > 10 * files.count, "\(gated) gated macros in \(files.count) styles")
  }
}
