import BibModel
import Testing

@testable import BibFormats

/// CSL-JSON arrays are split into items and decoded on all cores (from 256 items on): the
/// result is what the one-thread reader (`CSLJSON.read`, one parse of the whole text) gives,
/// positions included, however the file is laid out.
@Suite struct ParallelCSLJSONTests {
  static let count = 600

  /// How items are laid out: between a member's key and value, and between members.
  struct Layout {
    var colon: String
    var comma: String
    static let minified = Layout(colon: ":", comma: ",")
    static let pretty = Layout(colon: ": ", comma: ",\n    ")
  }

  /// An item whose strings hold the characters the split must not take for structure.
  static func item(_ number: Int, _ layout: Layout = .minified) -> String {
    let titles = [
      #"Closing ] and } inside, a comma"#, #"An \"escaped\" quote, then ]}"#, #"Backslash last \\"#,
      #"\\\" both"#, #"Unicode \u005D escape and é, 中文"#, #"[{\"not\": \"json\"}]"#,
    ]
    let members = [
      #""id""# + layout.colon + #""k\#(number)""#, #""type""# + layout.colon + #""book""#,
      #""title""# + layout.colon + #""\#(titles[number % titles.count])""#,
      #""author""# + layout.colon + #"[{"family": "Müller", "given": "Zoë"}]"#,
      #""issued""# + layout.colon + #"{"date-parts": [[\#(1900 + number % 120)]]}"#,
      #""note""# + layout.colon + #""{\"x\": [\#(number)]}""#,
    ]
    return "{" + members.joined(separator: layout.comma) + "}"
  }

  static func minified(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

  static func pretty(_ count: Int) -> String {
    "[\n" + (0..<count).map { "  " + item($0, .pretty) }.joined(separator: ",\n") + "\n]\n"
  }

  /// The one-thread reader's result, the reference the parallel reader must match.
  static func sequential(_ text: String, file: String) -> CSLJSON.ReadResult {
    CSLJSON.read(text, file: file)
  }

  static func expectSameAsSequential(_ text: String, file: String) {
    let read = BibFormats.read(Array(text.utf8), format: .cslJSON, file: file)
    let expected = sequential(text, file: file)
    #expect(read.references == expected.references)
    #expect(read.document.locations == expected.locations)
    #expect(read.diagnostics == expected.diagnostics)
    let fieldPlaces = read.references.map { read.document.fieldLocations[$0.id]?.count ?? 0 }
    #expect(fieldPlaces.allSatisfy { $0 == 6 })
  }

  @Test func minifiedAndPrettyInputGiveIdenticalReferences() {
    let items = (0..<Self.count).map { Self.item($0) }
    let minified = BibFormats.read(Array(Self.minified(items).utf8), format: .cslJSON, file: "min.json")
    let pretty = BibFormats.read(Array(Self.pretty(Self.count).utf8), format: .cslJSON, file: "pretty.json")
    #expect(minified.references.count == Self.count)
    #expect(minified.references == pretty.references)
    #expect(minified.diagnostics.isEmpty && pretty.diagnostics.isEmpty)
    #expect(minified.references.map(\.id) == (0..<Self.count).map { "k\($0)" })
  }

  @Test func layoutsReadAsTheOneThreadReaderReadsThem() {
    let items = (0..<Self.count).map { Self.item($0) }
    Self.expectSameAsSequential(Self.minified(items), file: "min.json")
    Self.expectSameAsSequential(Self.pretty(Self.count), file: "pretty.json")
    Self.expectSameAsSequential("\u{FEFF}" + Self.pretty(Self.count), file: "bom.json")
  }

  @Test func stringsWithBracketsBracesAndEscapedQuotesStayStrings() throws {
    let items = (0..<Self.count).map { Self.item($0) }
    let read = BibFormats.read(Array(Self.minified(items).utf8), format: .cslJSON, file: "min.json")
    let titles = read.references.prefix(6).map { $0.variables["title"] }
    #expect(
      titles == [
        "Closing ] and } inside, a comma", "An \"escaped\" quote, then ]}", "Backslash last \\", "\\\" both",
        "Unicode ] escape and é, 中文", "[{\"not\": \"json\"}]",
      ])
    #expect(read.references.last?.variables["note"] == "{\"x\": [\(Self.count - 1)]}")
  }

  /// The column of the first occurrence of `marker` in one-line text, in characters.
  static func column(of marker: String, in text: String) throws -> Int {
    let range = try #require(text.range(of: marker))
    return text.unicodeScalars[..<range.lowerBound].count + 1
  }

  @Test func aBadItemInTheMiddleIsReportedWhereItStandsAndTheOthersLoad() throws {
    var items = (0..<Self.count).map { Self.item($0) }
    items[300] = #"{"type":"book","title":"No id (marker-a)"}"#
    items[301] = #"{"id":"shape","type":"book","author":true}"#
    let text = Self.minified(items)
    let read = BibFormats.read(Array(text.utf8), format: .cslJSON, file: "mid.json")
    #expect(read.references.count == Self.count)
    let missing = try #require(read.diagnostics.first { $0.code == "missing-id" })
    let itemColumn = try Self.column(of: #"{"type":"book","title":"No id (marker-a)"#, in: text)
    #expect(missing.location == SourceLocation(file: "mid.json", line: 1, column: itemColumn))
    let shape = try #require(read.diagnostics.first { $0.code == "field-shape" })
    let memberColumn = try Self.column(of: #""author":true"#, in: text)
    #expect(shape.location == SourceLocation(file: "mid.json", line: 1, column: memberColumn))
    #expect(read.references[300].id != "" && read.references[301].id == "shape")
  }

  @Test func repeatedIdsAreRepairedAsBefore() {
    var items = (0..<Self.count).map { Self.item($0) }
    items[400] = Self.item(7)
    items[401] = #"{"id": "k7", "title": "no type"}"#
    let read = BibFormats.read(Array(Self.minified(items).utf8), format: .cslJSON, file: "dup.json")
    #expect(read.references.count == Self.count)
    #expect(read.references[400].id == "k7-2" && read.references[401].id == "k7-3")
    let messages = read.diagnostics.map(\.message)
    #expect(messages.contains { $0.contains("kept as 'k7-2'") })
    #expect(messages.contains("item 'k7-3' has no \"type\"; using 'document'"))
  }

  /// A syntax error anywhere costs the file, as it always has: the error is the one-thread
  /// parser's, at its line and column, and nothing is read.
  @Test func aSyntaxErrorInTheMiddleIsReportedAsBefore() throws {
    var items = (0..<Self.count).map { Self.item($0) }
    items[350] = #"{"id":"broken" "title":"x"}"#
    let text = Self.minified(items)
    let read = BibFormats.read(Array(text.utf8), format: .cslJSON, file: "syntax.json")
    #expect(read.references.isEmpty)
    let error = try #require(read.diagnostics.first)
    #expect(error.code == "json-syntax")
    let column = try Self.column(of: #""title":"x""#, in: text)
    #expect(error.location == SourceLocation(file: "syntax.json", line: 1, column: column))
    #expect(read.diagnostics == Self.sequential(text, file: "syntax.json").diagnostics)
  }

  /// A UTF-8 file needs no decoding: its bytes are read as they are. A byte-order mark sends
  /// the same items down the decoding path, so both reads must agree in everything.
  @Test(arguments: ["plain", "markers", "duplicates", "non-ASCII", "empty"])
  func bytesReadAsTheirDecodedTextReads(_ kind: String) {
    var items = (0..<Self.count).map { Self.item($0) }
    switch kind {
    case "markers": items[5] = #"{"id":"m","type":"book","note":"<<<<<<< ours\n=======\n>>>>>>> theirs"}"#
    case "duplicates": items[9] = Self.item(3)
    case "non-ASCII": items[2] = #"{"id":"z","type":"book","title":"《中国政治》 — ÅÉÎ 🎓"}"#
    case "empty": items = []
    default: break
    }
    let bytes = Array(Self.minified(items).utf8)
    let plain = BibFormats.read(bytes, format: .cslJSON, file: "f.json")
    let decoded = BibFormats.read([0xEF, 0xBB, 0xBF] + bytes, format: .cslJSON, file: "f.json")
    #expect(plain.references == decoded.references)
    #expect(plain.references.count == items.count)
    #expect(plain.document.locations == decoded.document.locations)
    #expect(plain.document.fieldLocations == decoded.document.fieldLocations)
    #expect(plain.diagnostics == decoded.diagnostics)
    // Marker runs inside a string start no line: a file that parses holds no conflict.
    #expect(!plain.diagnostics.contains { $0.code == "conflict-markers" })
  }

  /// A read that keeps no field places (what rendering asks for) reads everything else
  /// exactly as one that keeps them: on the bytes' path and the decoding path, with repaired
  /// items among them, and in another format.
  @Test(arguments: ["plain", "byte-order mark", "repairs", "bibtex"])
  func aReadWithoutFieldPlacesReadsTheSame(_ kind: String) {
    var items = (0..<Self.count).map { Self.item($0) }
    var format = BibFormat.cslJSON
    var bytes: [UInt8]
    switch kind {
    case "bibtex":
      format = .biblatex
      bytes = Array(
        (0..<300).map { "@book{b\($0), title = {T \($0)}, author = {Doe, Jane}, year = {2001}}\n" }.joined().utf8)
    case "repairs":
      items[10] = Self.item(3)
      items[11] = #"{"type":"book","title":"No id"}"#
      bytes = Array(Self.minified(items).utf8)
    case "byte-order mark": bytes = [0xEF, 0xBB, 0xBF] + Array(Self.minified(items).utf8)
    default: bytes = Array(Self.minified(items).utf8)
    }
    let kept = BibFormats.read(bytes, format: format, file: "f", fieldPlaces: true)
    let bare = BibFormats.read(bytes, format: format, file: "f", fieldPlaces: false)
    #expect(!kept.document.fieldLocations.isEmpty)
    #expect(bare.document.fieldLocations.isEmpty)
    #expect(bare.references == kept.references)
    #expect(bare.references.count == (format == .cslJSON ? Self.count : 300))
    #expect(bare.document.locations == kept.document.locations)
    #expect(bare.diagnostics == kept.diagnostics)
    let files = [BibliographyFiles.File(path: "f", bytes: bytes)]
    let merged = BibliographyFiles.read(files, fieldPlaces: false)
    #expect(merged.references == kept.references && merged.document.fieldLocations.isEmpty)
  }

  /// An item read without field places makes none, on either decoding path (the document
  /// would drop them anyway: making them was the cost saved).
  @Test func anItemReadWithoutFieldPlacesMakesNone() throws {
    let bytes = Array(Self.minified([Self.item(1)]).utf8)
    let element = try #require(bytes.withUnsafeBufferPointer { JSONArraySplitter.split($0) }?.first)
    let item = try #require(bytes.withUnsafeBufferPointer { CSLJSONItem.decode($0, element) })
    #expect(CSLItemRead(item, offset: 0, file: "f", fieldPlaces: false).fieldPlaces.isEmpty)
    #expect(CSLItemRead(item, offset: 0, file: "f").fieldPlaces.count == 6)
    let value = try JSONParser.parse(Array(Self.item(1).utf8))
    #expect(CSLItemRead(value, offset: 0, file: "f", fieldPlaces: false).fieldPlaces.isEmpty)
    #expect(CSLItemRead(value, offset: 0, file: "f").fieldPlaces.count == 6)
  }

  /// Bytes that are not UTF-8 never pass as such: a stray byte in a string is read as
  /// Windows-1252 with a warning, as the decoding path has always done.
  @Test func aStrayByteStillTakesTheDecodingPath() throws {
    var bytes = Array(Self.minified((0..<Self.count).map { Self.item($0) }).utf8)
    let at = try #require(bytes.firstIndex(of: UInt8(ascii: "Z")))
    bytes[at] = 0xE9
    let read = BibFormats.read(bytes, format: .cslJSON, file: "latin.json")
    #expect(read.references.count == Self.count)
    #expect(read.diagnostics.contains { $0.code == "invalid-utf8" })
  }
}
