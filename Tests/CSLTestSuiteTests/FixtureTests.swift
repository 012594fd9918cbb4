import CSLStyle
import CSLTestSuite
import Testing

struct FixtureTests {
  static let style = """
    <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
      <info><id/><title/></info>
      <citation><layout><text variable="title" font-style="italic"/></layout></citation>
      <bibliography><layout><text variable="title"/></layout></bibliography>
    </style>
    """

  func fixture(mode: String, result: String, extra: String = "") -> String {
    """
    \u{FEFF}A note outside sections is ignored.
    >>===== MODE =====>>
    \(mode)
    <<===== MODE =====<<
    >>===== RESULT =====>>
    \(result)
    <<===== RESULT =====<<
    >>== CSL ==>>
    \(Self.style)
    <<== CSL ==<<
    >>===== INPUT =====>>
    [{"id": "a", "type": "book", "title": "Alpha & Omega"}, {"id": "b", "type": "book", "title": "Beta"}]
    <<===== INPUT =====<<
    \(extra)
    """
  }

  @Test func parsesSectionsWithAnyNumberOfEqualsSigns() {
    let parsed = Fixture.parse(fixture(mode: "citation", result: "x"), name: "t.txt")
    #expect(parsed.mode == "citation")
    #expect(parsed.result == "x")
    #expect(parsed.style.contains("<citation>"))
    #expect(parsed.sections["INPUT"]?.contains("Alpha") == true)
  }

  @Test func citationModeCitesAllItemsAsOneCitation() {
    let runner = FixtureRunner(locales: LocaleStore(files: [:]))
    let result = runner.run(
      Fixture.parse(fixture(mode: "citation", result: "<i>Alpha &#38; Omega</i><i>Beta</i>"), name: "t"))
    #expect(result.passed, "got \(result.actual)")
  }

  @Test func bibliographyModeWrapsEntries() {
    let runner = FixtureRunner(locales: LocaleStore(files: [:]))
    let expected = """
      <div class="csl-bib-body">
        <div class="csl-entry">Alpha &#38; Omega</div>
        <div class="csl-entry">Beta</div>
      </div>
      """
    let result = runner.run(Fixture.parse(fixture(mode: "bibliography", result: expected), name: "t"))
    #expect(result.passed, "got \(result.actual)")
  }

  @Test func citationItemsGiveOneLinePerCitation() {
    let items = """
      >>===== CITATION-ITEMS =====>>
      [[{"id": "b"}], [{"id": "a"}]]
      <<===== CITATION-ITEMS =====<<
      """
    let runner = FixtureRunner(locales: LocaleStore(files: [:]))
    let result = runner.run(
      Fixture.parse(fixture(mode: "citation", result: "<i>Beta</i>\n<i>Alpha &#38; Omega</i>", extra: items), name: "t")
    )
    #expect(result.passed, "got \(result.actual)")
  }

  @Test func replayedCitationsMarkTheLastStep() {
    let steps = """
      >>===== CITATIONS =====>>
      [
        [{"citationID": "C1", "citationItems": [{"id": "a"}], "properties": {"noteIndex": 1}}, [], []],
        [{"citationID": "C2", "citationItems": [{"id": "b"}], "properties": {"noteIndex": 2}}, [["C1", 1]], []]
      ]
      <<===== CITATIONS =====<<
      """
    let runner = FixtureRunner(locales: LocaleStore(files: [:]))
    let expected = "..[0] <i>Alpha &#38; Omega</i>\n>>[1] <i>Beta</i>"
    let result = runner.run(Fixture.parse(fixture(mode: "citation", result: expected, extra: steps), name: "t"))
    #expect(result.passed, "got \(result.actual)")
  }

  @Test func brokenStyleFailsWithDiagnosticsInsteadOfCrashing() {
    let text = fixture(mode: "citation", result: "x").replacingOccurrences(of: "</citation>", with: "")
    let result = FixtureRunner(locales: LocaleStore(files: [:])).run(Fixture.parse(text, name: "t"))
    #expect(!result.passed)
    #expect(result.diagnostics.contains { $0.code == "xml-syntax" })
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound] + replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
