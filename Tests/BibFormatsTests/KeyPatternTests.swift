import BibModel
import Testing

@testable import BibFormats

/// Citation keys for every script and JabRef-style key patterns.
@Suite struct KeyPatternTests {
  func reference(
    _ authors: [Name], title: String, year: Int? = 2010, language: String? = nil, extra: [CSLVariable: String] = [:]
  ) -> Reference {
    var variables: [CSLVariable: String] = ["title": title].merging(extra) { first, _ in first }
    if let language { variables["language"] = language }
    return Reference(
      id: "x", variables: variables, names: ["author": authors],
      dates: year.map { ["issued": DateValue(year: $0)] } ?? [:])
  }

  @Test func hanNamesGetPinyinFromTheTable() {
    #expect(CitationKeys.base(for: reference([Name(family: "张", given: "伟")], title: "领导小组")) == "zhang2010lingdao")
    // A name written whole: the surname is the first character, or a compound surname.
    #expect(CitationKeys.base(for: reference([Name(family: "周望")], title: "政治")) == "zhou2010zhengzhi")
    #expect(CitationKeys.base(for: reference([Name(family: "欧阳修")], title: "新唐书")) == "ouyang2010xintang")
    // Traditional characters too.
    #expect(CitationKeys.base(for: reference([Name(family: "陳", given: "明")], title: "X")) == "chen2010x")
  }

  @Test func aCharacterOutsideTheTableKeepsTheOriginalScript() {
    // 䶮 is not in the table: no half-romanized key, and never anon.
    #expect(CitationKeys.base(for: reference([Name(family: "䶮")], title: "X")) == "䶮2010x")
  }

  @Test func kanaIsRomanizedAndKanjiInJapaneseTextIsNotReadAsChinese() {
    #expect(KanaRomanizer.romanize("きょうと") == "kyouto")
    #expect(KanaRomanizer.romanize("にっぽん") == "nippon")
    #expect(KanaRomanizer.romanize("シャツ") == "shatsu")
    #expect(KanaRomanizer.romanize("マッチャ") == "matcha")  // Hepburn: っ before ch is t
    #expect(
      CitationKeys.base(for: reference([Name(family: "やまだ", given: "たろう")], title: "にっぽんの政治", language: "ja"))
        == "yamada2010nipponno")
    // 山田 read as Chinese would be "shantian": kanji keep their script instead.
    #expect(
      CitationKeys.base(for: reference([Name(family: "山田", given: "太郎")], title: "日本政治", language: "ja")) == "山田2010日本")
  }

  @Test func cyrillicIsTransliterated() {
    #expect(
      CitationKeys.base(for: reference([Name(family: "Щукин", given: "Ю.")], title: "Жизнь", year: 1999))
        == "shchukin1999zhizn")
  }

  @Test func patternsFollowJabRefSyntax() throws {
    let knuth = reference(
      [
        Name(family: "Knuth", given: "Donald E."), Name(family: "Plass", given: "Michael"),
        Name(family: "Müller", given: "A."),
      ],
      title: "The {TeX}book: Literate Programming", year: 1984,
      extra: ["container-title": "Computer Journal", "page": "97–111"])
    func key(_ pattern: String) throws -> String { try KeyPattern(pattern).key(for: knuth) }
    #expect(try key("[auth][year]") == "Knuth1984")
    #expect(try key("[auth:lower][shorttitle][year]") == "knuthTeXbookLiterateProgramming1984")
    #expect(try key("[auth:lower][year][veryshorttitle:lower]") == CitationKeys.base(for: knuth))
    #expect(try key("[authEtAl][shortyear]") == "KnuthEtAl84")
    #expect(try key("[auth.etal]") == "Knuth.etal")
    #expect(try key("[authors2]") == "KnuthPlassEtAl")
    #expect(try key("[authors]") == "KnuthPlassMuller")
    #expect(try key("[auth3:upper]-[firstpage]-[lastpage]") == "KNU-97-111")
    #expect(try key("[journal:abbr][year]") == "CJ1984")
    #expect(try key("[title:capitalize]") == "TeXbookLiterateProgramming")
    let two = reference([Name(family: "Lee", given: "A."), Name(family: "Kim", given: "B.")], title: "On Keys")
    #expect(try KeyPattern("[auth.etal]").key(for: two) == "Lee.Kim")
    // Cited's fallbacks: no author, no year.
    #expect(try KeyPattern("[auth][year]").key(for: reference([], title: "T", year: nil)) == "anonnd")
  }

  @Test func badPatternsAreErrors() {
    #expect(throws: KeyPattern.Invalid.self) { try KeyPattern("[auth") }
    #expect(throws: KeyPattern.Invalid.self) { try KeyPattern("auth]") }
    #expect(throws: KeyPattern.Invalid.self) { try KeyPattern("[auth:shout]") }
    #expect(throws: KeyPattern.Invalid.self) { try KeyPattern("plain") }
  }

  @Test func assignUsesThePatternAndSuffixesClashes() throws {
    let first = reference([Name(family: "Smith", given: "J.")], title: "Alpha")
    var second = reference([Name(family: "Smith", given: "J.")], title: "Beta")
    second.id = "y"
    let keys = CitationKeys.assign([first, second], pattern: try KeyPattern("[auth][year]"))
    #expect(keys["x"] == "Smith2010a" && keys["y"] == "Smith2010b")
  }
}
