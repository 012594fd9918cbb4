import BibModel
import Testing

@testable import CSLEngine

/// Values of digits, a hyphen and letters are read without splitting (`NumberValue`'s
/// shortcut); the general parse must read every one of them alike, under every variable,
/// locator label and set of locale terms.
@Suite struct NumberShortcutTests {
  static let pieces = ["1", "23", "0", "45", "e", "C", "n", "S", "pp", "xii", "A", "-", "-", "TR"]
  static let variables: [CSLVariable] = [
    .page, .pageFirst, .locator, .number, .volume, .issue, .edition, .collectionNumber, .numberOfPages,
    .chapterNumber,
  ]
  static let locatorLabels: [String?] = [nil, "page", "chapter", "line", "paragraph", "sub-verbo"]
  static let termSets: [@Sendable (String) -> Bool] = [
    { _ in true }, { _ in false }, { $0 != "issue" && $0 != "page" },
  ]

  @Test func shortcutAndGeneralParseAgree() {
    var generator = TextCaserTests.SplitMix(state: 11)
    var texts = ["e74478", "C7", "A1", "S12", "45n2", "2nd", "12a", "iv2", "12", "12-15", "TR7220", "x0", "0e"]
    for _ in 0..<1_000 {
      var text = ""
      for _ in 0..<(1 + Int(generator.next() % 4)) {
        text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
      }
      texts.append(text)
    }
    var shortcutsTaken = 0
    for text in texts {
      for variable in Self.variables {
        for label in Self.locatorLabels where label == nil || variable == .locator {
          for (termSet, hasTerm) in Self.termSets.enumerated() {
            let context = NumberValue.Context(
              variable: variable, locatorLabel: label, joiners: { (nil, "&") }, hasTerm: hasTerm)
            let fast = NumberValue(text, context: context)
            let general = NumberValue(text, context: context, shortcuts: false)
            #expect(
              Self.reading(fast) == Self.reading(general),
              "\(text.debugDescription) \(variable.rawValue) \(label ?? "-") terms \(termSet)")
            if text.utf8.contains(where: \.isASCIILetter), text.utf8.contains(where: { (0x30...0x39).contains($0) }),
              !text.contains("-")
            {
              shortcutsTaken += 1
            }
          }
        }
      }
    }
    // Letters with digits came up often enough to test the shortcut they take.
    #expect(shortcutsTaken > 5_000)
  }

  /// The shortcut takes letters and digits for no label: every known label ends in a full stop.
  @Test func everyLabelEndsInAFullStop() {
    #expect(!NumberValue.labelVariables.isEmpty)
    #expect(NumberValue.labelVariables.keys.allSatisfy { $0.hasSuffix(".") })
  }

  /// Everything a parsed value holds, as text.
  static func reading(_ value: NumberValue) -> String {
    "\(value.parts) \(value.labelVariable ?? "-") \(value.numeric) \(value.plural) \(value.variable.rawValue)"
  }
}
