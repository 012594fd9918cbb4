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
