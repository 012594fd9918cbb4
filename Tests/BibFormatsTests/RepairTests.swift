import BibModel
import Testing

@testable import BibFormats

/// Repair, don't drop: what exporters get wrong costs a warning, never an entry.
@Suite struct RepairTests {
  func read(_ text: String, _ format: BibFormat = .biblatex) -> BibReadResult {
    readText(text, format)
  }

  @Test func keylessEntriesGetAGeneratedKeyAndAWarning() throws {
    let text = """
      @article{,
        author = {Milazzo, Anna}, title = {The Old Bridge}, year = 2017}
      @article{author = {Milazzo, Anna}, title = {The Other Bridge}, year = 2017}
      @book{ title={Keyless}}
      """
    let result = read(text)
    #expect(result.references.map(\.id) == ["milazzo2017old", "milazzo2017other", "anonndkeyless"])
    #expect(result.references[1]["title"] == "The Other Bridge")
    let warnings = result.diagnostics.filter { $0.code == "missing-id" }
    #expect(warnings.map(\.severity) == [.warning, .warning, .warning])
    #expect(warnings.compactMap(\.location?.line) == [1, 3, 4])
  }

  @Test func generatedKeysNeverCollide() {
    let text = """
      @article{milazzo2017old, author = {Milazzo, A.}, title = {The Old Bridge}, year = 2017}
      @article{, author = {Milazzo, A.}, title = {The Old Bridge}, year = 2017}
      """
    #expect(read(text).references.map(\.id) == ["milazzo2017old", "milazzo2017olda"])
  }

  @Test func percentLinesInsideEntriesAreComments() {
    let text = """
      @article{a,
        % a comment between fields, with = signs and {braces
        title = {One},  % trailing comment
      %  year = {1999},
        year = 2001
      }
      """
    let result = read(text)
    #expect(result.isClean, "\(result.diagnostics)")
    #expect(result.references.first?["title"] == "One")
    #expect(result.references.first?.dates["issued"]?.year == 2001)
    #expect(read("@book{b, note = {50\\% off}}").references.first?["note"] == "50% off")
  }

  @Test func aStrayCharacterCostsNothingAfterIt() throws {
    let text = "@article{a,\n  title = {One},\n  ;\n  journal = {J},\n  year = 2001,\n}\n@book{b, title = {B}}\n"
    let result = read(text)
    #expect(result.references.map(\.id) == ["a", "b"])
    #expect(result.references.first?["container-title"] == "J")
    #expect(result.references.first?.dates["issued"]?.year == 2001)
    let error = try #require(result.diagnostics.first { $0.code == "bibtex-syntax" })
    #expect(error.location?.line == 3)
  }

  @Test func aBadValueResynchronisesAtTheNextLineField() {
    let text = "@article{a,\n  title = {One},\n  pages = 12-14,\n  volume = {3},\n}\n"
    let result = read(text)
    #expect(result.references.first?["title"] == "One")
    #expect(result.references.first?["volume"] == "3")
    #expect(!result.isClean)
  }

  @Test func everyEntryOfACycleKeepsItsOwnFields() {
    let text = """
      @incollection{a, crossref = {b}, title = {A}}
      @book{b, crossref = {a}, title = {B}, publisher = {P}}
      @xdata{x, xdata = {y}, note = {X}}
      @xdata{y, xdata = {x}, series = {S}}
      @book{c, xdata = {x}, title = {C}}
      """
    let result = read(text)
    #expect(result.references.map(\.id) == ["a", "b", "c"])
    #expect(result.references[0]["title"] == "A")
    #expect(result.references[0]["container-title"] == "B")
    #expect(result.references[0]["publisher"] == "P")
    #expect(result.references[1]["title"] == "B")
    #expect(result.references[2]["note"] == "X")
    #expect(result.references[2]["collection-title"] == "S")
    let cycles = result.diagnostics.filter { $0.code == "inheritance-cycle" }
    #expect(!cycles.isEmpty && cycles.allSatisfy { $0.severity == .warning })
  }

  @Test func aCleanFileIsClean() {
    #expect(read("@book{a, title = {A}, year = 2000}\n").isClean)
  }
}
