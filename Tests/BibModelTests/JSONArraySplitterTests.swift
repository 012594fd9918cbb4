import Testing

@testable import BibModel

/// The element boundaries found in one pass, and each element parsed on its own, agree with
/// parsing the whole document: same values, same positions, same nesting limit.
@Suite struct JSONArraySplitterTests {
  static func elements(_ text: String) -> [JSONArraySplitter.Element]? {
    Array(text.utf8).withUnsafeBufferPointer { JSONArraySplitter.split($0) }
  }

  static func parsedElements(_ text: String) throws -> [JSONValue] {
    let bytes = Array(text.utf8)
    let elements = try #require(Self.elements(text))
    return try bytes.withUnsafeBufferPointer { buffer in
      try elements.map { try JSONParser.parseElement(buffer, $0) }
    }
  }

  /// Objects anywhere in a value with their positions, depth first (equality of values
  /// ignores positions, so the tests compare these too).
  static func positions(_ value: JSONValue) -> [[Int]] {
    switch value {
    case .array(let items): return items.flatMap(positions)
    case .object(let object):
      return [[object.line, object.column]]
        + object.members.flatMap { [[$0.line, $0.column]] + positions($0.value) }
    default: return []
    }
  }

  @Test(arguments: [
    #"[{"a": "] , }", "b": ["[", "{"]}, "x\"]\\", 1, {"c": {"d": [[]]}}, null]"#,
    "[\n  {\"id\": \"é中\", \"t\": \"\\u005D\"},\n\t{\"id\": 2}\n ,  3.5e1 ]\n",
    "\u{FEFF}[ \"ü\" , {\"k\": \"\\\"}\"}]",
    "[]", " [ ] ", "[[],{}]",
  ])
  func elementsParseAsTheWholeDocumentDoes(_ text: String) throws {
    let whole = try JSONParser.parse(text)
    let items = try Self.parsedElements(text)
    #expect(.array(items) == whole)
    #expect(items.flatMap(Self.positions) == Self.positions(whole))
  }

  /// Strings are skipped eight bytes at a time: quotes and backslashes at every alignment.
  @Test(arguments: 0..<17)
  func escapesAtEveryAlignmentStayInsideStrings(_ padding: Int) throws {
    let pad = String(repeating: "é", count: padding / 2) + String(repeating: "p", count: padding % 2)
    let text =
      #"[{"a": "\#(pad)\"], {", "b": "\#(pad)\\", "c": "\#(pad)\\\"}"}, ["\#(pad)", "]"], "\#(pad)中\u005D"]"#
    let whole = try JSONParser.parse(text)
    let items = try Self.parsedElements(text)
    #expect(items.count == 3)
    #expect(.array(items) == whole)
    #expect(items.flatMap(Self.positions) == Self.positions(whole))
  }

  @Test func scalarCountSkipsContinuationBytesOnly() {
    let bytes = Array("aé中😀b\"x\u{301}yz0123456789é".utf8)
    bytes.withUnsafeBufferPointer { buffer in
      for lower in 0...bytes.count {
        for upper in lower...bytes.count {
          let expected = bytes[lower..<upper].filter { $0 & 0xC0 != 0x80 }.count
          #expect(JSONParser.scalarCount(buffer, lower..<upper) == expected)
        }
      }
    }
  }

  @Test func positionsOnOneLineCountCharactersNotBytes() throws {
    let text = #"[{"t": "ééé"}, {"t": "中"}]"#
    let starts = try #require(Self.elements(text)).map { [$0.line, $0.column] }
    #expect(starts == [[1, 2], [1, 16]])
  }

  @Test(arguments: [
    "{\"a\": 1}", "\"text\"", "[1, 2] x", "[1, 2", "[\"open]", "[1}, 2]", "[{\"a\": 1}}]", "",
  ])
  func declinesWhatIsNotASplittableArray(_ text: String) {
    #expect(Self.elements(text) == nil)
  }

  /// Elements the pass splits but that are not one value each fail to parse, so the caller
  /// falls back to the whole document's parse and its error.
  @Test(arguments: ["[1 2]", "[1,]", "[,1]", "[{\"a\" 1}]", "[{\"a\": [1}], 2]"])
  func malformedElementsDoNotParse(_ text: String) throws {
    let bytes = Array(text.utf8)
    let elements = try #require(Self.elements(text))
    let failures = bytes.withUnsafeBufferPointer { buffer in
      elements.filter { (try? JSONParser.parseElement(buffer, $0)) == nil }.count
    }
    #expect(failures > 0)
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
  }

  @Test func theNestingLimitCountsTheEnclosingArray() throws {
    let limit = JSONParser.maximumDepth
    let fits = "[" + String(repeating: "[", count: limit - 1) + String(repeating: "]", count: limit - 1) + "]"
    let deep = "[" + String(repeating: "[", count: limit) + String(repeating: "]", count: limit) + "]"
    #expect(try Self.parsedElements(fits) == [try JSONParser.parse(String(fits.dropFirst().dropLast()))])
    #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
    #expect(throws: JSONSyntaxError.self) { try Self.parsedElements(deep) }
  }
}
