import BibModel
import Testing

@testable import BibFormats

/// Every encoding real exports use reads, or is refused with an error that names `--encoding`.
@Suite struct EncodingTests {
  static let text = "@book{a, author = {Müller, Jürgen and 周, 望}, title = {Über 中文}}\n"

  func utf16(_ text: String, bigEndian: Bool, mark: Bool) -> [UInt8] {
    var bytes: [UInt8] = mark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
    for unit in text.utf16 {
      let high = UInt8(unit >> 8)
      let low = UInt8(unit & 0xFF)
      bytes += bigEndian ? [high, low] : [low, high]
    }
    return bytes
  }

  @Test(arguments: [(false, true), (true, true), (false, false), (true, false)])
  func utf16ReadsInBothByteOrdersWithAndWithoutAMark(bigEndian: Bool, mark: Bool) throws {
    let result = BibFormats.read(utf16(Self.text, bigEndian: bigEndian, mark: mark), format: .biblatex, file: "x.bib")
    #expect(result.references.first?["title"] == "Über 中文")
    #expect(result.isClean, "\(result.diagnostics)")
  }

  @Test func utf8WithAByteOrderMarkReads() {
    let result = BibFormats.read([0xEF, 0xBB, 0xBF] + Array(Self.text.utf8), format: .biblatex, file: "x.bib")
    #expect(result.references.first?.names["author"]?.first?.family == "Müller")
    #expect(result.isClean)
  }

  @Test func jabrefEncodingHeaderIsObeyed() {
    // "Müller" and an en dash in Windows-1252, after JabRef's header line.
    let bytes =
      Array("% Encoding: windows-1252\n@book{a, author = {M".utf8) + [0xFC] + Array("ller, J.}, title = {A ".utf8)
      + [0x96] + Array(" B}}\n".utf8)
    let result = BibFormats.read(bytes, format: .biblatex, file: "jabref.bib")
    #expect(result.references.first?.names["author"]?.first?.family == "Müller")
    #expect(result.references.first?["title"] == "A – B")
    #expect(result.isClean, "\(result.diagnostics)")
  }

  @Test func gbkNeedsEncodingAndReadsWithIt() throws {
    // 周望 and 中文 in GBK.
    let bytes =
      Array("@book{a, author = {".utf8) + [0xD6, 0xDC, 0x2C, 0x20, 0xCD, 0xFB] + Array("}, title = {".utf8)
      + [0xD6, 0xD0, 0xCE, 0xC4] + Array("}}\n".utf8)
    let refused = BibFormats.read(bytes, format: .biblatex, file: "gbk.bib")
    #expect(refused.references.isEmpty)
    let error = try #require(refused.diagnostics.first { $0.severity == .error })
    #expect(error.code == "encoding")
    #expect(error.hint?.contains("--encoding") == true)
    let read = BibFormats.read(bytes, format: .biblatex, file: "gbk.bib", encoding: "gbk")
    #expect(read.references.first?["title"] == "中文")
    #expect(read.references.first?.names["author"]?.first?.family == "周")
    #expect(read.isClean)
  }

  @Test(arguments: ["latin1", "windows-1252", "shift_jis", "gb18030"])
  func namedEncodingsRead(_ name: String) throws {
    let samples: [String: ([UInt8], String)] = [
      "latin1": ([0x43, 0x61, 0x66, 0xE9], "Café"),
      "windows-1252": ([0x80, 0x20, 0x93, 0x78, 0x94], "€ “x”"),
      "shift_jis": ([0x93, 0xFA, 0x96, 0x7B], "日本"),
      "gb18030": ([0xD6, 0xD0, 0xCE, 0xC4], "中文"),
    ]
    let (body, expected) = try #require(samples[name])
    let bytes = Array("@book{a, title = {".utf8) + body + Array("}}\n".utf8)
    let result = BibFormats.read(bytes, format: .biblatex, file: "x.bib", encoding: name)
    #expect(result.references.first?["title"] == expected)
  }

  @Test func anUnknownEncodingNameIsAnError() {
    let result = BibFormats.read(Array(Self.text.utf8), format: .biblatex, file: "x.bib", encoding: "no-such-code")
    #expect(result.references.isEmpty)
    #expect(result.diagnostics.contains { $0.severity == .error && $0.message.contains("no-such-code") })
  }

  @Test func doubleByteGuessAndSingleByteGuess() {
    #expect(TextDecoder.looksDoubleByte([0x41, 0xD6, 0xD0, 0xCE, 0xC4, 0x42]))
    #expect(!TextDecoder.looksDoubleByte(Array("M".utf8) + [0xFC] + Array("ller Caf".utf8) + [0xE9]))
  }
}
