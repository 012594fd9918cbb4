import BibModel
import Testing

@testable import BibFormats

/// Hostile-input classes that lost data or misread without an error (issue #14).
@Suite struct HostileInputTests {
  /// BibTeX compares keys without case: `crossref = {Smith}` in the entry `smith` names the
  /// entry `Smith`, not itself (it was reported as a cycle and nothing was inherited).
  @Test func crossrefToAKeyDifferingOnlyInCaseResolves() {
    let result = readText(
      "@inproceedings{smith, title={Paper}, crossref={Smith}}\n@proceedings{Smith, title={Proc}, year={2001}}\n")
    #expect(!result.diagnostics.contains { $0.code == "inheritance-cycle" }, "\(result.diagnostics)")
    let child = result.references.first { $0.id == "smith" }
    #expect(child?["container-title"] == "Proc")
    #expect(child?.dates["issued"]?.year == 2001)
  }

  @Test func crossrefInAnotherCaseStillResolves() {
    let result = readText("@inproceedings{a, title={Paper}, crossref={PROC}}\n@proceedings{proc, title={Proc}}\n")
    #expect(result.references.first?["container-title"] == "Proc")
  }

  @Test func anEntryNamingItselfInAnotherCaseIsStillACycle() {
    let result = readText("@article{a, title={T}, crossref={A}}\n")
    #expect(result.diagnostics.contains { $0.code == "inheritance-cycle" })
    #expect(result.references.count == 1)
  }

  /// `x`, `x`, `x-2`: the second `x` must not become the `x-2` that comes later.
  @Test func risDuplicateIDsAreRenamedUniquely() {
    let text = ["x", "x", "x-2"].map { "TY  - JOUR\nID  - \($0)\nTI  - T\nER  - \n" }.joined()
    let result = readText(text, .ris)
    let ids = result.references.map(\.id)
    #expect(ids.count == 3)
    #expect(Set(ids).count == 3, "ids \(ids)")
    #expect(ids.contains("x") && ids.contains("x-2"))
  }

  @Test func keylessEntriesOfOneAuthorGetDistinctKeys() {
    let text = (0..<40).map { _ in "@article{, title={Same}, author={Doe, Jane}, year={2020}}\n" }.joined()
    let ids = readText(text).references.map(\.id)
    #expect(ids.count == 40)
    #expect(Set(ids).count == 40)
    #expect(Array(ids.prefix(3)) == ["doe2020same", "doe2020samea", "doe2020sameb"])
  }

  /// A file mixing LF and lone-CR line ends keeps every record.
  @Test func risWithMixedLineEndsKeepsEveryRecord() {
    let result = readText(
      "TY  - JOUR\nTI  - One\nER  - \rTY  - BOOK\rTI  - Two\rER  - \r\nTY  - JOUR\r\nTI  - Three\r\nER  - \r\n", .ris)
    #expect(result.references.map { $0["title"] ?? "" } == ["One", "Two", "Three"])
  }

  /// An unclosed `@comment{` is an error at its place; the entries after it are read.
  @Test func unclosedCommentCostsOnlyItself() {
    let result = readText("@comment{ open\n@book{a, title={A}}\n@comment{ open again\n@book{b, title={B}}\n")
    #expect(result.references.map(\.id) == ["a", "b"])
    #expect(result.diagnostics.filter { $0.code == "bibtex-syntax" }.map { $0.location?.line } == [1, 3])
  }

  /// A balanced comment after an unclosed one is still one comment, entries inside included.
  @Test func balancedCommentAfterAnUnclosedOneIsKept() {
    let result = readText("@comment{ open\n@comment{\n@book{old, title={Old}}\n}\n@book{b, title={B}}\n")
    #expect(result.references.map(\.id) == ["b"])
    #expect(
      result.document.blocks.contains { if case .comment(let body) = $0 { body.contains("@book{old") } else { false } })
  }

  /// Positions on a one-line (minified) file are counted on, not recounted, and stay right.
  @Test func minifiedJSONPositionsAreExact() {
    let text = #"[{"id":"a","title":"Ü"},{"id":"b","title":"x","title":"y"}]"#
    let duplicate = readText(text, .cslJSON).diagnostics.first { $0.message.contains("written twice") }
    #expect(duplicate?.location == SourceLocation(file: "x.bib", line: 1, column: 47))
  }

  /// Found by `Fuzz/run.sh` (FuzzRIS): a date with an empty month and an other-information part
  /// (`2014//4/56` reads as 2014 and "56") hung writing RIS, padding until a split had three parts.
  @Test func risDateWithEmptyPartsIsWrittenBack() {
    let read = readText("TY  - MGZN\nDA  - 2014//4/56\nER  - \n", .ris)
    let written = BibFormats.write(read.document, format: .ris)
    #expect(written.contains("DA  - 2014///56"))
    let again = readText(written, .ris)
    #expect(again.references.first?.dates["issued"] == read.references.first?.dates["issued"])
  }
}
