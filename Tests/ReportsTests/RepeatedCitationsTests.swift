import BibModel
import CSLEngine
import Testing

@testable import Reports

/// Identical citations go to the engine once, and only where that cannot change what they print.
@Suite struct RepeatedCitationsTests {
  /// Two books by the same author in the same year (year suffixes), and two other authors.
  static let references = [
    Reference(
      id: "smithA", type: "book", variables: ["title": "First Book"],
      names: ["author": [Name(family: "Smith", given: "Ann")]], dates: ["issued": DateValue(year: 2004)]),
    Reference(
      id: "smithB", type: "book", variables: ["title": "Second Book"],
      names: ["author": [Name(family: "Smith", given: "Ann")]], dates: ["issued": DateValue(year: 2004)]),
    Reference(
      id: "doe", type: "article-journal", variables: ["title": "Small Groups", "container-title": "Journal"],
      names: ["author": [Name(family: "Doe", given: "Jo")]], dates: ["issued": DateValue(year: 2010)]),
    Reference(
      id: "lee", type: "book", variables: ["title": "Commissions"],
      names: ["author": [Name(family: "Lee", given: "Kim")]], dates: ["issued": DateValue(year: 2019)]),
  ]

  /// Many citations repeating a few forms: single cites with and without pages, and pairs.
  static var citations: [Citation] {
    let keys = references.map(\.id)
    var citations: [Citation] = []
    for index in 0..<60 {
      let first = Cite(
        id: keys[(index * 7) % keys.count], locator: index % 3 == 0 ? nil : String(1 + index % 4),
        label: index % 3 == 0 ? nil : LocatorType("page"))
      let cites = index % 5 == 0 ? [first, Cite(id: keys[(index + 1) % keys.count])] : [first]
      citations.append(Citation(id: "c\(index)", cites: cites))
    }
    return citations
  }

  @Test func repeatedCitationsShareTheFirstOccurrence() {
    let a = Citation(id: "1", cites: [Cite(id: "smithA", locator: "4")])
    let b = Citation(id: "2", cites: [Cite(id: "doe")])
    let c = Citation(id: "3", cites: [Cite(id: "smithA", locator: "4")])
    let d = Citation(id: "4", cites: [Cite(id: "smithA", locator: "5")])
    let merged = RepeatedCitations([a, b, c, d], merging: true)
    #expect(merged.distinct.map(\.id) == ["1", "2", "4"])
    #expect(merged.expand(["x", "y", "z"]) == ["x", "y", "x", "z"])
    #expect(merged.expand(["x"]) == ["x", "", "x", ""])
    let kept = RepeatedCitations([a, b, c, d], merging: false)
    #expect(kept.distinct.map(\.id) == ["1", "2", "3", "4"])
  }

  /// Citations are told apart by every field of every cite, though only keys and locators
  /// are hashed: a label, a prefix, a suffix, a flag or a note number keeps a citation distinct.
  @Test func citationsDifferingOutsideKeysAndLocatorsStayDistinct() {
    let plain = Cite(id: "smithA", locator: "4", label: LocatorType("page"))
    let variants = [
      plain,
      Cite(id: "smithA", locator: "4", label: LocatorType("chapter")),
      Cite(id: "smithA", locator: "4", label: LocatorType("page"), prefix: "see "),
      Cite(id: "smithA", locator: "4", label: LocatorType("page"), suffix: ", emphasis added"),
      Cite(id: "smithA", locator: "4", label: LocatorType("page"), suppressAuthor: true),
      Cite(id: "smithA", locator: "4", label: LocatorType("page"), authorOnly: true),
    ]
    var citations = variants.enumerated().map { Citation(id: "v\($0.offset)", cites: [$0.element]) }
    citations.append(Citation(id: "n", noteIndex: 3, cites: [plain]))
    citations.append(Citation(id: "again", cites: [plain]))
    let merged = RepeatedCitations(citations, merging: true)
    #expect(merged.distinct.map(\.id) == citations.dropLast().map(\.id))
    #expect(merged.slots.last == 0)
  }

  @Test func onlyInTextStylesWithoutPositionsMerge() throws {
    let authorDate = try #require(EngineAdapterTests.renderer("author-date", references: Self.references))
    let notes = try #require(EngineAdapterTests.renderer("notes", references: Self.references))
    let (positional, _) = CSLEngineRenderer.make(
      styleText: Self.positionalStyle, file: "positional.csl", locale: nil, references: Self.references)
    #expect(RepeatedCitations.rendersAlike(authorDate.processor.compiled.style))
    #expect(!RepeatedCitations.rendersAlike(notes.processor.compiled.style))
    #expect(!RepeatedCitations.rendersAlike(try #require(positional).processor.compiled.style))
  }

  /// What the report prints equals what the engine prints when it renders every citation.
  @Test(arguments: ["author-date", "notes", "positional"])
  func renderingMatchesTheEngineOnEveryCitation(_ style: String) throws {
    let renderer =
      style == "positional"
      ? CSLEngineRenderer.make(
        styleText: Self.positionalStyle, file: "positional.csl", locale: nil, references: Self.references
      ).0
      : EngineAdapterTests.renderer(style, references: Self.references)
    let engine = try #require(renderer)
    let keys = Self.references.map(\.id)
    let ours = engine.render(Self.citations, bibliographyKeys: keys, outputFormat: PlainTextFormat())
    let direct = engine.processor.process(citations: Self.citations, bibliographyIDs: keys, format: PlainTextFormat())
    #expect(ours.citations == direct.citations)
    #expect(ours.bibliography == direct.bibliography)
    #expect(ours.citations.contains { $0.contains("2004a") } || style != "author-date")
    #expect(ours.citations.contains { $0.contains("again") } || style != "positional")
  }

  /// An in-text style whose later citations of an item differ from its first.
  static let positionalStyle = """
    <?xml version="1.0" encoding="utf-8"?>
    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <info><title>Positional</title><id>positional</id><updated>2026-01-01T00:00:00+00:00</updated></info>
      <citation>
        <layout prefix="(" suffix=")" delimiter="; ">
          <choose>
            <if position="subsequent"><text value="again "/></if>
          </choose>
          <names variable="author"><name form="short"/></names>
          <date variable="issued" prefix=" "><date-part name="year"/></date>
        </layout>
      </citation>
    </style>
    """
}
