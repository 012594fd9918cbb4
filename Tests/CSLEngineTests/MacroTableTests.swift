import BibModel
import CSLStyle
import Testing

@testable import CSLEngine

/// The macro table finds every macro by its full name, whatever the names' digests share.
@Suite struct MacroTableTests {
  static func body(_ value: String) -> [CSL.Element] { [.text(CSL.Text(source: .value(value)))] }

  @Test func findsEveryMacroAndNothingElse() {
    // Names that share their first two and last two bytes and their length share a digest.
    var macros: [(name: String, elements: [CSL.Element])] = []
    for index in 0..<40 {
      macros.append(("au\(Character(UnicodeScalar(65 + index % 26) ?? "A"))\(index / 26)or", Self.body("m\(index)")))
    }
    macros += [("author", Self.body("a")), ("auxxor", Self.body("b")), ("x", Self.body("c")), ("", Self.body("d"))]
    macros.append(("作者", Self.body("e")))
    let table = MacroTable(macros)
    for macro in macros { #expect(table.body(macro.name) == macro.elements, "\(macro.name)") }
    for missing in ["authors", "auyyor", "y", "au", "作", "autor"] { #expect(table.body(missing) == nil, "\(missing)") }
    #expect(MacroTable([]).body("author") == nil)
  }

  @Test func containsByteReadsSmallAndLargeStrings() {
    #expect("short<".containsByte(0x3C))
    #expect(!"short".containsByte(0x3C))
    let long = String(repeating: "a long value without markup ", count: 8)
    #expect(!long.containsByte(0x3C))
    #expect((long + "<").containsByte(0x3C))
    #expect((long + "é").containsByte(where: { $0 >= 0x80 }))
    #expect(!long.containsByte(where: { $0 >= 0x80 }))
  }

  /// The search through the string's storage finds what a byte-by-byte search finds: every
  /// byte at the first place, the last, in between, nowhere, inside a character of several
  /// bytes and as a NUL, in strings stored inline and on the heap.
  @Test func containsByteAgreesWithAPlainSearch() {
    let texts = [
      "", "<", "a", "ab<", "<ab", "a\u{0}b", "é", "Zürich", "東京大学", "a b\tc",
      String(repeating: "xyz", count: 40) + "<", "<" + String(repeating: "é", count: 30),
    ]
    for text in texts {
      for byte in [0x00, 0x20, 0x3C, 0x61, 0x62, 0x7A, 0xA9, 0xC3, 0xE6, 0xFF] as [UInt8] {
        #expect(text.containsByte(byte) == Array(text.utf8).contains(byte), "\(text) \(byte)")
      }
    }
  }
}
