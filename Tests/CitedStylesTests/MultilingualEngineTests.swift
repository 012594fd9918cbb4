import BibModel
import CSLStyle
import Testing

/// The engine's side of the extension, one rule at a time, on small inline styles.
@Suite struct MultilingualEngineTests {
  static let zhou = Name(
    family: "周", given: "望", forms: ["zh-Latn-pinyin": Name(family: "Zhou", given: "Wang")])
  static let murakami = Name(
    family: "村上", given: "春樹", forms: ["ja-Latn-hepburn": Name(family: "Murakami", given: "Haruki")])
  static let ivanov = Name(family: "Иванов", given: "Иван", forms: ["ru-Latn": Name(family: "Ivanov", given: "Ivan")])

  static let article = Reference(
    id: "a", type: "article-journal", variables: ["title": "中国'小组'政治模式解析", "language": "zh-Hans"],
    names: ["author": [zhou]],
    forms: [
      "title": [
        "zh-Latn-pinyin": "Zhongguo xiaozu zhengzhi moshi jiexi", "zh-Latn-wadegile": "Chung-kuo hsiao-tsu",
        "en": "An analysis", "de": "Eine Analyse",
      ]
    ])
  static let english = Reference(
    id: "e", type: "book", variables: ["title": "the art of war", "language": "en"],
    names: ["author": [Name(family: "Smith", given: "John")]])

  /// The bibliography entry of each reference (text format) for a bibliography layout body.
  static func entries(
    _ layout: String, _ references: [Reference], locale: String = "en-US", root: String = ""
  ) throws -> [String] {
    let parsed = StyleParser.parse(
      """
      <style xmlns="http://purl.org/net/xbiblio/csl" xmlns:cited="https://cited.dev/ns/csl-multilingual"
             class="in-text" version="1.0" default-locale="\(locale)" \(root)>
        <info><title>T</title><id>t</id></info>
        <citation><layout><text variable="title"/></layout></citation>
        <bibliography><layout>\(layout)</layout></bibliography>
      </style>
      """, file: "t.csl")
    #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
    guard let style = parsed.style else { throw StyleTestSupport.Failure(description: "\(parsed.diagnostics)") }
    return StyleTestSupport.render(style: style, references: references).bibliography
  }

  @Test func textForms() throws {
    func render(_ form: String, lang: String = "") throws -> String? {
      try Self.entries(
        #"<text variable="title" cited:form="\#(form)" \#(lang) prefix="&lt;" suffix="&gt;"/>"#, [Self.article]
      ).first
    }
    #expect(try render("original") == "<中国’小组’政治模式解析>")
    #expect(try render("romanized") == "<Zhongguo xiaozu zhengzhi moshi jiexi>")
    #expect(try render("translated") == "<An analysis>")
    #expect(try render("translated", lang: #"cited:lang="de""#) == "<Eine Analyse>")
    #expect(try render("romanized", lang: #"cited:lang="zh-Latn-wadegile""#) == "<Chung-kuo hsiao-tsu>")
    #expect(try render("romanized", lang: #"cited:lang="de""#) == "<Zhongguo xiaozu zhengzhi moshi jiexi>")
    #expect(try render("romanized-original") == "<Zhongguo xiaozu zhengzhi moshi jiexi 中国’小组’政治模式解析>")
    #expect(try render("translated-original") == "<An analysis 中国’小组’政治模式解析>")
    #expect(try render("original-translated") == "<中国’小组’政治模式解析 An analysis>")
  }

  @Test func translationFollowsTheLocaleLanguageWithoutCitedLang() throws {
    let entries = try Self.entries(
      #"<text variable="title" cited:form="translated"/>"#, [Self.article], locale: "de-DE")
    #expect(entries == ["Eine Analyse"])
  }

  /// Missing forms: romanized falls back to the original, translated prints nothing at all
  /// (its affixes vanish, and so does an enclosing group).
  @Test func missingForms() throws {
    let layout = """
      <group delimiter="|"><text variable="title" cited:form="romanized"/>\
      <text variable="title" cited:form="translated" prefix="[" suffix="]"/>\
      <text variable="title" cited:form="romanized-original"/></group>
      """
    #expect(try Self.entries(layout, [Self.english]) == ["the art of war|the art of war"])
    let lone = #"<group prefix="(" suffix=")"><text variable="title" cited:form="translated"/></group>"#
    let entry = try Self.entries(lone, [Self.english]).first ?? ""
    #expect(!entry.contains("("), "the group printed: \(entry)")
  }

  @Test func hasForm() throws {
    let layout = """
      <choose><if cited:has-form="translated" variable="title"><text value="T"/></if>\
      <else><text value="-"/></else></choose>\
      <choose><if cited:has-form="romanized" variable="author"><text value="R"/></if>\
      <else><text value="-"/></else></choose>
      """
    #expect(try Self.entries(layout, [Self.article, Self.english]) == ["TR", "--"])
  }

  @Test func nameForms() throws {
    func render(_ attributes: String, _ name: String = "", names: [Name] = [Self.zhou]) throws -> String? {
      let reference = Reference(id: "n", type: "book", variables: ["title": "x"], names: ["author": names])
      return try Self.entries(
        #"<names variable="author" \#(attributes)><name and="text" \#(name)/></names>"#, [reference]
      ).first
    }
    // Without the extension: the original, family first, no separator.
    #expect(try render("") == "周望")
    #expect(try render(#"cited:name-form="original""#) == "周望")
    // Romanized East Asian names print family first in display order too.
    #expect(try render(#"cited:name-form="romanized""#) == "Zhou Wang")
    #expect(try render(#"cited:name-form="romanized""#, #"name-as-sort-order="all""#) == "Zhou, Wang")
    #expect(try render(#"cited:name-form="romanized-original""#, #"name-as-sort-order="all""#) == "Zhou, Wang 周望")
    #expect(
      try render(#"cited:name-form="romanized-original" cited:romanized-separator=" ""#, #"name-as-sort-order="all""#)
        == "Zhou Wang 周望")
    #expect(try render(#"cited:name-form="romanized-original""#, #"form="short""#) == "Zhou 周")
    #expect(try render(#"cited:name-form="romanized""#, names: [Self.murakami]) == "Murakami Haruki")
    // Given names in a non-Latin script are never initialized.
    #expect(try render(#"cited:name-form="romanized-original""#, #"initialize-with=". ""#) == "Zhou W. 周望")
    // A romanization of a European language follows the usual order.
    #expect(try render(#"cited:name-form="romanized""#, names: [Self.ivanov]) == "Ivan Ivanov")
    // Mixed authors: each name in its own form.
    let mixed = [Name(family: "Smith", given: "John"), Self.zhou]
    #expect(
      try render(
        #"cited:name-form="romanized-original""#, #"name-as-sort-order="first" delimiter-precedes-last="always""#,
        names: mixed)
        == "Smith, John, and Zhou Wang 周望")
  }

  /// The `cs:name` setting wins over the `cs:names` one; a substituted `cs:names` inherits.
  @Test func nameFormInheritance() throws {
    let reference = Reference(id: "n", type: "book", variables: ["title": "x"], names: ["editor": [Self.zhou]])
    let layout = """
      <names variable="author" cited:name-form="romanized"><name/>\
      <substitute><names variable="editor"/></substitute></names>
      """
    #expect(try Self.entries(layout, [reference]) == ["Zhou Wang"])
    let override = #"<names variable="editor" cited:name-form="romanized"><name cited:name-form="original"/></names>"#
    #expect(try Self.entries(override, [reference]) == ["周望"])
  }

  /// Title case applies to English items only, whatever form is printed.
  @Test func titleCaseOnlyForEnglishItems() throws {
    let layout = #"<text variable="title" cited:form="romanized" text-case="title"/>"#
    #expect(
      try Self.entries(layout, [Self.article, Self.english]) == [
        "Zhongguo xiaozu zhengzhi moshi jiexi", "The Art of War",
      ])
  }

  @Test func dataQuotesAsWritten() throws {
    let layout = #"<text variable="title" quotes="true"/>"#
    let reference = Reference(
      id: "q", type: "book", variables: ["title": "China's 'small group' model", "language": "en"])
    #expect(try Self.entries(layout, [reference]) == ["“China’s ‘small group’ model”"])
    #expect(
      try Self.entries(layout, [reference], root: #"cited:data-quotes="as-written""#)
        == ["“China's 'small group' model”"])
  }

  /// `cited:item-locale="true"`: terms and date formats from the item's language.
  @Test func itemLocale() throws {
    let dated = { (id: String, language: String) in
      Reference(
        id: id, type: "book", variables: ["title": id, "language": language],
        dates: ["issued": DateValue(parts: [DateParts(year: 2013, month: 7, day: 8)])])
    }
    let layout = #"<group delimiter=" "><text term="no date"/><date variable="issued" form="text"/></group>"#
    let items = [dated("a", "zh-Hans"), dated("b", "en")]
    // An entry that opens with a term starts in upper case (as citeproc-js).
    #expect(try Self.entries(layout, items) == ["No date July 8, 2013", "No date July 8, 2013"])
    #expect(
      try Self.entries(layout, items, root: #"cited:item-locale="true""#)
        == ["无日期 2013年7月8日", "No date July 8, 2013"])
  }
}
