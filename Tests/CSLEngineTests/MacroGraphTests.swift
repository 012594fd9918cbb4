import CSLStyle
import Testing

@testable import CSLEngine

/// The macros on a cycle are found (so they are cut, not rendered forever), and a long chain
/// without a cycle is walked in linear time.
@Suite struct MacroGraphTests {
  static func style(_ macros: String) throws -> CSL.Style {
    let parsed = StyleParser.parse(
      """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><title>T</title><id>t</id><updated>2026-12-04T00:00:00+00:00</updated></info>
        \(macros)
        <citation><layout><text variable="title"/></layout></citation>
      </style>
      """, file: "g.csl")
    return try #require(parsed.style)
  }

  /// What the bibliography can reach: its layout and its macro sort keys, through the macros
  /// they call, never the citation's own (a `disambiguate` test there leaves a bibliography
  /// without citations nothing to read of that step).
  @Test func bibliographyReachesThroughItsLayoutAndSortKeysOnly() throws {
    func style(layout: String, sort: String) throws -> CSL.Style {
      let parsed = StyleParser.parse(
        """
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
          <info><title>T</title><id>t</id><updated>2026-12-04T00:00:00+00:00</updated></info>
          <macro name="tested"><choose><if disambiguate="true"><text variable="title"/></if></choose></macro>
          <macro name="calls"><group><text macro="tested"/></group></macro>
          <macro name="plain"><text variable="title"/></macro>
          <citation><layout><text macro="tested"/></layout></citation>
          <bibliography><sort>\(sort)</sort><layout>\(layout)</layout></bibliography>
        </style>
        """, file: "b.csl")
      return try #require(parsed.style)
    }
    let citationOnly = try style(layout: #"<text macro="plain"/>"#, sort: #"<key macro="plain"/>"#)
    #expect(!MacroGraph.bibliographyTestsCondition(citationOnly, where: \.isDisambiguate))
    let throughLayout = try style(layout: #"<text macro="calls"/>"#, sort: "")
    #expect(MacroGraph.bibliographyTestsCondition(throughLayout, where: \.isDisambiguate))
    let throughSortKey = try style(layout: #"<text macro="plain"/>"#, sort: #"<key macro="calls"/>"#)
    #expect(MacroGraph.bibliographyTestsCondition(throughSortKey, where: \.isDisambiguate))
  }

  @Test func cyclesAndSelfCallsAreRecursiveOthersAreNot() throws {
    let style = try Self.style(
      #"<macro name="a"><text macro="b"/></macro><macro name="b"><text macro="a"/></macro>"#
        + #"<macro name="c"><text macro="c"/></macro><macro name="d"><text macro="a"/><text variable="title"/></macro>"#
        + #"<macro name="e"><text variable="title"/></macro>"#)
    #expect(MacroGraph.recursiveMacros(style) == ["a", "b", "c"])
  }

  @Test func longChainIsLinear() throws {
    var macros = #"<macro name="m0"><text variable="title"/></macro>"#
    for level in 1..<15_000 { macros += #"<macro name="m\#(level)"><text macro="m\#(level - 1)"/></macro>"# }
    let style = try Self.style(macros)
    let clock = ContinuousClock()
    var found: Set<String> = ["unset"]
    let elapsed = clock.measure { found = MacroGraph.recursiveMacros(style) }
    #expect(found.isEmpty)
    // The quadratic walk took about 25 s; a generous bound for a loaded machine.
    #expect(elapsed < .seconds(5))
  }

  /// Only the macros the citation layout calls are judged, with those they call: one that
  /// reads the locator (directly, through a label or a condition, or in a macro it calls) or
  /// tests `disambiguate` cannot be kept; a macro only the bibliography calls is not judged.
  @Test func citeMemoizableVerdictsFollowWhatEachMacroReads() throws {
    let parsed = StyleParser.parse(
      """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><title>T</title><id>t</id><updated>2026-12-04T00:00:00+00:00</updated></info>
        <macro name="author"><names variable="author"/></macro>
        <macro name="year"><date variable="issued"><date-part name="year"/></date></macro>
        <macro name="pages"><group><label variable="locator" form="short"/><text variable="locator"/></group></macro>
        <macro name="wraps-pages"><text macro="pages"/></macro>
        <macro name="ambiguous"><choose><if disambiguate="true"><text variable="title"/></if></choose></macro>
        <macro name="paged"><choose><if locator="page"><text value="p"/></if></choose></macro>
        <macro name="bibliography-only"><text variable="title"/></macro>
        <citation><layout><group delimiter=" "><text macro="author"/><text macro="year"/>
          <text macro="wraps-pages"/><text macro="ambiguous"/><text macro="paged"/></group></layout></citation>
        <bibliography><layout><text macro="bibliography-only"/></layout></bibliography>
      </style>
      """, file: "m.csl")
    let style = try #require(parsed.style)
    let verdicts = MacroGraph.citeMemoizableMacros(style) { style.macros[$0] != nil }
    #expect(verdicts["author"] == true)
    #expect(verdicts["year"] == true)
    #expect(verdicts["pages"] == false)
    #expect(verdicts["wraps-pages"] == false)
    #expect(verdicts["ambiguous"] == false)
    #expect(verdicts["paged"] == false)
    #expect(verdicts["bibliography-only"] == nil)
    // A macro that does not render (recursive, or cut) is never kept.
    let cut = MacroGraph.citeMemoizableMacros(style) { $0 != "year" }
    #expect(cut["year"] != true)
    #expect(cut["author"] == true)
  }
}
