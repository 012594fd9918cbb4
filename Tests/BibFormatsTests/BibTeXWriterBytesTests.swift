import BibModel
import Testing

@testable import BibFormats

/// The byte readings the BibLaTeX writer and its read-back check take answer as the character
/// and scalar readings do, for every text: names, field values, keys, field names and the
/// `csl` blob's shortcut for entries that read back whole.
@Suite struct BibTeXWriterBytesTests {
  /// Random texts of `count` pieces at most.
  private func texts(_ pieces: [String], count: Int, number: Int) -> [String] {
    var generator = SystemRandomNumberGenerator()
    return (0..<number).map { _ in
      (0..<Int.random(in: 0...count, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }
        .joined()
    }
  }

  @Test func commonNamesReadAsTheFullReadingReadsThem() {
    let families = [
      "Smith", " Smith", "  \u{301}Smith", "van Beethoven", "{WHO}", "é", "\u{301}x", "周", "Müller", "O'Neil",
      "Smith~Jones", "a=b", "Zhou\t", "",
    ]
    let separators = [", ", ",", " , ", " ", ",,", "", ",  ", ", \u{301}", ",\u{600}"]
    let givens = ["John", "J. R.", "Jean-Pierre", "", " ", "é", "\u{301}", "{\\'e}", "Jr, John", "恩来", "Anna "]
    let fast = namesReadOnBytes([families, separators, givens], by: BibTeXNames.parseFamilyCommaGiven)
    // Both readings occur: the comparison is not of a path never taken.
    #expect(fast > 800 && fast < 7000, "\(fast) read on the bytes")
  }

  @Test func namesWithParticlesSuffixesAndBracesReadAsTheFullReadingReadsThem() {
    let families = [
      "van der Berg", "de la Fontaine", "d'Alembert", "van  Beethoven", "Smith Jones", "von é", "van Éire", "1st Baron",
      "{WHO}", "{World Health {Org}}", "{A} {B}", "{\\relax x}", "{\u{301}x}", "{x\u{600}}", "{a\\}b}", "", " van Dyck",
      "周 恩来", "Mc Donald", "la", "\u{301}van Berg",
    ]
    let separators = [", ", ",", " , ", "", ",, ", ", Jr., ", ", III, ", ", , ", ",\t", " \n"]
    let givens = ["John", "J. R.", "", " ", "é", "\u{301}", "{\\'e}", "Jr, John", "Anna ", "x=y"]
    let fast = namesReadOnBytes([families, separators, givens], by: BibTeXNames.parseOnBytes)
    // Both readings occur.
    #expect(fast > 1000 && fast < 7500, "\(fast) read on the bytes")
  }

  /// Names of one piece of each list, 8,000 of them, read by `reading` on their bytes: each
  /// name it reads must equal the full reading's. Returns how many it read.
  private func namesReadOnBytes(
    _ pieces: [[String]], by reading: (UnsafeBufferPointer<UInt8>) -> Name?
  ) -> Int {
    var generator = SystemRandomNumberGenerator()
    var fast = 0
    for _ in 0..<8000 {
      let text = onePieceOfEach(pieces, using: &generator)
      guard let onBytes = text.utf8.withContiguousStorageIfAvailable(reading) ?? nil else { continue }
      fast += 1
      #expect(onBytes == BibTeXNames.parseNameInFull(text), "\(Array(text.unicodeScalars))")
    }
    return fast
  }

  @Test func oneBracedGroupDecodesAsTheScalarWalkDecodesIt() {
    let pieces = [
      "-", "--", "'", "a", "Hoff", " ", "  ", "é", "\u{301}", "{", "}", "\\", "~", "x-y", "\u{E0F0}", "van 't",
    ]
    var kept = 0
    for inner in texts(pieces, count: 5, number: 6000) {
      let text = "{" + inner + "}"
      let decoded = LaTeXDecoder.decode(text, caseProtection: false)
      #expect(decoded == LaTeXDecoder.decodeByScalars(text, caseProtection: false), "\(Array(text.unicodeScalars))")
      if decoded == inner { kept += 1 }
    }
    #expect(kept > 500, "\(kept)")
  }

  @Test func nameListsSplitAtDepthZeroAnds() {
    #expect(
      BibTeXNames.splitList("Smith, John and  Doe,\tJane AND {Barnes and Noble}") == [
        "Smith, John", "Doe, Jane", "{Barnes and Noble}",
      ])
    #expect(BibTeXNames.splitList(" and Smith and and \\and x ") == ["Smith", "\\and x"])
    #expect(BibTeXNames.splitList("Zhou\r\nEnlai and 周 恩来") == ["Zhou Enlai", "周 恩来"])
    #expect(BibTeXNames.splitList("   ").isEmpty)
  }

  @Test func plainValuesDecodeAsTheScalarWalkDecodesThem() {
    // (Not U+E000 or U+E001: the scalar walk uses them for line breaks, so a text holding one
    // reads differently there; the fast path sends every text with a lone mark and their first
    // byte to the walk, as before it read lone marks.)
    let pieces = ["-", "--", "'", "''", "`", "``", " ", "  ", "a", "Title", "é", "{", "\\", "~", "x-y", "\u{E0F0}"]
    var unchanged = 0
    for text in texts(pieces, count: 6, number: 8000) {
      for caseProtection in [false, true] {
        let decoded = LaTeXDecoder.decode(text, caseProtection: caseProtection)
        #expect(
          decoded == LaTeXDecoder.decodeByScalars(text, caseProtection: caseProtection),
          "\(Array(text.unicodeScalars))")
        if decoded == text { unchanged += 1 }
      }
    }
    #expect(unchanged > 1000 && unchanged < 15000, "\(unchanged) unchanged")
  }

  @Test func keysAndFieldNamesAreReadAsTheCharactersReadThem() {
    let pieces = [
      "smith2010", "a", "0", " ", ",", "{", "(", "=", "@", "\"", "#", "%", "'", "\\", "~", "\t", "\r\n", "é", "\u{7F}",
      "-", ":",
    ]
    var keptKeys = 0
    var fieldNames = 0
    for text in texts(pieces, count: 4, number: 8000) {
      let key = BibTeXWriter.key(for: text)
      #expect(key == BibTeXWriter.keyByCharacters(for: text), "\(Array(text.unicodeScalars))")
      if key == text { keptKeys += 1 }
      let isField = BibTeXWriter.isFieldName(text)
      #expect(isField == BibTeXWriter.isFieldNameByScalars(text), "\(Array(text.unicodeScalars))")
      if isField { fieldNames += 1 }
    }
    #expect(keptKeys > 300 && keptKeys < 7500, "\(keptKeys) kept")
    #expect(fieldNames > 300 && fieldNames < 7500, "\(fieldNames) field names")
  }

  @Test func entriesThatReadBackWholeNeedABlobOnlyForTheirId() {
    var generator = ReferenceGenerator(seed: 17)
    var shortcuts = 0
    for index in 0..<400 {
      let wanted = generator.reference(index)
      var native = wanted
      switch generator.int(0...3) {
      case 0: break
      case 1: native.id += "_2"
      case 2: native.variables[.title] = (native.variables[.title] ?? "") + "!"
      default:
        native.id += "_x"
        native.names[.author] = []
      }
      var renamed = native
      renamed.id = wanted.id
      if renamed == wanted { shortcuts += 1 }
      #expect(CSLBlob.make(wanted: wanted, native: native) == CSLBlob.makeByMembers(wanted: wanted, native: native))
    }
    #expect(shortcuts > 50 && shortcuts < 350, "\(shortcuts) shortcuts")
  }
}

/// A text of one piece of each list, in order, picked at random.
private func onePieceOfEach(_ lists: [[String]], using generator: inout SystemRandomNumberGenerator) -> String {
  lists.map { $0.randomElement(using: &generator) ?? "" }.joined()
}

/// RIS lines and tags read on their bytes answer as the scalar and character readings do.
@Suite struct RISBytesTests {
  private let pieces = [
    "TY", "AU", "T1", "ty", " ", "  ", "-", " - ", "  - ", "\r", "\n", "\r\n", "x", "é", "\u{301}", "\u{600}", "\t",
    "Smith, John", "",
  ]

  private func texts(number: Int) -> [String] {
    var generator = SystemRandomNumberGenerator()
    return (0..<number).map { _ in
      (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }
        .joined()
    }
  }

  @Test func linesSplitAsTheScalarsSplit() {
    var split = 0
    for text in texts(number: 6000) {
      for keep in [false, true] {
        let lines = text.lines(keepingCarriageReturns: keep)
        #expect(lines == text.linesByScalars(keepingCarriageReturns: keep), "\(Array(text.unicodeScalars))")
        if lines.count > 1 { split += 1 }
      }
    }
    #expect(split > 1000 && split < 11_000, "\(split) split")
  }

  @Test func tagLinesReadAsTheCharactersReadThem() {
    let tags = ["TY", "AU", "T1", "ty", "A", "T1x", "é1", "T\u{301}", "", "ER"]
    let separators = ["  - ", " - ", "  -", " -", "  -  ", "  – ", "\u{301} - ", "  - \u{301}", "  -\t", "-", "  "]
    let values = ["JOUR", "", " Smith, John", "é", "\r", "x\u{301}", "\u{600}a", "a\tb\t"]
    var generator = SystemRandomNumberGenerator()
    var tagged = 0
    for _ in 0..<12_000 {
      // A line as the reader hands it over: without its line feed.
      let text = onePieceOfEach([tags, separators, values], using: &generator)
      let line = Substring(text)
      let parsed = RISReader.parseTagLine(line)
      let expected = RISReader.parseTagLineByCharacters(line)
      #expect(parsed?.0 == expected?.0 && parsed?.1 == expected?.1, "\(Array(line.unicodeScalars))")
      if parsed != nil { tagged += 1 }
    }
    #expect(tagged > 300 && tagged < 11_000, "\(tagged) tagged")
  }
}
