import BibModel
import CSLEngine
import CSLStyle
import Testing

/// Groups of colliding cites from 256 items on are searched on their own, their renderings
/// made on all cores: they must end as a small group does, every item told apart by the
/// step that can tell it apart.
@Suite struct LargeGroupTests {
  static func processor(citation: String, layout: String, references: [Reference]) throws -> Processor {
    let text = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><id/><title/></info>
        <citation \(citation)><layout delimiter="; ">\(layout)</layout></citation>
        <bibliography><sort><key variable="title"/></sort><layout>\(layout)</layout></bibliography>
      </style>
      """
    let style = try #require(StyleParser.parse(text).style)
    let locale = #"<locale xmlns="http://purl.org/net/xbiblio/csl" xml:lang="en-US"><terms/></locale>"#
    let (resolved, _) = LocaleStore(files: ["en-US": locale]).resolve(style: style, language: nil)
    return Processor(style: style, locale: resolved, references: references)
  }

  /// `count` works by one author in one year, told apart by title only.
  static func works(_ count: Int) -> [Reference] {
    (0..<count).map { index in
      Reference(
        id: "w\(index)", type: "book", variables: ["title": "Work \(1000 + index)"],
        names: ["author": [Name(family: "Doe", given: "Jane")]], dates: ["issued": DateValue(year: 2001)])
    }
  }

  @Test(arguments: [3, 300, 700])
  func theDisambiguateConditionTellsEveryItemApart(count: Int) throws {
    let layout = """
      <group delimiter=", "><names variable="author"><name form="short"/></names><date variable="issued">\
      <date-part name="year"/></date><choose><if disambiguate="true"><text variable="title"/></if></choose></group>
      """
    let references = Self.works(count)
    let processor = try Self.processor(citation: "", layout: layout, references: references)
    let citations = references.map { Citation(cites: [Cite(id: $0.id)]) }
    let output = processor.process(citations: citations, format: PlainTextFormat())
    #expect(output.citations == (0..<count).map { "Doe, 2001, Work \(1000 + $0)" })
  }

  @Test(arguments: [3, 300, 700])
  func yearSuffixesNumberEveryItemInBibliographyOrder(count: Int) throws {
    let layout = """
      <group delimiter=" "><names variable="author"><name form="short"/></names><group><date variable="issued">\
      <date-part name="year"/></date><text variable="year-suffix"/></group></group>
      """
    let references = Self.works(count)
    let processor = try Self.processor(
      citation: #"disambiguate-add-names="true" disambiguate-add-year-suffix="true""#, layout: layout,
      references: references)
    let citations = references.map { Citation(cites: [Cite(id: $0.id)]) }
    let output = processor.process(citations: citations, format: PlainTextFormat())
    #expect(Set(output.citations).count == count)
    #expect(output.citations.first == "Doe 2001a")
    let suffixes = output.citations.map { $0.dropFirst("Doe 2001".count) }
    // Bibliography order is title order, the items' own order here: suffixes run a, b, … z, aa.
    #expect(suffixes.map(\.count) == suffixes.map(\.count).sorted())
  }
}
