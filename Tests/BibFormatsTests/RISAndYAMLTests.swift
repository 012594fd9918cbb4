import BibModel
import Testing

@testable import BibFormats

/// RIS and CSL-YAML specifics: tags, repeated tags, dates, pages, positions.
@Suite struct RISAndYAMLTests {
  static let ris = """
    TY  - JOUR
    ID  - smith2020
    AU  - Smith, John
    A1  - Doe, Jane, Jr.
    AU  - World Health Organization
    ED  - Editor, Ed
    TI  - A study of things
    T2  - Journal of Things
    PY  - 2020
    DA  - 2020/05/12/
    SP  - 10
    EP  - 20
    VL  - 3
    IS  - 4
    SN  - 1234-5679
    DO  - 10.1000/xyz
    KW  - alpha
    KW  - beta
    TT  - Eine Studie
    N1  - first note
    continued here
    L1  - file:///paper.pdf
    C1  - custom one
    C1  - custom two
    ER  - 

    TY  - BOOK
    ID  - book1
    AU  - Author, An
    TI  - A Book
    PY  - 1999
    SN  - 0-306-40615-2
    PB  - Press
    CY  - City
    ER  - 
    """

  @Test func readsCommonTags() throws {
    let result = RISReader.read(Self.ris, file: "x.ris")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
    let article = try #require(result.references.first)
    #expect(article.id == "smith2020")
    #expect(article.type == "article-journal")
    #expect(
      article.names["author"] == [
        Name(family: "Smith", given: "John"), Name(family: "Doe", given: "Jane", suffix: "Jr."),
        Name(literal: "World Health Organization"),
      ])
    #expect(article.names["editor"] == [Name(family: "Editor", given: "Ed")])
    #expect(article.dates["issued"] == DateValue(year: 2020, month: 5, day: 12))
    #expect(article["page"] == "10-20")
    #expect(article["ISSN"] == "1234-5679")
    #expect(article["keyword"] == "alpha, beta")
    #expect(article["note"] == "first note\ncontinued here")
    #expect(article.forms["title"] == ["und": "Eine Studie"])
    #expect(article["ris:L1"] == "file:///paper.pdf")
    #expect(article.extra["ris:C1"] == .array([.string("custom one"), .string("custom two")]))
    let book = try #require(result.references.last)
    #expect(book["ISBN"] == "0-306-40615-2")
    #expect(book["publisher-place"] == "City")
  }

  @Test func risRoundTripIsExactAndStable() {
    let first = RISReader.read(Self.ris, file: "x.ris")
    let text = RISWriter.write(first.references)
    let second = RISReader.read(text, file: "y.ris")
    expectSameReferences(second.references, first.references, "ris")
    #expect(RISWriter.write(second.references) == text)
    #expect(!text.contains("cited-csl"), "everything in this sample has a native RIS tag")
  }

  @Test func risToBibLaTeXAndBack() {
    let first = RISReader.read(Self.ris, file: "x.ris").references
    let bib = BibTeXWriter().write(BibDocument(references: first))
    let back = BibTeXReader.read(bib, file: "x.bib").references
    expectSameReferences(back, first, "ris → bib → model")
    let risAgain = RISWriter.write(back)
    expectSameReferences(RISReader.read(risAgain, file: "z.ris").references, first, "ris → bib → ris")
  }

  @Test func yamlKeepsPositionsAndTypes() throws {
    let yaml = """
      references:
        - id: a
          type: book
          title: "Quoted: title"
          volume: 12
          edition: "2"
          issued:
            date-parts: [[2004, 5]]
          author:
            - family: Zhou
              given: Wang
        - type: book
          title: no id here
      """
    let result = CSLYAML.read(yaml, file: "refs.yaml")
    let reference = try #require(result.references.first)
    #expect(reference["title"] == "Quoted: title")
    #expect(reference.numericVariables == ["volume"])
    #expect(reference["edition"] == "2")
    #expect(reference.dates["issued"] == DateValue(year: 2004, month: 5))
    #expect(result.document.locations["a"]?.line == 2)
    #expect(result.document.fieldLocations["a"]?["volume"] == SourceLocation(file: "refs.yaml", line: 5, column: 5))
    let missing = try #require(result.diagnostics.first { $0.code == "missing-id" })
    #expect(missing.location?.line == 12)
  }

  @Test func yamlQuotesWhatWouldReadDifferently() {
    let reference = Reference(
      id: "k", type: "book",
      variables: [
        "title": "yes", "note": "a: b", "page": "12", "genre": "#tag", "annote": "line\nbreak", "medium": "plain text",
      ])
    let text = CSLYAML.write([reference])
    #expect(text.contains("title: \"yes\""))
    #expect(text.contains("note: \"a: b\""))
    #expect(text.contains("page: \"12\""))
    #expect(text.contains("medium: plain text"))
    #expect(CSLYAML.read(text, file: "k.yaml").references == [reference])
  }

  @Test func recordsWithoutIDGetCitationKeys() {
    let text =
      "TY  - JOUR\nAU  - Müller, Anna\nTI  - The Deep Sea\nPY  - 2019\nER  - \n\n"
      + "TY  - JOUR\nAU  - Müller, Anna\nTI  - Deep waters\nPY  - 2019\nER  - \n"
    let result = RISReader.read(text, file: "dl.ris")
    #expect(result.references.map(\.id) == ["muller2019deep", "muller2019deepa"])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func yamlScalarsWithCombiningMarksAndLineBreaksStayStrings() {
    let tricky = [
      "-\u{308}x", ":\u{308}", "a:\u{308} b", "line\r\nbreak", "é", "Ünïcode text", "x #\u{308}", " lead", "trail ",
    ]
    var reference = Reference(id: "k", type: "book")
    for (offset, text) in tricky.enumerated() { reference.variables[CSLVariable("note\(offset)")] = text }
    let back = CSLYAML.read(CSLYAML.write([reference]), file: "t.yaml")
    #expect(back.diagnostics.isEmpty)
    #expect(back.references == [reference])
  }

  @Test func crlfFilesReadLikeLFFiles() {
    let crlf = Self.ris.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    let lf = RISReader.read(Self.ris, file: "lf.ris")
    let windows = RISReader.read(crlf, file: "crlf.ris")
    #expect(windows.diagnostics.isEmpty)
    #expect(windows.references == lf.references)
    let bib = "@book{a,\r\n  title = {A},\r\n  abstract = {One\r\n\r\nTwo},\r\n}\r\n"
    #expect(BibTeXReader.read(bib, file: "crlf.bib").references.first?["abstract"] == "One\n\nTwo")
    let kb = "statements:\r\n  - source: old\r\n"
    #expect(CitationKeys.rewriteSources(kb, ["old": "new"]).0 == "statements:\r\n  - source: new\r\n")
  }
}
