import BibModel
import Foundation
import Testing

@testable import BibFormats

/// Every format carries every generated reference back unchanged.
@Suite struct PropertyRoundTripTests {
  static let formats: [BibFormat] = [.biblatex, .bibtex, .ris, .cslYAML, .cslJSON]

  @Test(arguments: formats)
  func generatedReferencesSurviveTheFormat(_ format: BibFormat) {
    // CITED_PROPERTY_SEEDS=50 swift test --filter PropertyRoundTrip tries more seeds.
    let seeds = Int(ProcessInfo.processInfo.environment["CITED_PROPERTY_SEEDS"] ?? "") ?? 1
    for seed in 0..<seeds { check(format, seed: UInt64(42 + seed)) }
  }

  func check(_ format: BibFormat, seed: UInt64) {
    var generator = ReferenceGenerator(seed: seed)
    let references = generator.references(300)
    #expect(references.count == 300)
    let text = BibFormats.write(BibDocument(references: references), format: format)
    let read = BibFormats.read(Array(text.utf8), format: format, file: "generated")
    #expect(!read.diagnostics.hasErrors, "\(read.diagnostics.prefix(3).map(\.description))")
    #expect(read.references.count == references.count)
    for (original, back) in zip(references, read.references) where original != back {
      Issue.record("\(format): '\(original.id)' changed: \(difference(original, back))")
      break
    }
  }

  @Test func asciiLaTeXOutputIsLosslessToo() {
    var generator = ReferenceGenerator(seed: 314)
    let references = generator.references(300)
    for dialect in [BibTeXWriter.Dialect.biblatex, .bibtex] {
      let text = BibTeXWriter(options: .init(dialect: dialect, ascii: true)).write(BibDocument(references: references))
      // Verbatim fields (URLs, DOIs) keep their characters; everything else is ASCII LaTeX.
      let nonASCII = text.split(separator: "\n").filter { line in
        let name = String(line.drop { $0 == " " }.prefix { $0 != " " })
        return !BibTeXMapping.verbatimFields.contains(name)
          && line.unicodeScalars.contains { !$0.isASCII && $0.properties.isAlphabetic && $0.value < 0x250 }
      }
      #expect(nonASCII.isEmpty, "Latin letters are written as LaTeX: \(nonASCII.prefix(2))")
      expectSameReferences(BibTeXReader.read(text, file: "ascii").references, references, "ascii \(dialect)")
    }
  }

  @Test(arguments: formats)
  func canonicalTextIsAFixedPoint(_ format: BibFormat) {
    var generator = ReferenceGenerator(seed: 7)
    let document = BibDocument(references: generator.references(150))
    let first = Canonical.text(document, format: format)
    let reread = BibFormats.read(Array(first.utf8), format: format, file: "canonical")
    let second = Canonical.text(reread.document, format: format)
    if first != second { Issue.record("\(format): canonical text changed at \(firstDifference(first, second))") }
  }

  @Test func chainsOfConversionsComeBackToTheStart() {
    var generator = ReferenceGenerator(seed: 2026)
    let references = generator.references(120)
    var current = references
    for format in [BibFormat.ris, .biblatex, .cslYAML, .bibtex, .ris, .cslJSON] {
      let text = BibFormats.write(BibDocument(references: current), format: format)
      current = BibFormats.read(Array(text.utf8), format: format, file: "chain").references
    }
    for (original, back) in zip(references, current) where original != back {
      Issue.record("chain: '\(original.id)' changed: \(difference(original, back))")
      break
    }
    #expect(current.count == references.count)
  }
}
