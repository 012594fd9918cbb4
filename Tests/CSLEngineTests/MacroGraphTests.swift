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
}
