import Testing

@testable import BibModel

/// The word-at-a-time tests answer as looking at the eight bytes one by one does.
@Suite struct ByteWordTests {
  /// Words built from bytes around every edge the tests draw (0x00, 0x0A, 0x1F/0x20, 0x22,
  /// 0x5C, 0x7E/0x7F/0x80, 0xFF), in every position.
  static func words() -> [[UInt8]] {
    let edges: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x41, 0x5C, 0x7E, 0x7F, 0x80, 0xC3, 0xFF]
    var words: [[UInt8]] = []
    for edge in edges {
      for position in 0..<8 {
        var word = [UInt8](repeating: 0x61, count: 8)
        word[position] = edge
        words.append(word)
        // A second unusual byte after the first: a borrow from one byte must not hide or fake another.
        if position < 7 {
          word[position + 1] = 0x00
          words.append(word)
        }
      }
    }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2000 { words.append((0..<8).map { _ in UInt8.random(in: 0...255, using: &generator) }) }
    return words
  }

  @Test func wordTestsMatchByteTests() throws {
    for bytes in Self.words() {
      let word = try bytes.withUnsafeBytes { raw in try #require(raw.baseAddress.map { ByteWord.load($0, at: 0) }) }
      for byte: UInt8 in [0x0A, 0x22, 0x5C, 0x7F, 0x00] {
        #expect(ByteWord.holds(word, byte) == bytes.contains(byte), "\(bytes) holds \(byte)")
      }
      for limit: UInt8 in [0x01, 0x20, 0x80] {
        #expect(ByteWord.holdsBelow(word, limit) == bytes.contains { $0 < limit }, "\(bytes) below \(limit)")
      }
      #expect(ByteWord.holdsNonASCII(word) == bytes.contains { $0 >= 0x80 }, "\(bytes)")
    }
  }

  /// The first byte a mask marks, of one byte or of two joined, is the first byte that is one.
  @Test func firstMatchIsTheFirstMatchingByte() throws {
    for bytes in Self.words() {
      let word = try bytes.withUnsafeBytes { raw in try #require(raw.baseAddress.map { ByteWord.load($0, at: 0) }) }
      for (first, second): (UInt8, UInt8) in [(0x22, 0x5C), (0x00, 0x01), (0x0A, 0x0A), (0xFF, 0x80)] {
        let mask = ByteWord.matches(word, first) | ByteWord.matches(word, second)
        let expected = bytes.firstIndex { $0 == first || $0 == second }
        #expect((mask == 0 ? nil : ByteWord.firstMatch(mask)) == expected, "\(bytes) \(first) \(second)")
      }
    }
  }

  /// The whole-buffer ASCII test answers as looking at every byte does, at every length and
  /// with the non-ASCII byte at every place.
  @Test func bufferIsASCIIAsItsBytesAre() {
    for length in 0..<40 {
      for place in -1..<length {
        var bytes = [UInt8](repeating: 0x7F, count: length)
        if place >= 0 { bytes[place] = 0x80 }
        let answer = bytes.withUnsafeBufferPointer(ByteWord.isASCII)
        #expect(answer == (place < 0), "length \(length), non-ASCII at \(place)")
      }
    }
  }
}
