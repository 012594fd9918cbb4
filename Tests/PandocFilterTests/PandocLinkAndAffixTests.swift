import BibModel
import PandocFilter
import Testing

/// `link-citations` per item and formatted prefixes and suffixes, as pandoc's citeproc writes them.
@Suite struct PandocLinkAndAffixTests {
  typealias F = PandocFixtures

  static let links = #""link-citations":{"t":"MetaBool","c":true}"#
  static let authorDate = #""csl":\#(F.metaString("cited-author-date"))"#

  /// The `Cite` nodes' rendered inlines.
  static func citeInlines(_ document: PandocDocument) -> [[JSONValue]] {
    F.nodes("Cite", in: .array(document.blocks)).map { PandocNode.content($0)?.arrayValue?.last?.arrayValue ?? [] }
  }

  static func target(_ link: JSONValue) -> String? {
    PandocNode.content(link)?.arrayValue?.last?.arrayValue?.first?.stringValue
  }

  @Test func eachItemOfAClusterLinksToItsEntryAffixesOutside() throws {
    let prefix = #"[{"t":"Emph","c":[\#(F.str("see"))]}]"#
    let suffix =
      #"[\#(F.str(",")),\#(F.space),\#(F.str("p.\u{a0}4")),\#(F.space),{"t":"Strong","c":[\#(F.str("bold"))]}]"#
    let (document, warnings) = try F.run(
      F.document(
        meta: [Self.links, Self.authorDate],
        F.para(F.cite(F.citation("smith", prefix: prefix, suffix: suffix), F.citation("doe")))))
    #expect(warnings.isEmpty)
    let inlines = try #require(Self.citeInlines(document).first)
    let links = inlines.filter { PandocNode.tag($0) == "Link" }
    #expect(links.compactMap(Self.target).sorted() == ["#ref-doe", "#ref-smith"])
    // The formatted prefix and suffix stay formatted and outside the links; the locator is inside.
    let emph = inlines.filter { PandocNode.tag($0) == "Emph" }
    let strong = inlines.filter { PandocNode.tag($0) == "Strong" }
    #expect(emph.map { PandocNode.plainText([$0]) } == ["see"])
    #expect(strong.map { PandocNode.plainText([$0]) } == ["bold"])
    let smithLink = links.first { Self.target($0) == "#ref-smith" }
    #expect(smithLink.map { PandocNode.plainText([$0]) }?.contains("4") == true)
    #expect(smithLink.map { PandocNode.plainText([$0]) }?.contains("bold") == false)
  }

  @Test func authorInTextLinksTheRestNotTheName() throws {
    let (document, _) = try F.run(
      F.document(meta: [Self.links, Self.authorDate], F.para(F.cite(F.citation("doe", mode: "AuthorInText")))))
    let inlines = try #require(Self.citeInlines(document).first)
    #expect(PandocNode.plainText(Array(inlines.prefix(1))) == "Doe")
    let links = F.nodes("Link", in: .array(inlines))
    #expect(links.count == 1 && links.first.flatMap(Self.target) == "#ref-doe")
    #expect(links.first.map { PandocNode.plainText([$0]) }?.contains("Doe") == false)
  }

  @Test func noLinksForNoteStylesOrASuppressedBibliography() throws {
    let notes = #""csl":\#(F.metaString("chicago-notes-multilingual"))"#
    let suppressed = #""suppress-bibliography":{"t":"MetaBool","c":true}"#
    for meta in [[Self.links, notes], [Self.links, Self.authorDate, suppressed]] {
      let (document, _) = try F.run(F.document(meta: meta, F.para(F.cite(F.citation("smith"), F.citation("doe")))))
      let links = F.nodes("Link", in: .array(document.blocks)).compactMap(Self.target)
      #expect(!links.contains { $0.hasPrefix("#ref-") })
    }
  }

  @Test func anAmpersandInAFormattedAffixStaysOneAmpersand() throws {
    let prefix = #"[{"t":"Emph","c":[\#(F.str("A&B"))]},\#(F.space),\#(F.str("&amp;"))]"#
    let (document, _) = try F.run(
      F.document(meta: [Self.authorDate], F.para(F.cite(F.citation("smith", prefix: prefix)))))
    let text = PandocNode.plainText(try #require(Self.citeInlines(document).first))
    #expect(text.contains("A&B &amp; Smith"))
  }
}
