import Testing

@testable import CSLStyle

/// Macros that call the next one twice (2^29 calls from 2 KB of style) are found before
/// rendering, reported by validation, and never expanded; ordinary styles are untouched.
@Suite struct MacroExpansionTests {
  static func style(levels: Int) -> String {
    var macros = #"<macro name="m0"><text variable="title"/></macro>"#
    for level in 1..<levels {
      macros += #"<macro name="m\#(level)"><text macro="m\#(level - 1)"/><text macro="m\#(level - 1)"/></macro>"#
    }
    return """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><title>T</title><id>t</id><updated>2026-12-04T00:00:00+00:00</updated></info>
        \(macros)
        <citation><layout><text macro="m\(levels - 1)"/></layout></citation>
      </style>
      """
  }

  @Test func fanOutIsReported() throws {
    let parsed = StyleParser.parse(Self.style(levels: 30), file: "fan.csl")
    let style = try #require(parsed.style)
    #expect(MacroExpansion.oversized(style).contains("m29"))
    #expect(!MacroExpansion.oversized(style).contains("m5"))
    #expect(parsed.diagnostics.contains { $0.code == "csl-macro-expansion" && $0.message.contains("'m29'") })
  }

  @Test func smallFanOutIsFine() throws {
    let parsed = StyleParser.parse(Self.style(levels: 10), file: "small.csl")
    let style = try #require(parsed.style)
    #expect(MacroExpansion.oversized(style).isEmpty)
    #expect(!parsed.diagnostics.contains { $0.code == "csl-macro-expansion" })
  }
}
