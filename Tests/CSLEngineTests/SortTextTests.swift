import BibModel
import CSLStyle
import Testing

@testable import CSLEngine

/// Sort keys fold text character by character; ASCII runs are read from their bytes. The
/// characters that join an ASCII letter (combining marks, CR LF) must fold as the whole
/// character they make, wherever they stand.
@Suite struct SortTextTests {
  static func processor(locale: String) throws -> Processor {
    let text = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="\(locale)">
        <info><id/><title/></info>
        <citation><layout><text variable="title"/></layout></citation>
      </style>
      """
    let style = try #require(StyleParser.parse(text).style)
    return Processor(compiled: CompiledStyle(style: style, locale: CSL.Locale(lang: locale)), references: [])
  }

  static func key(_ value: SortValue) -> String? {
    if case .text(let text) = value { return text }
    return nil
  }

  @Test func foldsLettersWithMarksAsTheirBase() throws {
    let english = try Self.processor(locale: "en-US")
    #expect(Self.key(english.sortText("Amélie")) == "amelie")
    #expect(Self.key(english.sortText("Ame\u{301}lie")) == "amelie")
    #expect(Self.key(english.sortText("Ame\u{301}")) == "ame")
    #expect(Self.key(english.sortText("e\u{301}a")) == "ea")
    #expect(Self.key(english.sortText("Zo\u{308}e, Ann")) == "zoe ann")
    #expect(Self.key(english.sortText("A\r\nB")) == "ab")
    // A prepended mark makes one character with the digit after it: neither letter nor digit.
    #expect(Self.key(english.sortText("\u{600}1 x")) == " x")
    #expect(Self.key(english.sortText("O'Brien, Seán 2010")) == "obrien sean 2010")
    #expect(Self.key(english.sortText("  ")) == nil)
  }

  @Test func keepsLocaleTailoringsBesideASCII() throws {
    let czech = try Self.processor(locale: "cs-CZ")
    #expect(Self.key(czech.sortText("Chalupa")) == "h~alupa")
    #expect(Self.key(czech.sortText("Čapek")) == "c~apek")
    #expect(Self.key(czech.sortText("C\u{30C}apek")) == "c~apek")
    #expect(Self.key(czech.sortText("Ach")) == "ah~")
    let chinese = try Self.processor(locale: "zh-CN")
    let zhou = try #require(Self.key(chinese.sortText("周 Zhou")))
    #expect(zhou.hasPrefix(":") && zhou.hasSuffix(" zhou"))
    #expect(zhou.contains("周"))
  }
}
