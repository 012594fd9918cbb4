import Testing

@testable import CSLEngine

/// The byte reading of initials gives exactly what the character reading gives, on generated
/// names of letters, spaces, periods, hyphens and apostrophes, under every mark and option.
@Suite struct ASCIIInitialsTests {
  /// A fixed pseudo-random sequence (the test is the same on every run).
  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: (state >> 33) % UInt64(bound))
    }
  }

  static let alphabet = Array("aAbBcCjJpPhHyYzZ  ..--'")
  static let marks = [". ", ".", "", " ", ".\u{A0}", "-", ". \u{A0} ", "\u{A0}"]

  @Test func byteReadingEqualsCharacterReading() {
    var generator = Generator(state: 7)
    var compared = 0
    for _ in 0..<4000 {
      let length = generator.next(14)
      let given = String((0..<length).map { _ in Self.alphabet[generator.next(Self.alphabet.count)] })
      for mark in Self.marks {
        for (hyphen, initialize) in [(false, false), (false, true), (true, false), (true, true)] {
          let fast = ASCIIInitials.initials(given, with: mark, hyphen: hyphen, initialize: initialize)
          let slow = Renderer.characterInitials(given, with: mark, hyphen: hyphen, initialize: initialize)
          #expect(fast == slow, "'\(given)' mark '\(mark)' hyphen \(hyphen) initialize \(initialize)")
          compared += 1
        }
      }
    }
    #expect(compared == 4000 * Self.marks.count * 4)
  }

  @Test func namesAsStylesPrintThem() {
    #expect(Renderer.initials("Jean-Paul Marie", with: ". ", hyphen: true, initialize: true) == "J.-P. M.")
    #expect(Renderer.initials("Jean-Paul Marie", with: ". ", hyphen: false, initialize: true) == "J. P. M.")
    #expect(Renderer.initials("Tz.-Ch. Yang", with: ". ", hyphen: true, initialize: true) == "Tz.-Ch. Y.")
    #expect(Renderer.initials("John de", with: ".", hyphen: true, initialize: true) == "J. de")
    #expect(Renderer.initials("THomas", with: ".", hyphen: true, initialize: true) == "Th.")
  }

  /// What the byte reading leaves to the character reading: other characters, markup, a mark
  /// with other characters.
  @Test func leavesOtherTextToTheCharacterReading() {
    #expect(ASCIIInitials.initials("François", with: ". ", hyphen: true, initialize: true) == nil)
    #expect(ASCIIInitials.initials("<i>J</i>ohn", with: ". ", hyphen: true, initialize: true) == nil)
    #expect(ASCIIInitials.initials("John", with: "\u{2009}", hyphen: true, initialize: true) == nil)
    #expect(ASCIIInitials.initials("Jo\thn", with: ". ", hyphen: true, initialize: true) == nil)
    #expect(Renderer.initials("François Édouard", with: ". ", hyphen: true, initialize: true) == "F. É.")
  }
}
