import Testing

@testable import BibModel

/// Citations files read straight from their bytes (`JSONParser.citations`) decode as the tree
/// decodes them (`CSLJSON.decodeCitations`), and anything the direct reading does not take is
/// left to the tree.
@Suite struct CitationsReadingTests {
  /// Member values a cite may be written with, usual or not.
  static let citeMembers: [String] = [
    #""locator": "12""#, #""locator": 12"#, #""label": "page""#, #""label": "chapter""#, #""prefix": "see ""#,
    #""suffix": ", emphasis \"added\"""#, #""suppress-author": true"#, #""suppress-author": false"#,
    #""author-only": true"#, #""near-note": false"#, #""near-note": 1"#, #""position": 1"#, #""position": 3"#,
    #""position": 2.0"#, #""position": 99999999999999999999"#, #""uris": []"#, #""id": "dup""#,
  ]
  /// Member values a citation may be written with, usual or not.
  static let citationMembers: [String] = [
    #""id": "c1""#, #""noteIndex": 4"#, #""noteIndex": -2"#, #""noteIndex": "5""#, #""citationID": "x""#,
    #""properties": {"noteIndex": 3}"#, #""noteIndex": 7"#,
  ]

  static func pick<T>(_ list: [T], _ generator: inout Generator) -> T {
    list[Int(generator.next() % UInt64(list.count))]
  }

  static func cite(_ generator: inout Generator) -> String {
    var members = generator.next() % 10 == 0 ? [] : [#""id": "ref\#(generator.next() % 50)""#]
    for _ in 0..<Int(generator.next() % 4) { members.append(pick(citeMembers, &generator)) }
    return "{" + members.joined(separator: ", ") + "}"
  }

  static func citation(_ generator: inout Generator) -> String {
    var members: [String] = []
    for _ in 0..<Int(generator.next() % 3) { members.append(pick(citationMembers, &generator)) }
    if generator.next() % 8 != 0 {
      let cites = (0..<Int(generator.next() % 4)).map { _ in cite(&generator) }
      members.append(#""items": ["# + cites.joined(separator: ",\n ") + "]")
    }
    return "{" + members.joined(separator: ",\n  ") + "}"
  }

  @Test func directReadingAgreesWithTheTree() throws {
    var generator = Generator(state: 31)
    var direct = 0
    for round in 0..<3_000 {
      let count = Int(generator.next() % 5)
      var text = "[" + (0..<count).map { _ in Self.citation(&generator) }.joined(separator: ",\n") + "]"
      if round % 50 == 0 { text = "\u{FEFF}" + text }
      if round % 61 == 0 { text += " x" }
      let bytes = Array(text.utf8)
      let fast = JSONParser.citations(bytes)
      guard let value = try? JSONParser.parse(bytes) else {
        #expect(fast == nil, "\(text)")
        continue
      }
      let (decoded, diagnostics) = CSLJSON.decodeCitations(value, file: "c.json")
      if let fast {
        direct += 1
        #expect(fast == decoded, "\(text)")
        #expect(diagnostics.isEmpty)
      }
    }
    // The usual shape came up often enough to be read directly.
    #expect(direct > 300)
  }

  @Test func usualShapeIsReadDirectly() throws {
    let text = #"""
      [
       {"id": "c1", "noteIndex": 1, "items": [{"id": "a", "locator": "12", "label": "page"}]},
       {"id": "c2", "noteIndex": 2, "items": [{"id": "b", "suppress-author": true}, {"id": "a", "position": 1}]}
      ]
      """#
    let fast = try #require(JSONParser.citations(Array(text.utf8)))
    #expect(fast.map(\.id) == ["c1", "c2"])
    #expect(fast[1].cites.map(\.id) == ["b", "a"])
    #expect(fast[1].cites[0].suppressAuthor)
    #expect(fast[0].cites[0].locator == "12")
  }

  /// A linear congruential generator: the same files on every run.
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
  }
}
