import Testing

@testable import CSLStyle

/// `cs:text` keeps its fields in one shared box: copies stay values, each changed alone, and
/// equal texts compare and hash alike whether or not they share the box.
@Suite struct TextElementTests {
  @Test func copiesChangeAlone() {
    var original = CSL.Text(source: .variable("title", .short))
    original.decoration.prefix = "("
    var copy = original
    copy.source = .macro("author")
    copy.decoration.suffix = ")"
    copy.multilingual = CSL.MultilingualOptions()
    #expect(original.source == .variable("title", .short))
    #expect(original.decoration.suffix == nil && original.decoration.prefix == "(")
    #expect(original.multilingual == nil)
    #expect(copy.source == .macro("author") && copy.decoration.prefix == "(" && copy.decoration.suffix == ")")
  }

  @Test func equalTextsCompareAndHashAlike() {
    var first = CSL.Text(source: .term("page", .short, plural: true))
    first.decoration.textCase = .title
    var second = CSL.Text(source: .term("page", .short, plural: false))
    second.decoration.textCase = .title
    #expect(first != second)
    second.source = .term("page", .short, plural: true)
    #expect(first == second)
    #expect(Set([first, second]).count == 1)
    #expect(first == first.unsharedForTest())
  }
}

extension CSL.Text {
  /// The copy `CSL.Style.unshared` makes of a text element.
  fileprivate func unsharedForTest() -> CSL.Text {
    guard case .text(let copy) = Unshared.element(.text(self)) else { return self }
    return copy
  }
}
