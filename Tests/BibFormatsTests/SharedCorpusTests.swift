import BibModel
import Foundation
import Testing

@testable import BibFormats

/// Real data: the shared benchmark corpus through every format and back.
@Suite struct SharedCorpusTests {
  static let corpusPath = CitedBinary.packageRoot.appendingPathComponent("../shared/bench/corpus-10000.json")
    .standardized.path

  static let corpus: [Reference]? = {
    // Absent in a user's clone: the tests below are disabled with that reason.
    guard let data = FileManager.default.contents(atPath: corpusPath) else { return nil }
    return CSLJSON.read([UInt8](data), file: corpusPath).references
  }()

  @Test(.enabled(if: corpus != nil, "needs ../shared/bench/corpus-10000.json"), arguments: BibFormat.allCases)
  func corpusSurvivesEveryFormat(_ format: BibFormat) throws {
    let references = Array(try #require(Self.corpus).prefix(2500))
    let text = BibFormats.write(BibDocument(references: references), format: format)
    let back = BibFormats.read(Array(text.utf8), format: format, file: "corpus")
    #expect(!back.diagnostics.hasErrors, "\(back.diagnostics.prefix(3).map(\.description))")
    expectSameReferences(back.references, references, "\(format)")
  }

  @Test(.enabled(if: corpus != nil, "needs ../shared/bench/corpus-10000.json"))
  func mostOfTheCorpusNeedsNoBlob() throws {
    let references = Array(try #require(Self.corpus).prefix(2500))
    let text = BibTeXWriter().write(BibDocument(references: references))
    let blobs = text.components("  csl = {")
    // Only what BibLaTeX truly cannot say (seasons are written as EDTF, circa as `~`) may need it.
    #expect(blobs * 20 < references.count, "\(blobs) of \(references.count) entries needed a csl blob")
  }
}
