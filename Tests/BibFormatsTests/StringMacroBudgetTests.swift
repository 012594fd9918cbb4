import BibModel
import Testing

@testable import BibFormats

/// BibTeX @string macros that double at each level (a few hundred bytes standing for
/// terabytes) stop at the expansion limit with an error; the entry is still read.
@Suite struct StringMacroBudgetTests {
  @Test func doublingMacrosStopAtTheLimit() {
    var lines = [#"@string{s0 = "xx"}"#]
    for level in 1..<40 { lines.append("@string{s\(level) = s\(level - 1) # s\(level - 1)}") }
    lines.append("@book{a, title = s39, year = 2000}")
    let result = BibTeXReader.read(lines.joined(separator: "\n"), file: "bomb.bib")
    #expect(result.document.references.map(\.id) == ["a"])
    #expect((result.document.references.first?.variables["title"]?.utf8.count ?? .max) <= BibTeXReader.maxExpansion)
    #expect(result.diagnostics.contains { $0.code == "macro-expansion-limit" })
  }
}
