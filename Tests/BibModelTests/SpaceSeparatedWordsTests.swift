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

/// Trimming with a set of scalars drops exactly the set's scalars at both ends.
@Suite struct TrimmingCharactersTests {
  @Test func trimsWhatTheSetHoldsAtBothEnds() {
    let pieces = [" ", "\t", "\r\n", "\n", ".", "a", "é", "e\u{301}", "\u{301}", "中", ""]
    let sets = [" \t\n\r", " .", "\u{301}", ""]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3000 {
      let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? ""
      }
      .joined()
      for set in sets {
        // The rule, scalar by scalar: drop leading, then trailing, scalars of the set.
        var scalars = Array(text.unicodeScalars)
        while let first = scalars.first, set.unicodeScalars.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.unicodeScalars.contains(last) { scalars.removeLast() }
        var expected = ""
        expected.unicodeScalars.append(contentsOf: scalars)
        #expect(
          text.trimmingCharacters(in: set) == expected, "\(Array(text.unicodeScalars)) in \(Array(set.unicodeScalars))")
      }
    }
  }
}
