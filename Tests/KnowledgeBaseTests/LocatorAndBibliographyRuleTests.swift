import BibModel
import Testing

@testable import KnowledgeBase

@Suite struct LocatorAndBibliographyRuleTests {
  @Test func locatorOutsideThePageRange() {
    let found = Fixture.findings(
      "locator-out-of-range",
      lsg: """
          head:
            - value: xi
              references:
                - source: article2014
                  locator: "30"
                - source: article2014
                  locator: "14-18"
                - source: book2010
                  locator: "301"
                - source: book2010
                  locator: "299"
                - source: article2014
                  label: chapter
                  locator: "40"

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:14:20", "kb/lsg/g.yaml:18:20"])
  }

  @Test func pageRangesParse() {
    #expect(LocatorRangeRule.ranges("123-5") == [123...125])
    #expect(LocatorRangeRule.ranges("3, 7–9") == [3...3, 7...9])
    #expect(LocatorRangeRule.ranges("iv") == nil)
  }

  @Test func unknownLocatorLabel() {
    let found = Fixture.findings(
      "unknown-locator-label",
      lsg: """
          head:
            - value: xi
              references:
                - source: article2014
                  label: pgae
                  locator: "15"
                - source: article2014
                  label: section
                  locator: "2"

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:14:18"])
    #expect(found.first?.hint == "did you mean 'page'?")
  }

  @Test func malformedURLsAndDOIs() {
    let bibliography = """
      [
        {"id": "a", "type": "webpage", "URL": "www.example.org/x"},
        {"id": "b", "type": "webpage", "URL": "https://example.org/a b"},
        {"id": "c", "type": "webpage", "URL": "https://example.org/fine?x=1"},
        {"id": "d", "type": "article-journal", "DOI": "https://doi.org/10.1000/xyz"},
        {"id": "e", "type": "article-journal", "DOI": "10.1000/xyz"}
      ]
      """
    let result = Fixture.check(["kb/lsg/g.yaml": Fixture.lsg()], bibliography: bibliography)
    #expect(result.findings.filter { $0.code == "malformed-url" }.map(\.place) == ["bib.json:2:3", "bib.json:3:3"])
    let doi = result.findings.filter { $0.code == "malformed-doi" }
    #expect(doi.map(\.place) == ["bib.json:5:3"])
    #expect(doi.first?.hint == "remove the resolver or prefix")
  }
}

@Suite struct BibliographyLoadTests {
  @Test func syntaxErrorsAndDuplicateKeysAcrossFilesArePlaced() {
    let bibliography = Bibliography.read([
      SourceFile(path: "a.json", text: "[\n  {\"id\": \"x\", \"type\": \"book\"}\n]\n"),
      SourceFile(path: "b.json", text: "[\n  {\"id\": \"x\", \"type\": \"book\"},\n  {\"id\": \"y\" \"type\": 1}\n]\n"),
    ])
    #expect(bibliography.diagnostics.map(\.code) == ["bibliography-load"])
    #expect(bibliography.diagnostics.first?.location?.file == "b.json")
    #expect(bibliography.diagnostics.first?.location?.line == 3)
    #expect(bibliography.keys == ["x"])

    let duplicate = Bibliography.read([
      SourceFile(path: "a.json", text: "[{\"id\": \"x\", \"type\": \"book\"}]"),
      SourceFile(path: "b.json", text: "[\n  {\"id\": \"x\", \"type\": \"report\"}\n]"),
    ])
    #expect(duplicate.diagnostics.map(\.place) == ["b.json:2:3"])
    #expect(duplicate.diagnostics.first?.severity == .error)
    #expect(duplicate["x"]?.type == "book")
    #expect(duplicate["x-2"]?.type == "report")
  }

  @Test func aCleanBibliographyHasNoFindings() {
    #expect(Bibliography.read([SourceFile(path: "bib.json", text: Fixture.bibliography)]).diagnostics.isEmpty)
  }
}

@Suite struct SharedBibliographyValidationTests {
  @Test func incompleteAndInvalidItemsAreReportedAtTheirPlace() {
    let bibliography = """
      [
        {"id": "a", "type": "article-journal", "title": "No journal", "author": [{"family": "Li"}],
         "issued": {"date-parts": [[2010]]}},
        {"id": "b", "type": "book", "title": "T", "author": [{"family": "Wu"}], "issued": {"date-parts": [[2011]]},
         "ISBN": "978-0-306-40615-6"},
        {"id": "c", "type": "book", "title": "T", "author": [{"family": "Wu"}], "issued": {"date-parts": [[2012, 2, 30]]}}
      ]
      """
    let result = Fixture.check(["kb/lsg/g.yaml": Fixture.lsg()], bibliography: bibliography)
    let found = result.findings.filter { $0.code == "bibliography-entry" }
    #expect(found.map(\.place) == ["bib.json:2:3", "bib.json:4:3", "bib.json:6:3"])
    #expect(found[0].message.contains("without 'container-title'"))
    #expect(found[1].message.contains("ISBN"))
    #expect(found[2].message.contains("issued"))
  }

  @Test func aCompleteItemIsClean() {
    let bibliography = """
      [
        {"id": "a", "type": "article-journal", "title": "T", "container-title": "J", "author": [{"family": "Li"}],
         "issued": {"date-parts": [[2010]]}, "ISBN": "978-0-306-40615-7"}
      ]
      """
    let result = Fixture.check(["kb/lsg/g.yaml": Fixture.lsg()], bibliography: bibliography)
    #expect(result.findings.filter { $0.code == "bibliography-entry" }.isEmpty)
  }

  @Test func duplicateWorksAreFoundAndDistinctOnesAreNot() {
    let bibliography = """
      [
        {"id": "a", "type": "article-journal", "title": "Leading Groups", "DOI": "10.1000/xyz"},
        {"id": "b", "type": "article-journal", "title": "Leading groups (copy)", "DOI": "10.1000/XYZ"},
        {"id": "c", "type": "article-journal", "title": "Something else", "DOI": "10.1000/abc"}
      ]
      """
    let result = Fixture.check(["kb/lsg/g.yaml": Fixture.lsg()], bibliography: bibliography)
    let found = result.findings.filter { $0.code == "duplicate-source" }
    #expect(found.map(\.place) == ["bib.json:3:3"])
    #expect(found.first?.message.contains("'a' and 'b'") == true)
  }
}
