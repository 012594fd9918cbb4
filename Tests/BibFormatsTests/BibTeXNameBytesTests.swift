import Testing

@testable import BibFormats

/// The byte readings of names and field values answer as the character and scalar readings
/// do, for every text.
@Suite struct BibTeXNameBytesTests {
  @Test func byteAndCharacterReadingsAgree() {
    let pieces = [
      "and", "AnD", "an", "d", " ", "  ", "{", "}", ",", "=", "\r\n", "\t", "\\", "\\and", "Smith", "Zhou", "j.", "van",
      "é", "e\u{301}", " \u{301}", "x", "", "\u{301}", "\u{600}", "周",
    ]
    var generator = SystemRandomNumberGenerator()
    var braced = 0
    var commas = 0
    for _ in 0..<6000 {
      let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? ""
      }
      .joined()
      let needsBraces = BibTeXNames.needsBraces(text)
      let needsComma = BibTeXNames.needsComma(text)
      #expect(needsBraces == BibTeXNames.needsBracesByCharacters(text), "braces: \(Array(text.unicodeScalars))")
      #expect(needsComma == BibTeXNames.needsCommaByCharacters(text), "comma: \(Array(text.unicodeScalars))")
      if needsBraces { braced += 1 }
      if needsComma { commas += 1 }
    }
    // Both answers occur often: the comparison is not of constants.
    #expect(braced > 500 && braced < 5500)
    #expect(commas > 500 && commas < 5500)
  }

  @Test func valuesLeftAsTheyAreEncodeAsTheScalarWalkDoes() {
    let pieces = [
      "Plain", " ", "-", "--", "'", "''", "`", "<i>", "</i>", "{", "}", "$", "\\", "&", "%", "#", "_", "~", "^",
      "\n", "\r\n", "é", "\u{A0}", "–", "—", "中", "à", "e\u{301}", "x",
    ]
    var generator = SystemRandomNumberGenerator()
    var unchanged = 0
    for _ in 0..<6000 {
      let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? ""
      }
      .joined()
      for ascii in [false, true] {
        let encoder = LaTeXEncoder(ascii: ascii)
        let encoded = encoder.encode(text, caseProtection: false)
        #expect(encoded == encoder.encodeByScalars(text), "\(ascii): \(Array(text.unicodeScalars))")
        if encoded == text { unchanged += 1 }
      }
    }
    #expect(unchanged > 1000 && unchanged < 11000)
  }
}
