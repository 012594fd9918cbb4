import Testing

@testable import BibModel

@Suite struct CSLJSONTests {
  static let zhou = """
    [
      {
        "id": "zhou2010",
        "type": "article-journal",
        "author": [{"family": "周", "given": "望", "multi": {"_key": {"zh-Latn-pinyin": {"family": "Zhou", "given": "Wang"}}}}],
        "title": "中国'小组'政治模式解析",
        "container-title": "云南社会科学",
        "issue": 3,
        "page": "14-18",
        "language": "zh-Hans",
        "issued": {"date-parts": [[2010, 1]]},
        "multi": {"_keys": {"title": {"zh-Latn-pinyin": "Zhongguo xiaozu zhengzhi moshi jiexi", "en": "An analysis of China's 'small group' political model"}}},
        "custom-field": {"kept": [1, 2]}
      }
    ]
    """

  @Test func readsVariablesNamesDatesAndForms() throws {
    let result = CSLJSON.read(Self.zhou, file: "zhou.json")
    #expect(result.diagnostics.isEmpty)
    let item = try #require(result.references.first)
    #expect(item.type == "article-journal")
    #expect(item["title"] == "中国'小组'政治模式解析")
    #expect(item["issue"] == "3")
    #expect(item.numericVariables.contains("issue"))
    #expect(item.dates["issued"]?.parts == [DateParts(year: 2010, month: 1)])
    let author = try #require(item.names["author"]?.first)
    #expect(author.family == "周")
    #expect(author.isNonRomanic)
    #expect(author.romanized?.name.family == "Zhou")
    #expect(item.romanized("title") == "Zhongguo xiaozu zhengzhi moshi jiexi")
    #expect(item.translated("title") == "An analysis of China's 'small group' political model")
    #expect(item.extra["custom-field"] != nil)
    #expect(result.locations["zhou2010"]?.line == 2)
  }

  @Test func writingAndReadingAgainGivesTheSameModel() throws {
    let first = CSLJSON.read(Self.zhou, file: "a.json")
    let written = CSLJSON.write(first.references)
    let second = CSLJSON.read(written, file: "b.json")
    #expect(second.diagnostics.isEmpty)
    #expect(second.references == first.references)
    // Canonical output is a fixed point.
    #expect(CSLJSON.write(second.references) == written)
  }

  @Test func oneBadItemCostsOnlyThatItem() {
    let text = """
      [
        {"type": "book", "title": "no id"},
        {"id": "ok", "type": "book", "title": "fine"},
        {"id": "ok", "type": "book", "title": "duplicate"},
        42
      ]
      """
    let result = CSLJSON.read(text, file: "bad.json")
    #expect(result.references.map(\.id) == ["ok"])
    let codes = result.diagnostics.map(\.code)
    #expect(codes.contains("missing-id"))
    #expect(codes.contains("duplicate-id"))
    #expect(codes.contains("csl-json-shape"))
    let missing = result.diagnostics.first { $0.code == "missing-id" }
    #expect(missing?.location == SourceLocation(file: "bad.json", line: 2, column: 3))
  }

  @Test func syntaxErrorsCarryFileLineAndColumn() {
    let result = CSLJSON.read("[\n  {\"id\": \"a\",\n   \"title\" \"x\"}\n]", file: "broken.json")
    #expect(result.references.isEmpty)
    let diagnostic = result.diagnostics.first
    #expect(diagnostic?.code == "json-syntax")
    #expect(diagnostic?.location?.file == "broken.json")
    #expect(diagnostic?.location?.line == 3)
  }

  @Test func rawAndStringDatesAreParsedAndWrittenBackAsWritten() throws {
    let text =
      #"[{"id": "a", "type": "book", "issued": {"raw": "2004-05/2006"}, "accessed": "2021-12-19", "submitted": "Spring 2003"}]"#
    let result = CSLJSON.read(text, file: "d.json")
    let item = try #require(result.references.first)
    #expect(item.dates["issued"]?.parts == [DateParts(year: 2004, month: 5), DateParts(year: 2006)])
    #expect(item.dates["accessed"]?.parts == [DateParts(year: 2021, month: 12, day: 19)])
    #expect(item.dates["submitted"]?.literal == "Spring 2003")
    let again = CSLJSON.read(CSLJSON.write(result.references), file: "e.json")
    #expect(again.references == result.references)
  }

  @Test(arguments: [
    ("2004", [DateParts(year: 2004)]),
    ("2004-05-12", [DateParts(year: 2004, month: 5, day: 12)]),
    ("-0044-03-15", [DateParts(year: -44, month: 3, day: 15)]),
    ("2004/..", [DateParts(year: 2004), DateParts(year: nil)]),
  ])
  func parsesEDTF(_ text: String, _ expected: [DateParts]) {
    #expect(DateValue.parseEDTF(text)?.parts == expected)
  }

  @Test func edtfMarksAndSeasons() {
    #expect(DateValue.parseEDTF("2004~")?.circa == true)
    #expect(DateValue.parseEDTF("2004-22")?.season == "2")
    #expect(DateValue.parseEDTF("May 2004") == nil)
    #expect(DateValue.parseEDTF("2004-13") == nil)
  }

  @Test func readsCitationsInEveryShape() {
    let clusters = try? JSONParser.parse(
      #"[{"id": "c1", "noteIndex": 2, "items": [{"id": "a", "locator": "15", "label": "page"}]}]"#)
    let (citations, _) = CSLJSON.decodeCitations(clusters ?? .null, file: "c.json")
    #expect(citations.first?.noteIndex == 2)
    #expect(citations.first?.cites.first?.locator == "15")
    let nested = try? JSONParser.parse(#"[[{"id": "a"}, {"id": "b", "suppress-author": true}], [{"id": "c"}]]"#)
    let (lists, _) = CSLJSON.decodeCitations(nested ?? .null, file: "c.json")
    #expect(lists.map(\.cites.count) == [2, 1])
    #expect(lists.first?.cites.last?.suppressAuthor == true)
  }
}

@Suite struct TrimmingTests {
  @Test func trimsScalarsEvenInsideGraphemeClusters() {
    #expect("\r\n x \n".trimmingCharacters(in: " \r\n") == "x")
    #expect("\n".trimmingCharacters(in: " \r\n").isEmpty)
    #expect("é ".trimmingCharacters(in: " ") == "é")
  }
}
