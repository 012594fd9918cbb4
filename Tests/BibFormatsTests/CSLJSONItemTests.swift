import BibModel
import Testing

@testable import BibFormats

/// Items decoded straight from bytes (`CSLJSONItem`) read exactly as the JSON tree reads them:
/// the same reference, the same positions, and nothing the tree would report; every other item
/// goes through the tree.
@Suite struct CSLJSONItemTests {
  /// A small seeded generator, so a failure can be run again.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var value = state
      value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
      value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
      return value ^ (value >> 31)
    }
  }

  /// Random CSL-JSON text: mostly the shapes real files have, with the unusual ones mixed in.
  struct Writer {
    var random: SplitMix

    mutating func pick(_ choices: [String]) -> String {
      choices[Int.random(in: 0..<choices.count, using: &random)]
    }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    mutating func string() -> String {
      let pieces = [
        "Plain", "two words", "é中文", "a\\\"b", "\\u00e9", "line\\nbreak", "😀", "\\ud83d\\ude00", "", "x/y",
        "Über", "\\\\",
      ]
      return "\"" + (0..<Int.random(in: 1...3, using: &random)).map { _ in pick(pieces) }.joined() + "\""
    }

    mutating func number() -> String { pick(["12", "-3", "0", "1.5", "2e3", "007", "-0", "123456789012345678901"]) }

    mutating func blank() -> String { pick(["", " ", "\n  ", "\t", "\r\n", " \n "]) }

    mutating func object(_ members: [(String, String)]) -> String {
      "{" + blank() + members.map { "\"\($0.0)\"" + blank() + ":" + blank() + $0.1 }.joined(separator: "," + blank())
        + blank() + "}"
    }

    mutating func name() -> String {
      switch Int.random(in: 0..<12, using: &random) {
      case 0: return string()
      case 1: return pick(["12", "null", "true", "[]"])
      default:
        var members: [(String, String)] = []
        for part in ["family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal"]
        where chance(40) {
          members.append((part, chance(95) ? string() : number()))
        }
        for flag in ["comma-suffix", "static-ordering", "parse-names"] where chance(8) {
          members.append((flag, pick(["true", "false", "1", "\"yes\""])))
        }
        if chance(5) { members.append(("multi", #"{"_key": {"ja-Latn": {"family": "Yamada"}}}"#)) }
        if chance(5) { members.append((pick(["x-extra", "fam\\u0069ly", "family"]), string())) }
        return object(members.shuffled(using: &random))
      }
    }

    mutating func dateParts() -> String {
      let ends = (0..<Int.random(in: 0...2, using: &random)).map { _ -> String in
        let parts = (0..<Int.random(in: 0...4, using: &random)).map { index -> String in
          chance(90)
            ? String(Int.random(in: index == 0 ? -50...2030 : 0...40, using: &random))
            : pick([
              "\"5\"", "2.0", "null", "1e2", "999999999999999999", "-9999999999999999999", "12345678901234567890123",
            ])
        }
        return "[" + parts.joined(separator: "," + blank()) + "]"
      }
      return "[" + ends.joined(separator: ",") + "]"
    }

    mutating func date() -> String {
      switch Int.random(in: 0..<14, using: &random) {
      case 0: return pick(["\"2020-05\"", "2019", "\"spring 1990\"", "null"])
      case 1: return object([("raw", pick(["\"2020-05-01\"", "\"1999/2001\"", "\"soon\""]))])
      default:
        var members = [("date-parts", dateParts())]
        if chance(6) { members.append(("season", pick(["\"1\"", "2", "\"Winter\""]))) }
        if chance(6) { members.append(("circa", pick(["true", "1"]))) }
        if chance(4) { members.append(("literal", string())) }
        if chance(3) { members.append(("raw", "\"2020\"")) }
        if chance(3) { members.append(("date-parts", dateParts())) }
        return object(members.shuffled(using: &random))
      }
    }

    mutating func value(_ key: String) -> String {
      let names: Set = ["author", "editor", "translator", "container-author"]
      let dates: Set = ["issued", "accessed", "original-date"]
      if names.contains(key) {
        if chance(4) { return pick(["\"Anon\"", "{}", "null"]) }
        return "[" + (0..<Int.random(in: 0...4, using: &random)).map { _ in name() }.joined(separator: "," + blank())
          + "]"
      }
      if dates.contains(key) { return date() }
      switch Int.random(in: 0..<20, using: &random) {
      case 0: return number()
      case 1: return pick(["true", "null", "[1, \"a\"]", #"{"k": [{}]}"#])
      default: return string()
      }
    }

    mutating func item(_ index: Int) -> String {
      var members: [(String, String)] = []
      if !chance(3) { members.append(("id", chance(96) ? "\"item\(index)\"" : pick(["\"\"", "7", "null"]))) }
      if !chance(3) {
        members.append(
          ("type", chance(92) ? pick(["\"book\"", "\"article-journal\"", "\"chapter\""]) : pick(["\"novel\"", "3"])))
      }
      let keys = [
        "title", "container-title", "page", "volume", "issue", "DOI", "publisher", "language", "note", "edition",
        "author", "editor", "translator", "container-author", "issued", "accessed", "original-date", "custom",
        "x-é中", "citation-key",
      ]
      for _ in 0..<Int.random(in: 0...10, using: &random) {
        let key = pick(keys)
        if members.contains(where: { $0.0 == key }) && !chance(10) { continue }
        members.append((key, value(key)))
      }
      if chance(2) { members.append(("multi", #"{"_keys": {"title": {"en": "T"}}}"#)) }
      if chance(2) { members.append(("ti\\u0074le", string())) }
      if chance(2) { members.append(("id", "\"again\"")) }
      return object(members.shuffled(using: &random))
    }

    mutating func document(_ count: Int, from start: Int) -> String {
      "[" + blank() + (0..<count).map { item(start + $0) }.joined(separator: blank() + "," + blank()) + blank() + "]"
    }
  }

  static func documents() -> [String] {
    var writer = Writer(random: SplitMix(state: 0x5EED))
    return (0..<40).map { writer.document(75, from: $0 * 75) }
  }

  @Test func directItemsDecodeAsTheTreeDoes() throws {
    var direct = 0
    var tree = 0
    for text in Self.documents() {
      let bytes = Array(text.utf8)
      let elements = try #require(bytes.withUnsafeBufferPointer { JSONArraySplitter.split($0) })
      for element in elements {
        let (item, value) = bytes.withUnsafeBufferPointer {
          (CSLJSONItem.decode($0, element), try? JSONParser.parseElement($0, element))
        }
        guard let item else {
          tree += 1
          continue
        }
        direct += 1
        guard case .object(let object)? = value else {
          Issue.record("decoded an element the tree does not read as an object: \(element)")
          continue
        }
        var diagnostics: [Diagnostic] = []
        let reference = CSLJSON.decodeReference(object, file: "t.json", diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        if let reference, reference != item.reference {
          Issue.record("'\(reference.id)' differs: \(difference(reference, item.reference))")
        }
        #expect(item.line == object.line && item.column == object.column)
        #expect(
          item.members.map { [$0.key, "\($0.line)", "\($0.column)"] }
            == object.members.map { [$0.key, "\($0.line)", "\($0.column)"] })
        #expect(Set(object.keys).count == object.members.count, "an item with a repeated member was decoded directly")
      }
    }
    // Both ways are taken often enough for the comparison to mean something.
    #expect(direct > 1000)
    #expect(tree > 500)
  }

  @Test func filesReadTheSameEitherWay() throws {
    for text in Self.documents() {
      let bytes = Array(text.utf8)
      let read = try #require(CSLItemRepair.read(bytes, file: "t.json"))
      let throughTree = CSLItemRepair.read(try JSONParser.parse(bytes), file: "t.json")
      expectSameReferences(read.references, throughTree.references, "references")
      #expect(read.document == throughTree.document)
      #expect(read.diagnostics == throughTree.diagnostics)
    }
  }

  static func decodes(_ text: String) -> Bool {
    let bytes = Array("[\(text)]".utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      JSONArraySplitter.split(buffer).flatMap { $0.first }.flatMap { CSLJSONItem.decode(buffer, $0) } != nil
    }
  }

  @Test(arguments: [
    #"{"id": "a", "type": "book"}"#,
    #"{"type": "book", "id": "é中", "title": "T\u00e9", "page": 12, "custom": [1], "note": null}"#,
    #"{"id": "a", "type": "book", "author": [{"family": "Zhou", "given": "Wei", "comma-suffix": true}, "Anon", 3]}"#,
    #"{"id": "a", "type": "book", "author": [{"family": "Zhou", "x": 1}], "issued": {"date-parts": [[2020, 5]]}}"#,
    #"{"id": "a", "type": "book", "issued": {"season": 2, "date-parts": [[2020.5]]}, "accessed": {}}"#,
  ])
  func commonItemsAreDecodedDirectly(_ text: String) {
    #expect(Self.decodes(text))
  }

  @Test(arguments: [
    #"{"type": "book"}"#, #"{"id": "", "type": "book"}"#, #"{"id": 7, "type": "book"}"#,
    #"{"id": "a"}"#, #"{"id": "a", "type": "novel"}"#, #"{"id": "a", "type": "b\u006fok"}"#,
    #"{"id": "a", "type": "book", "title": "x", "title": "y"}"#,
    #"{"id": "a", "type": "book", "multi": {}}"#, #"{"id": "a", "type": "book", "author": "Anon"}"#,
    #"{"id": "a", "type": "book", "issued": "2020"}"#, #"{"id": "a", "type": "book", "ti\u0074le": "x"}"#,
    #"{"id": "a", "type": "book",}"#, "[]", "{}",
  ])
  func unusualItemsGoThroughTheTree(_ text: String) {
    #expect(!Self.decodes(text))
  }
}
