import BibModel
import Testing

@testable import BibFormats

/// Writers that write entries on all cores give, for a file, the entries each would get alone,
/// joined in order; and the canonical JSON layout is the one the bibliography files keep.
@Suite struct ParallelWritersTests {
  /// 3,000 references of every shape the random CSL-JSON generator makes (ids `item…`).
  static func references() throws -> [Reference] {
    try CSLJSONItemTests.documents().flatMap { text in
      try #require(CSLItemRepair.read(Array(text.utf8), file: "t.json")).references
    }
  }

  @Test func fileWritersJoinTheirEntriesInOrder() throws {
    let references = try Self.references()
    #expect(references.count > 2000)
    #expect(CSLJSON.write(references) == JSONWriter.write(.array(references.map(CSLJSON.encode))))
    #expect(CSLYAML.write(references) == references.map { CSLYAML.write([$0]) }.joined())
    #expect(RISWriter.write(references) == references.map { RISWriter.write($0) + "\n" }.joined())
    let plain = references.filter { BibTeXWriter.key(for: $0.id) == $0.id }
    #expect(plain.count > 2000)
    let whole = BibTeXWriter().write(BibDocument(references: plain))
    let alone = plain.map { BibTeXWriter().write(BibDocument(references: [$0])) }
    #expect(whole == alone.joined(separator: "\n"))
  }

  @Test func emptyFilesAreWrittenAsBefore() {
    #expect(CSLJSON.write([]) == "[]\n")
    #expect(CSLYAML.write([]) == "[]\n")
    #expect(RISWriter.write([]).isEmpty)
  }

  /// The canonical layout, spelled out: two-space indentation, one member a line, scalars
  /// and date-parts on one line (inner arrays compact), nine scalars or an array of objects
  /// one item a line.
  @Test func prettyLayoutIsTheCanonicalOne() throws {
    let value = try JSONParser.parse(
      #"{"id":"a\"b","date-parts":[[2004,5,12],[2005]],"e":[],"o":{},"s":[1,"x",true,null],"#
        + #""n":[1,2,3,4,5,6,7,8,9],"l":[{"k":"v"}],"é":{"z":-0.5e3}}"#)
    let expected = """
      {
        "id": "a\\"b",
        "date-parts": [[2004,5,12], [2005]],
        "e": [],
        "o": {},
        "s": [1, "x", true, null],
        "n": [
          1,
          2,
          3,
          4,
          5,
          6,
          7,
          8,
          9
        ],
        "l": [
          {
            "k": "v"
          }
        ],
        "é": {
          "z": -0.5e3
        }
      }

      """
    #expect(JSONWriter.write(value) == expected)
    #expect(try JSONParser.parse(JSONWriter.write(value)) == value)
    #expect(JSONWriter.write(value, pretty: false) == String(decoding: JSONByteWriter.write(value), as: UTF8.self))
  }
}
