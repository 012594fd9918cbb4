import Testing

@testable import CSLEngine

/// The byte scan that spares most texts the markup scanner: where it answers, the text parses
/// as the scanner parses it, and everyday titles (apostrophes, dashes, other scripts) take it.
@Suite struct PlainScanTests {
  typealias SplitMix = TextCaserTests.SplitMix

  static let pairs: [RichText.QuotePair?] = [
    .english, RichText.QuotePair(open: "\u{AB}", close: "\u{BB}"),
    RichText.QuotePair(open: "\u{201E}", close: "\u{201C}"),
    RichText.QuotePair(open: "\u{300A}", close: "\u{300B}"), RichText.QuotePair(open: "\u{2018}", close: "\u{2019}"),
    RichText.QuotePair(open: "\"", close: "\""),
    // The Kelvin sign is "K" by canonical equivalence: no byte scan can vouch for a text then.
    RichText.QuotePair(open: "\u{212A}", close: "\u{37E}"), nil,
  ]

  @Test func whatTheScanPassesParsesAsTheScannerParsesIt() {
    var generator = SplitMix(state: 0x51A7)
    let pieces = [
      "a", "Z", "7", " ", "'", "'", "'", "\u{2019}", "\u{2018}", "\u{201C}", "\u{201D}", "\u{201E}", "\u{AB}", "\u{BB}",
      "\u{300A}", "\u{2013}", "\u{2014}", "\u{2026}", "e\u{301}", "\u{301}", "(", "/", "-", ".", "\t", "\r\n", "K",
      "\u{212A}", "<i>", "</i>", "&amp;", "\"", "周", "é", "\u{600}",
    ]
    var fast = 0
    var curled = 0
    for _ in 0..<8_000 {
      let text = ByteShortcutTests.text(pieces, &generator, upTo: 10)
      // (The empty text is one empty text, where the scanner finds no nodes: as before.)
      if text.isEmpty { continue }
      for quotes in Self.pairs {
        let finding = PlainScan.scan(text, quotes: quotes)
        #expect(
          RichText.parse(text, quotes: quotes) == RichText.scanned(text, quotes: quotes),
          "\(text.debugDescription) with \(String(describing: quotes))")
        if finding != .markup { fast += 1 }
        if finding == .apostrophes { curled += 1 }
      }
    }
    // The generator reaches both shortcuts often, and the scanner for the rest.
    #expect(fast > 5_000, "\(fast) texts passed")
    #expect(curled > 150, "\(curled) texts with apostrophes curled")
  }

  @Test func everydayTitlesTakeTheShortcut() {
    let cases: [(String, PlainScan.Finding)] = [
      ("Children's Health: A Review, 1990–2020", .apostrophes),
      ("O'Brien's \u{201C}Dubliners\u{201D}", .markup),  // the locale's opening mark
      ("Pages 12\u{2013}19 \u{2014} and \u{2026} more", .asIs),
      ("论中国的领导小组", .asIs),
      ("'Tis the season", .markup),  // opens at the start
      ("rock 'n' roll", .markup),  // after a space
      ("l'e\u{301}cole", .apostrophes),
      ("l'\u{301}cole", .markup),  // a mark joins the apostrophe: not a character of its own
      ("Smith & Wesson", .markup),
    ]
    for (text, expected) in cases {
      #expect(PlainScan.scan(text, quotes: .english) == expected, "\(text)")
      #expect(RichText.parse(text) == RichText.scanned(text), "\(text)")
    }
    #expect(RichText.parse("Children's") == .text("Children\u{2019}s"))
    #expect(PlainScan.scan("Kant", quotes: RichText.QuotePair(open: "\u{212A}", close: "\u{37E}")) == .markup)
  }
}
