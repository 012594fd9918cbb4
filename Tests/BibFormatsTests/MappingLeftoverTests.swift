import BibModel
import Testing

@testable import BibFormats

/// `and others`, BibTeX (not BibLaTeX) output, keyless CSL-JSON items, impossible dates, `Pe\~na`.
@Suite struct MappingLeftoverTests {
  func bib(_ text: String) -> BibReadResult { BibFormats.read(Array(text.utf8), format: .biblatex, file: "t.bib") }
  func json(_ text: String) -> BibReadResult { BibFormats.read(Array(text.utf8), format: .cslJSON, file: "t.json") }

  @Test func andOthersIsEtAlNotAPerson() throws {
    let read = bib("@book{a, author = {Doe, Jane and Roe, R. and others}, title = {T}, date = {2001}}")
    let reference = try #require(read.references.first)
    #expect(reference.names["author"]?.map(\.family) == ["Doe", "Roe"])
    #expect(reference.extra["cited:et-al"] == .array([.string("author")]))
    // Written back as BibTeX writes it, through CSL-JSON too.
    let viaJSON = json(BibFormats.write(read.document, format: .cslJSON))
    #expect(
      BibFormats.write(viaJSON.document, format: .biblatex).contains("author = {Doe, Jane and Roe, R. and others},"))
    // A lone "others" is not a list that goes on: left as it is.
    let lone = bib("@book{b, author = {others}, title = {T}}")
    #expect(lone.references.first?.names["author"]?.count == 1)
  }

  @Test func bibtexOutputHasYearMonthStandardTypesAndNoBiblatexOnlyFields() throws {
    let read = bib(
      """
      @online{w, author = {X, Y}, title = {Web}, date = {2020-03}, url = {http://y}, urldate = {2021-01-02},
        eventtitle = {Ev}, addendum = {Add}}
      @thesis{t, author = {Z, A}, title = {Th}, date = {2001}, institution = {U}, type = {phdthesis}}
      @article{i, author = {Q, R}, title = {Bad}, journaltitle = {J}, date = {2021-13-45}}
      """)
    let text = BibFormats.write(read.document, format: .bibtex)
    #expect(text.contains("@misc{w,") && text.contains("year = 2020,") && text.contains("month = mar,"))
    #expect(text.contains("@phdthesis{t,") && text.contains("school = {U},") && !text.contains("type = "))
    #expect(text.contains("journal = {J},") && text.contains("year = {2021-13-45},"))
    for field in ["urldate", "eventtitle", "addendum", "date =", "journaltitle", "institution"] {
      #expect(!text.contains("  " + field), "\(field) is not a BibTeX field")
    }
    // Carried in csl and reported, so nothing is lost.
    let writer = BibTeXWriter(options: .init(dialect: .bibtex))
    #expect(read.references.first.map { Set(writer.biblatexOnlyFields($0)) } == ["addendum", "eventtitle", "urldate"])
    let back = bib(text)
    #expect(back.references == read.references)
    // Asked for, they stay fields.
    let kept = BibTeXWriter(options: .init(dialect: .bibtex, keepBiblatexFields: true)).write(read.document)
    #expect(kept.contains("  urldate = {2021-01-02},"))
  }

  @Test func cslJSONItemsWithoutIDGetOneAndDuplicatesAreKept() {
    let read = json(
      """
      [{"type": "book", "title": "Keyless", "author": [{"family": "Smith"}], "issued": {"date-parts": [[2001]]}},
       {"id": "d", "type": "book", "title": "One"},
       {"id": "d", "type": "book", "title": "Two"}]
      """)
    #expect(read.references.map(\.id) == ["smith2001keyless", "d", "d-2"])
    #expect(read.diagnostics.map(\.code) == ["missing-id", "duplicate-id"])
    #expect(read.diagnostics.allSatisfy { $0.severity == .warning })
  }

  @Test func impossibleDatesAreDiagnostics() {
    let fromJSON = json(#"[{"id": "a", "type": "book", "issued": {"date-parts": [[2021, 13, 45]]}}]"#)
    #expect(fromJSON.diagnostics.map(\.code) == ["invalid-date"])
    let season = json(#"[{"id": "s", "type": "book", "issued": {"date-parts": [[2021, 21]]}}]"#)
    #expect(season.diagnostics.isEmpty)
    let fromBib = bib("@book{b, title = {T}, date = {2021-13-45}}")
    #expect(fromBib.diagnostics.map(\.code) == ["invalid-date"])
  }

  @Test func yearsBeyondAMillionAreDiagnostics() {
    for year in ["1000000", "-1000000", "-9223372036854775808", "9223372036854775807"] {
      let read = json(#"[{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [["# + year + "]]}}]")
      #expect(read.diagnostics.map(\.code) == ["invalid-date"], "\(year)")
      #expect(read.references.map(\.id) == ["a"], "the entry is kept")
    }
    let edge = json(#"[{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[-999999]]}}]"#)
    #expect(edge.diagnostics.isEmpty)
  }

  @Test func tildeAccentsDecodeInNames() {
    let read = bib(#"@book{p, author = {Pe\~{n}a, Juan and Pe\~na, Ana and Ord{\'o}{\~n}ez, B.}, title = {T}}"#)
    #expect(read.references.first?.names["author"]?.map(\.family) == ["Peña", "Peña", "Ordóñez"])
  }
}
