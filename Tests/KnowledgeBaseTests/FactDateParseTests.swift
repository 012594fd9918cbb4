import BibModel
import Testing

@testable import KnowledgeBase

/// `FactDate.parse` reads bytes; this is the same grammar read on characters, the way it was
/// first written, and the two agree on generated texts.
@Suite struct FactDateParseTests {
  static func characterParse(_ text: String) -> FactDate? {
    var body = Substring(text.trimmingCharacters(in: " "))
    var negative = false
    if body.hasPrefix("-") {
      negative = true
      body = body.dropFirst()
    }
    let fields = body.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(fields.count),
      fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
    else { return nil }
    guard fields[0].count == 4, let unsigned = Int(fields[0]) else { return nil }
    let year = negative ? -unsigned : unsigned
    var month: Int?
    var day: Int?
    if fields.count >= 2 {
      guard fields[1].count == 2, let value = Int(fields[1]), (1...12).contains(value) else { return nil }
      month = value
    }
    if fields.count == 3 {
      guard fields[2].count == 2, let value = Int(fields[2]), let month,
        (1...DateParts.days(inMonth: month, year: year)).contains(value)
      else { return nil }
      day = value
    }
    return FactDate(year: year, month: month, day: day)
  }

  @Test func byteReadingEqualsCharacterReading() {
    // Digits weighted so that real dates come up; hyphens, spaces and a few other characters.
    let alphabet = Array("0123456789012345678901-- -- 1x٣\u{301}\u{A0}")
    var state: UInt64 = 11
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: (state >> 33) % UInt64(bound))
    }
    var parsed = 0
    for _ in 0..<60_000 {
      let text = String((0..<next(13)).map { _ in alphabet[next(alphabet.count)] })
      let fast = FactDate.parse(text)
      #expect(fast == Self.characterParse(text), "\(text.debugDescription)")
      if fast != nil { parsed += 1 }
    }
    // Enough of the generated texts are dates for the comparison to mean something.
    #expect(parsed > 500)
    let shapes = [
      "1962", "1962-08", "1962-08-31", "-0044-03-15", " 2004-02-29 ", "2003-02-29", "1962-13", "1962-00",
      "62", "19620", "1962-8", "1962-08-1", "1962--08", "1962-08-31-", "-", "", "   ", "9999-12-31", "0000",
      "１９６２", "1962\u{A0}", "1962 \u{301}", "12345678901234567890",
    ]
    for text in shapes { #expect(FactDate.parse(text) == Self.characterParse(text), "\(text.debugDescription)") }
    #expect(FactDate.parse(" 2004-02-29 ") == FactDate(year: 2004, month: 2, day: 29))
    #expect(FactDate.parse("-0044-03-15") == FactDate(year: -44, month: 3, day: 15))
  }
}
