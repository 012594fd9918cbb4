import Testing

@testable import CSLEngine

/// `printsLetterOrDigit` stops at the first ASCII letter or digit that begins a character of
/// its own; it must answer as asking every character of the whole plain text does, whatever
/// joins across leaves (combining marks, prepended marks, CR LF, quotation marks).
@Suite struct NodeLetterTests {
  static let pieces = [
    "", " ", ".", "11.", "a", "Z", "7", "\u{0301}", "\u{0600}", "\r", "\n", "é", "\u{0661}", "—", "[", "]", ", ",
    "\u{200D}", "理",
  ]

  static func leaf(_ generator: inout TextCaserTests.SplitMix) -> Node {
    let count = Int.random(in: 0...3, using: &generator)
    return .text((0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined())
  }

  static func tree(_ generator: inout TextCaserTests.SplitMix, depth: Int = 0) -> Node {
    guard depth < 3, Bool.random(using: &generator) else { return leaf(&generator) }
    let children = (0..<Int.random(in: 1...3, using: &generator)).map { _ in tree(&generator, depth: depth + 1) }
    switch Int.random(in: 0..<4, using: &generator) {
    case 0: return .quoted(children)
    case 1: return .styled(.italic, children)
    case 2: return .display(.leftMargin, children)
    default: return .sequence(children)
    }
  }

  @Test func answersAsTheWholePlainText() {
    var generator = TextCaserTests.SplitMix(state: 11)
    var both = (yes: 0, no: 0)
    for _ in 0..<5_000 {
      let node = Self.tree(&generator)
      let expected = node.plainText.contains { $0.isLetter || $0.isNumber }
      #expect(node.printsLetterOrDigit == expected, "\(node)")
      if expected { both.yes += 1 } else { both.no += 1 }
    }
    // The trees exercise both answers.
    #expect(both.yes > 500 && both.no > 500)
  }

  @Test func joinedCharactersDecide() {
    // A prepended mark before a digit makes one character that is neither letter nor digit.
    #expect(!Node.sequence([.text("\u{0600}"), .text("1")]).printsLetterOrDigit)
    #expect(Node.sequence([.text("["), .text("1"), .text("]")]).printsLetterOrDigit)
    #expect(Node.sequence([.text("11."), .text(" ")]).printsLetterOrDigit)
    #expect(!Node.quoted([.text(". ")]).printsLetterOrDigit)
  }
}
