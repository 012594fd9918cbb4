import BibModel
import CSLStyle
import Testing

@testable import CSLEngine

/// Disambiguation renders every cited item once under its settings; where an item keeps those
/// settings to the end, its citation prints that rendering (`KeptCites`) instead of rendering
/// again. What the citations print must not change for it.
@Suite struct KeptCitesTests {
  static let layout = """
    <group delimiter=" "><names variable="author"><name form="short"/></names>\
    <date variable="issued"><date-part name="year"/></date></group>
    """

  static let references = [
    Reference(
      id: "a", type: "book", variables: ["title": "First"], names: ["author": [Name(family: "Doe", given: "Jo")]],
      dates: ["issued": DateValue(year: 2001)]),
    Reference(
      id: "b", type: "book", variables: ["title": "Second"], names: ["author": [Name(family: "Doe", given: "Jo")]],
      dates: ["issued": DateValue(year: 2001)]),
    Reference(
      id: "c", type: "book", variables: ["title": "Third"], names: ["author": [Name(family: "Roe", given: "Al")]],
      dates: ["issued": DateValue(year: 2002)]),
  ]

  func processor(_ layout: String = Self.layout) throws -> Processor {
    try ProcessorTests().processor(
      layout, citationAttributes: "disambiguate-add-year-suffix=\"true\"", references: Self.references)
  }

  @Test func theKeptRenderingsAreThoseOfItemsWhoseSettingsStayed() throws {
    let processor = try processor()
    let resolved = (0..<3).map { [ResolvedCite(cite: Cite(id: "x"), referenceIndex: $0, context: CiteContext())] }
    let (states, kept) = processor.disambiguate(resolved, numbers: [0: 1, 1: 2, 2: 3], bibliographyOrder: [0, 1, 2])
    // The two works of Doe took year suffixes after they were rendered: only Roe's is kept.
    #expect(states[0]?.yearSuffix == 1 && states[1]?.yearSuffix == 2)
    #expect(kept[0] == nil && kept[1] == nil)
    let roe = try #require(kept[2]?.rendering(in: CiteContext()))
    let rendered = processor.renderItem(2, context: CiteContext(), state: DisambiguationState(), mode: .citation)
    #expect(roe.node == rendered)
    #expect(roe.node.plainText == "Roe 2002")
    // Another context (a locator) was not rendered.
    var located = CiteContext()
    located.locator = "12"
    #expect(kept[2]?.rendering(in: located) == nil)
  }

  @Test func citationsPrintTheSettingsTheyEndedWith() throws {
    let output = try processor().process(
      citations: ["a", "b", "c"].map { Citation(cites: [Cite(id: $0)]) }, format: PlainTextFormat())
    #expect(output.citations == ["Doe 2001a", "Doe 2001b", "Roe 2002"])
  }

  @Test func aSuppressedAuthorIsNotTheKeptRendering() throws {
    let output = try processor().process(
      citations: [Citation(cites: [Cite(id: "c", suppressAuthor: true)]), Citation(cites: [Cite(id: "a")])],
      format: PlainTextFormat())
    #expect(output.citations == ["2002", "Doe 2001a"])
  }

  @Test func anAccessedDateKeepsTheCitationsRenderingTheirOwn() throws {
    // Disambiguation compares cites without their accessed dates: a style whose citation
    // prints one keeps nothing.
    let layout = Self.layout + "<date variable=\"accessed\" prefix=\" seen \"><date-part name=\"year\"/></date>"
    var references = Self.references
    references[2].dates[.accessed] = DateValue(year: 2024)
    let processor = try ProcessorTests().processor(
      layout, citationAttributes: "disambiguate-add-year-suffix=\"true\"", references: references)
    #expect(!processor.keepsCiteRenderings)
    let output = processor.process(
      citations: ["a", "c"].map { Citation(cites: [Cite(id: $0)]) }, format: PlainTextFormat())
    #expect(output.citations == ["Doe 2001a", "Roe 2002 seen 2024"])
    #expect(try self.processor().keepsCiteRenderings)
  }

  @Test func aStyleThatTestsPositionKeepsNothing() throws {
    // Its renderings are compared in subsequent forms no first cite matches.
    let layout =
      "<choose><if position=\"subsequent\"><text value=\"ibid\"/></if><else>" + Self.layout + "</else></choose>"
    let processor = try ProcessorTests().processor(layout, references: Self.references)
    #expect(!processor.keepsCiteRenderings)
    let resolved = (0..<3).map { [ResolvedCite(cite: Cite(id: "x"), referenceIndex: $0, context: CiteContext())] }
    #expect(processor.disambiguate(resolved, numbers: [0: 1, 1: 2, 2: 3], bibliographyOrder: [0, 1, 2]).kept.isEmpty)
  }

  @Test func anAccessedDateIsFoundThroughMacrosItCalls() throws {
    // The citation reaches the accessed date two macros down (and through a recursive call);
    // the bibliography's own macro that prints one does not count.
    let text = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><id/><title/></info>
        <macro name="outer"><group><text macro="inner"/><text macro="outer"/></group></macro>
        <macro name="inner"><date variable="accessed"><date-part name="year"/></date></macro>
        <macro name="bib-only"><date variable="issued"><date-part name="year"/></date></macro>
        <citation><layout><text variable="title"/><text macro="%@"/></layout></citation>
        <bibliography><layout><text macro="inner"/></layout></bibliography>
      </style>
      """
    func reaches(_ macro: String) throws -> Bool {
      let style = try #require(StyleParser.parse(text.replacingOccurrences(of: "%@", with: macro)).style)
      return MacroGraph.citationReaches(style) { element in
        if case .date(let date) = element { return date.variable == .accessed }
        return false
      }
    }
    #expect(try reaches("outer"))
    #expect(try !reaches("bib-only"))
  }
}
