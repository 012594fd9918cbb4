import BibModel
import CSLStyle
import Testing

@testable import CSLEngine

/// Shortcuts that read text from its bytes, or skip work no rule needs, must answer as the
/// character-by-character reading they stand in for: number values split into joiners and
/// particles, markup scanned, sort keys folded, and plain text gathered without some tags.
/// Each is checked against its reference on generated text made of the characters that
/// matter (joiners, marks, quotes, combining marks, CR LF, characters canonically equal to
/// ASCII ones).
@Suite struct ByteShortcutTests {
  typealias SplitMix = TextCaserTests.SplitMix

  static func text(_ pieces: [String], _ generator: inout SplitMix, upTo length: Int) -> String {
    (0..<Int.random(in: 0...length, using: &generator)).map { _ in
      pieces.randomElement(using: &generator) ?? ""
    }.joined()
  }

  /// The particle split read character by character, as `NumberValue.splitParticle` read
  /// every value before its byte path: the last split into a particle (digits, ASCII letters,
  /// zeros) and a number (digits, then ASCII letters, `-` or `,`).
  static func splitParticleByCharacters(_ text: String) -> (String, String) {
    let characters = Array(text)
    func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
    func isLetter(_ character: Character) -> Bool { NumberValue.isASCIILetter(character) }
    func isParticle(_ part: ArraySlice<Character>) -> Bool {
      let rest = part.drop(while: isDigit)
      let letters = rest.prefix(while: isLetter)
      return !letters.isEmpty && rest.dropFirst(letters.count).allSatisfy { $0 == "0" }
    }
    func isNumber(_ part: ArraySlice<Character>) -> Bool {
      let rest = part.drop(while: isDigit)
      return rest.count < part.count && rest.allSatisfy { isLetter($0) || $0 == "-" || $0 == "," }
    }
    for split in stride(from: characters.count - 1, through: 1, by: -1)
    where isParticle(characters[..<split]) && isNumber(characters[split...]) {
      return (String(characters[..<split]), String(characters[split...]))
    }
    return ("", text)
  }

  @Test func particlesSplitOnBytesAsOnCharacters() {
    var generator = SplitMix(state: 0xA11CE)
    let pieces = ["1", "2", "0", "a", "B", "z", "e", "-", ",", " ", ".", "é", "e\u{301}", "\r\n", "\u{212A}", "7"]
    var split = 0
    for _ in 0..<20_000 {
      let value = Self.text(pieces, &generator, upTo: 8)
      let fast = NumberValue.splitParticle(value)
      let reference = Self.splitParticleByCharacters(value)
      #expect(fast == reference, "\(value.debugDescription)")
      if !fast.0.isEmpty { split += 1 }
    }
    #expect(split > 500, "\(split) values split")
  }

  @Test func joinersAreFoundAsWhenEveryCharacterIsAsked() {
    var generator = SplitMix(state: 0x101E)
    let pieces = [
      "&", ",", ";", " ", "\u{A0}", "\u{3000}", "-", "\u{2013}", "\\", "and", "und", "12", "a", "p.", "\r\n", "\t",
      "e\u{301}", "&\u{301}", "x",
    ]
    var joined = 0
    for _ in 0..<10_000 {
      let characters = Array(Self.text(pieces, &generator, upTo: 10))
      for hyphenJoins in [true, false] {
        let fast = NumberValue.split(characters, hyphenJoins: hyphenJoins, localAnd: "und", ampersand: "&")
        let reference = NumberValue.split(
          characters, hyphenJoins: hyphenJoins, localAnd: "und", ampersand: "&", skipping: false)
        #expect(fast == reference, "\(String(characters).debugDescription)")
        if fast.count > 1 { joined += 1 }
      }
    }
    #expect(joined > 5_000, "\(joined) values with joiners")
  }

  @Test func markupScansAlikeWithPlainBytesCopied() {
    var generator = SplitMix(state: 0x7A65)
    let pieces = [
      "<i>", "</i>", "<b>", "</b>", "<span class=\"nocase\">", "</span>", "\"", "'", "&amp;", "&", "a", " ", "\u{201C}",
      "\u{201D}", "\u{AB}", "\u{BB}", "\u{2018}", "\u{2019}", "\r\n", "\n", "K", "\u{212A}", ";", "\u{37E}", "x", "1",
      "<", ">", "e\u{301}",
    ]
    let pairs: [RichText.QuotePair?] = [
      .english, RichText.QuotePair(open: "\u{AB}", close: "\u{BB}"),
      // Characters canonically equal to "K" and ";": they must stop the byte copy too.
      RichText.QuotePair(open: "\u{212A}", close: "\u{37E}"), RichText.QuotePair(open: "K", close: ";"), nil,
    ]
    var marked = 0
    for _ in 0..<6_000 {
      let text = Self.text(pieces, &generator, upTo: 12)
      for quotes in pairs {
        let fast = RichText.parse(text, quotes: quotes)
        let reference = RichText.parse(text, quotes: quotes, copyingPlainBytes: false)
        #expect(fast == reference, "\(text.debugDescription) with \(String(describing: quotes))")
        if fast != .text(text) { marked += 1 }
      }
    }
    #expect(marked > 5_000, "\(marked) texts with markup read")
  }

  @Test func sortKeysFoldOnBytesAsOnCharacters() throws {
    var generator = SplitMix(state: 0x5027)
    let pieces = [
      "a", "B", "c", "h", "C", "H", "1", " ", ",", "'", "\r\n", "\r", "\n", "e\u{301}", "é", "\u{600}", "č", "c\u{30C}",
      "周", "王", "\u{212A}", "ß", "\u{FE0F}", "x",
    ]
    for locale in ["en-US", "cs-CZ", "zh-CN"] {
      let processor = try SortTextTests.processor(locale: locale)
      for _ in 0..<5_000 {
        let text = Self.text(pieces, &generator, upTo: 10)
        let fast = SortTextTests.key(processor.sortText(text))
        let reference = SortTextTests.key(processor.sortTextByCharacters(text))
        #expect(fast == reference, "\(locale): \(text.debugDescription)")
      }
    }
  }

  @Test func sortKeysFoldTwoByteScalarsFromTheTableAsOnCharacters() throws {
    // Every two-byte scalar, alone, before and after ASCII, before a combining mark, beside
    // another of its kind and before two-byte scalars that join it (Cyrillic, Hebrew and
    // Arabic marks) or do not (letters, a soft hyphen, an Arabic sign that prepends), under
    // locales with and without tailorings and script orders.
    var compared = 0
    let neighbours = ["\u{483}", "\u{5B0}", "\u{64B}", "\u{600}", "\u{AD}", "ж", "λ", "\u{5D0}"]
    for locale in ["en-US", "cs-CZ", "pl-PL", "sv-SE", "tr-TR", "zh-CN", "ru-RU", "el-GR"] {
      let processor = try SortTextTests.processor(locale: locale)
      for value in 0x80...0x7FF {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let letter = String(Character(scalar))
        var texts = [
          letter, letter + "b", "Ab" + letter, letter + "\u{301}z", letter + letter + "C", "c" + letter + "h",
        ]
        texts += neighbours.map { letter + $0 + "d" }
        for text in texts {
          let fast = SortTextTests.key(processor.sortText(text))
          let reference = SortTextTests.key(processor.sortTextByCharacters(text))
          #expect(fast == reference, "\(locale): \(text.debugDescription)")
          compared += 1
        }
      }
    }
    #expect(compared == 8 * 1_920 * 14)
  }

  @Test func plainTextSkipsTagsAsReplacingThemWithNothing() {
    var generator = SplitMix(state: 0x9A7)
    var differs = 0
    for _ in 0..<5_000 {
      let node = NodeStartTests.tree(
        &generator, depth: 5, tags: [.nameLabel, .yearSuffix, .name], leaves: ["", "a", " b", "é", "\u{201C}"])
      for skipped in [NodeTag.nameLabel, .yearSuffix] {
        let reference = node.replacing(where: { $0 == skipped }) { _ in .empty }.plainText
        #expect(node.plainText(skipping: skipped) == reference, "\(node)")
        if reference != node.plainText { differs += 1 }
      }
    }
    #expect(differs > 1_000, "\(differs) trees lose text")
  }
}
