import Testing

@testable import BibModel

/// Trimming a set of ASCII characters works on bytes; the result equals trimming scalar by
/// scalar, for strings and substrings, whatever the text around the ends.
@Suite struct ASCIITrimmingTests {
  @Test func byteAndScalarTrimmingAgree() {
    let pieces = [" ", "\t", "\r\n", "\n", "a", "Zhou", "é", "e\u{301}", "\u{A0}", "周", ",", "x ", " y"]
    let sets = [" \t\r\n", " ", ",", " ,", "\n"]
    var generator = SystemRandomNumberGenerator()
    var trimmed = 0
    for _ in 0..<20_000 {
      var text = ""
      for _ in 0..<Int(generator.next() % 6) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
      let set = sets[Int(generator.next() % UInt64(sets.count))]
      let result = text.trimmingCharacters(in: set)
      #expect(result == text.trimmingScalars(in: set), "\(text.debugDescription) in \(set.debugDescription)")
      let slice = text.dropFirst()
      #expect(slice.trimmingCharacters(in: set) == slice.trimmingScalars(in: set), "\(text.debugDescription)")
      if result != text { trimmed += 1 }
    }
    #expect(trimmed > 1_000 && trimmed < 19_000, "\(trimmed) trimmed")
    // A set with other scalars takes the scalar path.
    #expect("\u{A0}x\u{A0}".trimmingCharacters(in: "\u{A0}") == "x")
  }
}

/// Dates of digits and EDTF marks are read on their bytes; the result equals reading the
/// characters, for every such text (and any other text takes the characters).
@Suite struct EDTFBytesTests {
  @Test func byteAndCharacterReadingsAgree() {
    let pieces = [
      "2004", "-", "05", "12", "/", "..", "?", "~", "%", "0", "13", "21", "99999999999999999999", "1", "é", " ", "x",
      ".",
    ]
    var generator = SystemRandomNumberGenerator()
    var dates = 0
    for _ in 0..<20_000 {
      var text = ""
      for _ in 0..<Int(generator.next() % 6) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
      let trimmed = text.trimmingCharacters(in: " \t\n")
      guard !trimmed.isEmpty else {
        #expect(DateValue.parseEDTF(text) == nil)
        continue
      }
      let parsed = DateValue.parseEDTF(text)
      #expect(parsed == DateValue.parseEDTFCharacters(trimmed), "\(text.debugDescription)")
      if parsed != nil { dates += 1 }
    }
    #expect(dates > 1_000 && dates < 19_000, "\(dates) dates")
  }
}
