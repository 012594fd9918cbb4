import CSLEngine
import Testing

@testable import Reports

/// Markdown escaping: the byte test that returns untouched text must agree with the character
/// rules it stands in front of.
@Suite struct MarkdownEscapeTests {
  @Test func plainTextIsReturnedAsItIs() {
    for text in ["Leading Small Group", "领导小组 (2010), p. 15", "a-b+c=d", "", "x\r\ny"] {
      #expect(MarkdownWriter.escape(text) == text)
    }
  }

  @Test func syntaxCharactersAndLineStartsAreEscaped() {
    #expect(MarkdownWriter.escape("a*b_c") == "a\\*b\\_c")
    #expect(MarkdownWriter.escape("-item") == "\\-item")
    #expect(MarkdownWriter.escape("one\n+two\n=three") == "one\n\\+two\n\\=three")
    #expect(MarkdownWriter.escape("@zhou2010 & co!") == "\\@zhou2010 \\& co\\!")
    #expect(MarkdownWriter.escape("周*") == "周\\*")
  }

  @Test func tableCellsKeepToTheirRow() {
    #expect(MarkdownWriter.tableCell("plain") == "plain")
    #expect(MarkdownWriter.tableCell("a|b\nc") == "a\\|b c")
  }

  @Test func engineMarkdownEscapesOnlyMarkedCharacters() {
    let format = MarkdownFormat()
    #expect(format.escape("Title: a study (2010)") == "Title: a study (2010)")
    #expect(format.escape("a_b <c> #1 [x]") == "a\\_b \\<c\\> \\#1 \\[x\\]")
  }
}
