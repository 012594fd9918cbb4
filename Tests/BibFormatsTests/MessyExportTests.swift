import BibModel
import Foundation
import Testing

@testable import BibFormats

/// A large export with everything exporters get wrong, generated here: at least 99.8 % of its
/// entries come through, quickly, and what was read round-trips through CSL-JSON.
@Suite struct MessyExportTests {
  /// The file and how many entries it holds.
  static func messyExport(entries count: Int) -> (bytes: [UInt8], entries: Int) {
    var bytes = Array("% Exported by a reference manager\n@string{jn = {Journal of Things}}\n\n".utf8)
    for index in 0..<count {
      let key = "Milazzo\(2000 + index % 20)-\(index / 7)"
      let title = "Study number \(index) of bridges"
      var entry: String
      switch index % 12 {
      case 0:  // keyless (Citavi)
        entry = "@article{,\n  author = {Milazzo, Anna},\n  title = {\(title)},\n  year = {2017},\n}\n"
      case 1:  // the same key twice
        entry = "@article{dup\(index / 12),\n  title = {\(title)},\n  journal = jn,\n  year = 2001,\n}\n"
        entry += "@article{dup\(index / 12),\n  title = {\(title) again},\n  year = 2002,\n}\n"
      case 2:  // % lines between fields
        entry = "@book{\(key),\n  % imported from somewhere\n  title = {\(title)},\n% year = 1999,\n  year = 2003,\n}\n"
      case 3:  // a crossref cycle
        entry = "@incollection{cyc\(index)a, crossref = {cyc\(index)b}, title = {\(title)}}\n"
        entry += "@book{cyc\(index)b, crossref = {cyc\(index)a}, title = {Book \(index)}}\n"
      case 4:  // a stray character between fields
        entry = "@article{\(key),\n  title = {\(title)},\n  ;\n  volume = {3},\n}\n"
      case 5:  // a missing comma
        entry = "@article{\(key), title = {\(title)} year = 2004, pages = {1--9}}\n"
      case 6:  // an unbalanced brace
        entry = "@article{\(key),\n  title = {\(title) {DNA,\n  year = 2005,\n}\n"
      case 7:  // keyless, the field name where the key goes
        entry = "@misc{title = {\(title)}, year = 2006}\n"
      case 8:  // an impossible date and a language name
        entry = "@book{\(key), title = {\(title)}, date = {2021-13-45}, langid = {ngerman}}\n"
      default:
        entry = "@article{\(key),\n  author = {M\\\"uller, J\\\"urgen and Pe\\~na, Ana and others},\n"
        entry += "  title = {\(title)},\n  journaltitle = jn,\n  date = {2010-05},\n}\n"
      }
      var entryBytes = Array(entry.utf8)
      if index % 97 == 0, let brace = entryBytes.firstIndex(of: UInt8(ascii: "}")) {
        entryBytes.insert(0xE9, at: brace)  // a Latin-1 byte pasted into the UTF-8 file
      }
      bytes += entryBytes + [0x0A]
    }
    let duplicates = (0..<count).filter { $0 % 12 == 1 || $0 % 12 == 3 }.count
    return (bytes, count + duplicates)
  }

  @Test func atLeast99Point8PercentOfAMessyExportComesThrough() throws {
    let (bytes, expected) = Self.messyExport(entries: 2_000)
    let clock = ContinuousClock()
    let started = clock.now
    let result = BibFormats.read(bytes, format: .biblatex, file: "messy.bib")
    #expect(clock.now - started < .seconds(10))
    let share = Double(result.references.count) / Double(expected)
    #expect(share >= 0.998, "\(result.references.count) of \(expected) entries came through")
    #expect(Set(result.references.map(\.id)).count == result.references.count, "ids are unique")
    #expect(!result.isClean)
    #expect(result.diagnostics.allSatisfy { $0.location != nil })
    // BibLaTeX → CSL-JSON → BibLaTeX → CSL-JSON gives the same CSL-JSON.
    let json = BibFormats.write(result.document, format: .cslJSON)
    let fromJSON = BibFormats.read(Array(json.utf8), format: .cslJSON, file: "messy.json")
    let bib = BibFormats.write(fromJSON.document, format: .biblatex)
    let again = BibFormats.read(Array(bib.utf8), format: .biblatex, file: "again.bib")
    // Only what the data itself says is left (cycles, the impossible date): no syntax, no skips.
    let left = Set(again.diagnostics.filter { $0.severity >= .warning }.map(\.code))
    #expect(left.isSubset(of: ["inheritance-cycle", "invalid-date", "missing-parent"]), "\(left)")
    let jsonAgain = BibFormats.write(again.document, format: .cslJSON)
    #expect(jsonAgain == json, "\(firstDifference(json, jsonAgain))")
  }
}
