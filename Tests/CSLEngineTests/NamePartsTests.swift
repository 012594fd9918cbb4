import BibModel
import Testing

@testable import CSLEngine

/// Names already in their normal form are returned as they are (`NameParts.isSettled`, read
/// from their bytes); every name normalizes as the full procedure normalizes it.
@Suite struct NamePartsTests {
  /// Pieces that exercise every step: particles before and after, quotes, commas with
  /// suffixes, hyphens and apostrophes, surrounding and inner spaces, non-ASCII letters.
  static let pieces = [
    "Smith", "John", "A.", "van", "der", "de", "La", "d'", "al-", "O'Brien", "Jean-Paul", "\"", ",", ", Jr.", ",! Sr.",
    " ", "  ", "\t", "\u{A0}", "é", "Émile", "’t", "von", "Müller", "III", "x", "Dr", "ß", "\u{301}", "-",
  ]

  static func randomText(_ generator: inout TextCaserTests.SplitMix) -> String? {
    let count = Int(generator.next() % 5)
    if count == 0 { return generator.next() % 2 == 0 ? nil : "" }
    var text = ""
    for index in 0..<count {
      if index > 0 && generator.next() % 2 == 0 { text += " " }
      text += pieces[Int(generator.next() % UInt64(pieces.count))]
    }
    return text
  }

  @Test func settledNamesNormalizeToThemselvesAndOthersAsInFull() {
    var generator = TextCaserTests.SplitMix(state: 42)
    var settled = 0
    for _ in 0..<20_000 {
      var name = Name(family: Self.randomText(&generator), given: Self.randomText(&generator))
      if generator.next() % 10 == 0 { name.parseNames = false }
      let full = NameParts.normalizedInFull(name)
      #expect(NameParts.normalized(name) == full, "\(name)")
      if NameParts.isSettled(name) {
        settled += 1
        #expect(full == name, "settled but changed: \(name)")
      }
    }
    // Both ways are exercised.
    #expect(settled > 1_000 && settled < 19_000, "\(settled) settled")
  }

  @Test func theUsualNamesAreSettled() {
    #expect(NameParts.isSettled(Name(family: "Smith", given: "John A.")))
    #expect(NameParts.isSettled(Name(family: "Müller", given: "Jörg")))
    #expect(!NameParts.isSettled(Name(family: "van Gogh", given: "Vincent")))
    #expect(!NameParts.isSettled(Name(family: "Gogh", given: "Vincent van")))
    #expect(!NameParts.isSettled(Name(family: "Smith", given: "John, Jr.")))
    #expect(!NameParts.isSettled(Name(family: " Smith", given: "John")))
    // A family name in double quotes is kept whole, without its quotes.
    let quoted = Name(family: "\"Smith\"", given: "J.")
    #expect(!NameParts.isSettled(quoted))
    #expect(NameParts.normalized(quoted).family == "Smith")
  }
}

/// Given names as the given-name rules compare them: periods dropped, words single-spaced,
/// cut on bytes when ASCII, as the character reading cuts them.
@Suite struct WithoutPeriodsTests {
  @Test func byteAndCharacterReadingsAgree() {
    let pieces = ["J", ".", " ", "K", "Jean", "-", "Ann", "é", "\r\n", "  ", "..", "x", "\u{301}", "Ø", "张"]
    var generator = TextCaserTests.SplitMix(state: 3)
    var changed = 0
    for _ in 0..<20_000 {
      var text = ""
      for _ in 0..<Int(generator.next() % 7) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
      let plain = Renderer.withoutPeriods(text)
      #expect(plain == Renderer.withoutPeriodsByCharacters(text), "\(text.debugDescription)")
      if plain != text { changed += 1 }
    }
    #expect(changed > 1_000 && changed < 19_000, "\(changed) changed")
    #expect(Renderer.withoutPeriods("J.K") == "J K")
  }
}
