import CSLStyle
import Testing

@testable import CSLEngine

/// Text case reads plain ASCII on its bytes and changes its words in place; any other text
/// goes character by character. The two paths must case every text alike.
@Suite struct TextCaserTests {
  /// A small seeded generator, so a failure can be replayed.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Words that exercise the rules: stop words, one letter, mixed case, clinging punctuation,
  /// openers, numbers.
  static let words = [
    "the", "of", "a", "c", "and", "vs.", "v.", "mRNA", "iPhone", "o'brien", "(and", "from:", "war", "peace",
    "Title", "UPPER", "\"big\"", "'quoted'", "[sic]", "{x}", "on", "123", "2nd", "b.", "d'", "under",
    "underneath", "through", "'", "(", "((a", "x", "ibid.", "'s", "e", "(i)", "pH", "de", "von",
    // Texts with these take the character path: ASCII letters beside marks and other scripts.
    "café", "naïve", "e\u{0301}cole", "\u{0600}1", "Ærø", "理论", "—", "–", "\u{00A0}", "ﬁeld", "Ωmega", "r\r\nn",
  ]
  static let separators = [" ", "-", "/", ": ", "? ", "! ", "  ", " \t", ", ", " (", "\n"]

  static func text(_ generator: inout SplitMix) -> String {
    var text = ""
    for index in 0..<Int.random(in: 1...7, using: &generator) {
      if index > 0 || Bool.random(using: &generator) && Bool.random(using: &generator) {
        text += separators.randomElement(using: &generator) ?? " "
      }
      text += words.randomElement(using: &generator) ?? "a"
    }
    return text
  }

  /// The text cut into one to three leaves, sometimes behind straight quotes or beside a
  /// nocase span, so word state crosses leaves.
  static func tree(_ text: String, _ generator: inout SplitMix) -> Node {
    let characters = Array(text)
    var cuts = (0..<Int.random(in: 0...2, using: &generator)).map { _ in
      Int.random(in: 0...characters.count, using: &generator)
    }
    cuts.sort()
    var leaves: [Node] = []
    var start = 0
    for cut in cuts + [characters.count] {
      leaves.append(.text(String(characters[start..<cut])))
      start = cut
    }
    switch Int.random(in: 0..<4, using: &generator) {
    case 0: return .sequence([.tagged(.straightQuote, leaves)])
    case 1: return .sequence(leaves + [.nocase([.text(" NoCase")]), .text(" after all")])
    default: return .sequence(leaves)
    }
  }

  static func cased(_ node: Node, _ textCase: CSL.TextCase, english: Bool, asciiPaths: Bool) -> Node {
    var caser = TextCaser(textCase, english: english)
    caser.asciiPaths = asciiPaths
    return caser.applyAll(node)
  }

  @Test func everyCaseOnBytesMatchesCharacters() {
    var generator = SplitMix(state: 15)
    let cases: [CSL.TextCase] = [.title, .capitalizeAll, .capitalizeFirst, .sentence, .lowercase, .uppercase]
    var titleChanges = 0
    for _ in 0..<3_000 {
      let text = Self.text(&generator)
      let node = Self.tree(text, &generator)
      for textCase in cases {
        let bytes = Self.cased(node, textCase, english: true, asciiPaths: true)
        let characters = Self.cased(node, textCase, english: true, asciiPaths: false)
        #expect(bytes == characters, "\(textCase) of \(text.debugDescription)")
        if textCase == .title && bytes != node { titleChanges += 1 }
      }
    }
    // The inputs make title case do something most of the time.
    #expect(titleChanges > 2_000)
  }

  @Test func titleCaseChangesWhatTheRulesSay() {
    let node = Node.sequence([.text("the war of the worlds: a c-section vs. mRNA and o'brien")])
    let cased = Self.cased(node, .title, english: true, asciiPaths: true)
    #expect(cased.plainText == "The War of the Worlds: A c-Section vs. mRNA and O'brien")
    #expect(Self.cased(node, .title, english: false, asciiPaths: true) == node)
  }

  @Test func wordHelpersMatchCharacters() {
    var generator = SplitMix(state: 7)
    let alphabet = Array("aAbzZ'\".([{-:,;!?0 é")
    for _ in 0..<5_000 {
      let word = String(
        (0..<Int.random(in: 0...6, using: &generator)).compactMap { _ in alphabet.randomElement(using: &generator) })
      #expect(TextCaser.capitalized(word) == TextCaser.capitalizedCharacters(word), "\(word.debugDescription)")
      #expect(TextCaser.core(word) == TextCaser.coreCharacters(word), "\(word.debugDescription)")
      if let ascii = TextCaser.capitalizedASCII(word) {
        #expect(ascii == TextCaser.capitalizedCharacters(word), "\(word.debugDescription)")
      } else {
        #expect(!word.isPlainASCII)
      }
    }
  }

  @Test func packedStopWordsMatchTheSet() {
    var generator = SplitMix(state: 11)
    // Every stop word, each with a letter more and a letter less, and random short words
    // (NUL bytes included: a packed word keeps its length apart).
    var candidates = TextCaser.stopWords.flatMap { [$0, $0 + "s", String($0.dropLast())] }
    let alphabet = Array("aeiostnv.'\u{0}")
    for _ in 0..<20_000 {
      candidates.append(
        String(
          (0..<Int.random(in: 0...5, using: &generator)).compactMap { _ in alphabet.randomElement(using: &generator) }))
    }
    var found = 0
    for word in candidates where word.utf8.allSatisfy({ $0 < 0x80 }) {
      let packed = Array(word.utf8).withUnsafeBufferPointer { TextCaser.isStopWord($0) }
      #expect(packed == TextCaser.stopWords.contains(word), "\(word.debugDescription)")
      if packed { found += 1 }
    }
    #expect(found > 100)
  }

  @Test func plainASCIIMeansOneByteACharacter() {
    var generator = SplitMix(state: 3)
    let alphabet = Array("ab \r\n\té-")
    for length in [0, 1, 5, 15, 16, 40, 200] {
      for _ in 0..<200 {
        let text = String((0..<length).compactMap { _ in alphabet.randomElement(using: &generator) })
        #expect(text.isPlainASCII == text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }, "\(text.debugDescription)")
      }
    }
  }

  @Test func loneASCIIIsACharacterOfItsOwn() {
    // Characters: a, b, CR LF, e with a combining acute, x, full stop.
    let text = "ab\r\ne\u{0301}x."
    let lone = text.indices.map { text.utf8.loneASCII(at: $0) }
    #expect(lone == [0x61, 0x62, nil, nil, 0x78, 0x2E])
  }
}
