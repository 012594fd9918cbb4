import Testing

@testable import CSLStyle

/// The decoration's summaries answer as reading its attributes one by one does.
@Suite struct DecorationTests {
  static func decorations() -> [CSL.Decoration] {
    var all: [CSL.Decoration] = [CSL.Decoration()]
    func with(_ change: (inout CSL.Decoration) -> Void) {
      var decoration = CSL.Decoration()
      change(&decoration)
      all.append(decoration)
    }
    with { $0.prefix = "(" }
    with { $0.prefix = "" }
    with { $0.suffix = ")" }
    with { $0.suffix = "" }
    with { $0.display = .block }
    with { $0.quotes = true }
    with { $0.stripPeriods = true }
    with { $0.textCase = .title }
    with { $0.formatting.fontStyle = .italic }
    with { $0.formatting.verticalAlign = .sup }
    with {
      $0.prefix = "["
      $0.display = .indent
    }
    with {
      $0.prefix = "x"
      $0.prefix = nil
    }
    return all
  }

  @Test func summariesMatchTheAttributes() {
    for decoration in Self.decorations() {
      let plain =
        decoration.prefix == nil && decoration.suffix == nil && decoration.textCase == nil && !decoration.quotes
        && !decoration.stripPeriods && decoration.formatting.isEmpty
      #expect(decoration.isPlainApartFromDisplay == plain)
      #expect(decoration.hasPrefix == !(decoration.prefix ?? "").isEmpty)
      #expect(decoration.hasSuffix == !(decoration.suffix ?? "").isEmpty)
    }
    #expect(CSL.Decoration().isPlainApartFromDisplay)
    var display = CSL.Decoration()
    display.display = .block
    #expect(display.isPlainApartFromDisplay)
  }
}
