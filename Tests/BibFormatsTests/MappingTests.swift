import BibModel
import Testing

@testable import BibFormats

/// BibLaTeX read as biber and Pandoc read it.
@Suite struct MappingTests {
  func reference(_ text: String) throws -> Reference {
    try #require(BibFormats.read(Array(text.utf8), format: .biblatex, file: "m.bib").references.first)
  }

  @Test(arguments: ["Pe\\~{n}a, Jos\\'e", "Pe\\~na, Jos\\'{e}", "Jos\\'e Pe{\\~n}a"])
  func accentCommandsDecodeInNamesAsInTitles(_ written: String) throws {
    let name = try #require(try reference("@book{a, author = {\(written)}}").names["author"]?.first)
    #expect(name.family == "Peña")
    #expect(name.given == "José")
  }

  @Test func babelLanguageNamesBecomeBCP47AndAreWrittenBack() throws {
    #expect(try reference("@book{a, langid = {ngerman}}")["language"] == "de-DE")
    #expect(try reference("@book{a, language = {english}}")["language"] == "en")
    #expect(try reference("@book{a, langid = {chinese}, language = {english}}")["language"] == "zh")
    let written = BibTeXWriter().write(Reference(id: "a", type: "book", variables: ["language": "de-DE"]))
    #expect(written.contains("langid = {ngerman}"))
    // A language name that is not a tag survives the round trip exactly.
    let named = Reference(id: "a", type: "book", variables: ["language": "English"])
    let back = BibFormats.read(Array(BibTeXWriter().write(named).utf8), format: .biblatex, file: "b")
    #expect(back.references.first?["language"] == "English")
  }

  @Test func howpublishedURLIsAURL() throws {
    let read = try reference("@misc{a, howpublished = {\\url{https://example.org/x_y}}}")
    #expect(read["URL"] == "https://example.org/x_y")
    #expect(read["medium"] == nil)
    #expect(try reference("@misc{a, howpublished = {Online}}")["medium"] == "Online")
  }

  @Test func thesisTypesGiveTheGenre() throws {
    #expect(try reference("@thesis{a, type = {mathesis}}")["genre"] == "Master's thesis")
    #expect(try reference("@mastersthesis{a, school = {U}}")["genre"] == "Master's thesis")
    #expect(try reference("@phdthesis{a, school = {U}}")["genre"] == "PhD thesis")
    #expect(try reference("@thesis{a, type = {Diplomarbeit}}")["genre"] == "Diplomarbeit")
    let written = BibTeXWriter().write(try reference("@mastersthesis{a, school = {U}}"))
    #expect(written.hasPrefix("@mastersthesis{a,"))  // the type as written stays
    let converted = BibTeXWriter().write(Reference(id: "a", type: "thesis", variables: ["genre": "Master's thesis"]))
    #expect(converted.contains("type = {mathesis}"))
  }

  @Test func inbookWithAnMVBookParentGetsTheContainerTitle() throws {
    let text = "@inbook{c, crossref = {mv}, title = {Chapter}}\n@mvbook{mv, title = {Collected Works}}\n"
    #expect(try reference(text)["container-title"] == "Collected Works")
    let book = "@incollection{c, crossref = {b}, title = {Chapter}}\n@book{b, title = {The Book}}\n"
    #expect(try reference(book)["container-title"] == "The Book")
  }

  @Test func anImpossibleDateIsADiagnostic() throws {
    let result = BibFormats.read(
      Array("@book{a,\n  date = {2021-13-45},\n}\n".utf8), format: .biblatex, file: "m.bib")
    #expect(result.references.first?.dates["issued"]?.literal == "2021-13-45")
    let warning = try #require(result.diagnostics.first { $0.code == "invalid-date" })
    #expect(warning.location?.line == 2)
    #expect(try reference("@book{a, date = {forthcoming}}").dates["issued"]?.literal == "forthcoming")
  }

  @Test func mappedFieldsRoundTripThroughCSLJSON() throws {
    let text = """
      @thesis{t, author = {Pe\\~na, Ana}, title = {T}, type = {phdthesis}, langid = {british}, date = {2001}}
      @misc{m, howpublished = {\\url{https://example.org}}, title = {M}}
      """
    let first = BibFormats.read(Array(text.utf8), format: .biblatex, file: "a.bib")
    let json = BibFormats.write(first.document, format: .cslJSON)
    let bib = BibFormats.write(
      BibFormats.read(Array(json.utf8), format: .cslJSON, file: "a.json").document, format: .biblatex)
    let again = BibFormats.read(Array(bib.utf8), format: .biblatex, file: "b.bib")
    #expect(BibFormats.write(again.document, format: .cslJSON) == json)
  }
}

/// Keys for every script: never `anon` for an author written only in another script.
@Suite struct ScriptKeyTests {
  @Test func cyrillicIsTransliteratedAndHanGetsPinyin() {
    let russian = Reference(
      id: "x", variables: ["title": "Теория множеств"], names: ["author": [Name(family: "Иванов", given: "Иван")]],
      dates: ["issued": DateValue(year: 2010)])
    #expect(CitationKeys.base(for: russian) == "ivanov2010teoriia")
    let chinese = Reference(
      id: "y", variables: ["title": "中国小组政治"], names: ["author": [Name(family: "周", given: "望")]],
      dates: ["issued": DateValue(year: 2010)])
    #expect(CitationKeys.base(for: chinese) == "zhou2010zhongguo")
    var romanized = Name(family: "周", given: "望")
    romanized.forms["zh-Latn-pinyin"] = Name(family: "Zhou", given: "Wang")
    let withPinyin = Reference(
      id: "z", variables: ["title": "X"], names: ["author": [romanized]], dates: ["issued": DateValue(year: 2010)])
    #expect(CitationKeys.base(for: withPinyin) == "zhou2010x")
  }
}
