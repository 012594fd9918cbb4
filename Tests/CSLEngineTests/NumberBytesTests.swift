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
}
