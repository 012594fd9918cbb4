import Testing

@testable import CSLEngine

/// Number parts are classified from their bytes when ASCII (`NumberValue.isMasterNumber`,
/// `isDigitsThenLowercase`): the answers equal the character-by-character reading.
@Suite struct NumberBytesTests {
  static let pieces = ["1", "23", "0", "i", "x", "v", "iv", "a", "b", "Z", "-", ",", ":", " ", ".", "\r\n", "é", "٣"]

  @Test func byteAndCharacterReadingsAgree() {
    var generator = TextCaserTests.SplitMix(state: 7)
    var masters = 0
    var ranges = 0
    for _ in 0..<20_000 {
      var text = ""
      for _ in 0..<Int(generator.next() % 6) { text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }
      let master = NumberValue.isMasterNumber(text)
      #expect(master == NumberValue.isMasterNumberByCharacters(text), "\(text.debugDescription)")
      let range = NumberValue.isDigitsThenLowercase(text)
      #expect(range == NumberValue.isDigitsThenLowercaseByCharacters(text), "\(text.debugDescription)")
      if master { masters += 1 }
      if range { ranges += 1 }
    }
    // Both answers occur.
    #expect(masters > 1_000 && masters < 19_000 && ranges > 500 && ranges < 19_000, "\(masters) \(ranges)")
  }

  /// Page-range ends read on bytes (`expandedRangeEnd`, `minimized`) equal the character
  /// reading, for texts of digits, letters and other characters.
  @Test func rangeEndsOnBytesMatchCharacters() {
    var generator = TextCaserTests.SplitMix(state: 19)
    let alphabet = ["1", "2", "0", "9", "a", "b", "-", " ", "é", "\r\n", "١"]
    func text() -> String {
      (0..<Int(generator.next() % 6)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
    }
    var expanded = 0
    for _ in 0..<20_000 {
      let (first, second) = (text(), text())
      let end = NumberValue.expandedRangeEnd(first, second)
      #expect(
        end == NumberValue.expandedRangeEndByCharacters(first, second),
        "\(first.debugDescription) \(second.debugDescription)")
      if end != second { expanded += 1 }
      for keep in [0, 2] {
        #expect(
          NumberValue.minimized(first, second, keep: keep)
            == NumberValue.minimizedByCharacters(first, second, keep: keep),
          "\(first.debugDescription) \(second.debugDescription) \(keep)")
      }
    }
    #expect(expanded > 1_000, "\(expanded)")
  }

  /// White space decided on the byte for ASCII equals the Unicode property.
  @Test func whitespaceOnBytesMatchesTheProperty() {
    let characters: [Character] =
      (0..<128).compactMap { Unicode.Scalar($0).map(Character.init) } + [
        "\r\n", "\u{A0}", "\u{2003}", "\u{85}", "é", "\u{3000}", "a\u{301}",
      ]
    for character in characters {
      #expect(character.isWhitespaceByASCII == character.isWhitespace, "\(character.debugDescription)")
    }
  }

  /// A style's affixes come from the run's cache as they were parsed.
  @Test func cachedAffixesEqualTheirParse() {
    let cache = RenderCache()
    for affix in [", ", " (", "\"", "'s ", "<i>x</i>", ", ", " (", "&amp;"] {
      #expect(cache.affix(affix) == Renderer.affix(affix), "\(affix.debugDescription)")
    }
  }
}
