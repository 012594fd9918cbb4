import Testing

@testable import BibModel

@Suite struct JSONParserTests {
  @Test func parsesNestedValuesKeepingOrderAndNumbers() throws {
    let value = try JSONParser.parse(#"{"b": [1, 1.10, -2e3], "a": {"x": null, "y": true}}"#)
    let object = try #require(value.objectValue)
    #expect(object.keys == ["b", "a"])
    #expect(object["b"] == .array([.number("1"), .number("1.10"), .number("-2e3")]))
    #expect(object["a"]?.objectValue?["y"] == .bool(true))
  }

  @Test func reportsLineAndColumnOfSyntaxErrors() {
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("[\n  {\"id\": 1,}\n]") }
    do {
      _ = try JSONParser.parse("[\n  {\"id\": 1,}\n]")
    } catch {
      #expect(error.line == 2)
      #expect(error.column == 12)
    }
  }

  @Test func decodesEscapesAndSurrogatePairs() throws {
    let value = try JSONParser.parse(#""a\"b\\c\u00e9\ud83d\ude00\n""#)
    #expect(value == .string("a\"b\\c\u{e9}\u{1F600}\n"))
  }

  /// Strings read eight bytes at a time where they can be: a quote, backslash, control byte
  /// or byte beyond ASCII at any place in a word reads as the byte-by-byte reading reads it.
  @Test func stringsReadAsTheirBytesSay() {
    // Each piece: its bytes in the JSON text and what it adds to the string (nil: an error).
    let pieces: [([UInt8], [UInt8]?)] = [
      (Array("a".utf8), Array("a".utf8)), (Array("abcdefghij".utf8), Array("abcdefghij".utf8)),
      (Array("é".utf8), Array("é".utf8)), (Array("周".utf8), Array("周".utf8)), (Array(#"\""#.utf8), [0x22]),
      (Array(#"\\"#.utf8), [0x5C]), (Array(#"\n"#.utf8), [0x0A]), (Array(#"\u00e9"#.utf8), Array("é".utf8)),
      (Array(" ".utf8), [0x20]), ([0x01], nil), ([0xFF], [0xFF]), ([0xC3], [0xC3]),
    ]
    var generator = SystemRandomNumberGenerator()
    var read = 0
    var refused = 0
    for _ in 0..<4000 {
      var text: [UInt8] = [0x22]
      var expected: [UInt8]? = []
      for _ in 0..<Int.random(in: 0...12, using: &generator) {
        guard let piece = pieces.randomElement(using: &generator) else { continue }
        text += piece.0
        if let adds = piece.1 { expected? += adds } else { expected = nil }
      }
      text.append(0x22)
      let string = expected.flatMap { String(validating: $0, as: UTF8.self) }
      let value = try? JSONParser.parse(text)
      #expect(value == string.map(JSONValue.string), "\(text)")
      if string == nil { refused += 1 } else { read += 1 }
    }
    #expect(read > 500 && refused > 500, "\(read) read, \(refused) refused")
  }

  @Test func rejectsDeepNestingWithoutCrashing() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
  }

  @Test(arguments: ["", "[1,]", "{\"a\" 1}", "\"unterminated", "tru", "[1] 2", "{\"a\":\"\u{01}\"}"])
  func rejectsMalformedInput(_ text: String) {
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
  }

  @Test func writerRoundTripsWhatTheParserReads() throws {
    let text = #"[{"id": "a", "title": "Ünïcode \"quoted\"", "issued": {"date-parts": [[2010, 1]]}, "n": 1.10}]"#
    let value = try JSONParser.parse(text)
    let written = JSONWriter.write(value)
    #expect(try JSONParser.parse(written) == value)
  }
}
