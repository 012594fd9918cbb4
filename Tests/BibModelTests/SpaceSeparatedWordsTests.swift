import Testing

@testable import BibModel

/// Words cut on the bytes of ASCII text are the words `split(separator: " ")` gives.
@Suite struct SpaceSeparatedWordsTests {
  @Test func wordsAreTheWordsCharacterSplittingGives() {
    let pieces = [" ", "  ", "a", "is-numeric", "\r\n", "\t", "x\u{301}", " \u{301}", "é", "中", "-", "\u{A0}", ""]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3000 {
      let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? ""
      }
      .joined()
      #expect(
        text.spaceSeparatedWords() == text.split(separator: " ").map(String.init), "\(Array(text.unicodeScalars))")
    }
    #expect("page  locator ".spaceSeparatedWords() == ["page", "locator"])
    #expect("".spaceSeparatedWords().isEmpty)
  }
}
