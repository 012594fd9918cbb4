import BibModel
import CSLStyle
import Testing

struct StyleParserTests {
  func style(_ body: String, attributes: String = "") -> String {
    """
    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" \(attributes)>
      <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
    \(body)
    </style>
    """
  }

  @Test func cleanStyleHasNoDiagnostics() {
    let result = StyleParser.parse(style("<citation><layout><text variable=\"title\"/></layout></citation>"))
    #expect(result.style != nil)
    #expect(result.diagnostics.isEmpty)
  }

  @Test func unknownAttributeIsReportedWithPosition() {
    let result = StyleParser.parse(
      style("<citation><layout><text variable=\"title\" colour=\"red\"/></layout></citation>"))
    let diagnostic = result.diagnostics.first { $0.code == "csl-unknown-attribute" }
    #expect(diagnostic != nil)
    #expect(diagnostic?.location?.line == 3)
    #expect(diagnostic?.message.contains("colour") == true)
  }

  @Test func unknownValueIsAnError() {
    let result = StyleParser.parse(
      style("<citation><layout><text variable=\"title\" font-style=\"slanted\"/></layout></citation>"))
    #expect(result.diagnostics.contains { $0.code == "csl-unknown-value" && $0.severity == .error })
  }

  @Test func unknownElementIsAnError() {
    let result = StyleParser.parse(style("<citation><layout><txt variable=\"title\"/></layout></citation>"))
    #expect(result.diagnostics.contains { $0.code == "csl-unknown-element" })
  }

  @Test func undefinedMacroIsReported() {
    let result = StyleParser.parse(style("<citation><layout><text macro=\"missing\"/></layout></citation>"))
    #expect(result.diagnostics.contains { $0.code == "csl-undefined-macro" && $0.location?.line == 3 })
  }

  @Test func macroCycleIsReported() {
    let body = """
      <macro name="a"><text macro="b"/></macro>
      <macro name="b"><text macro="a"/></macro>
      <citation><layout><text macro="a"/></layout></citation>
      """
    let result = StyleParser.parse(style(body))
    #expect(result.diagnostics.contains { $0.code == "csl-macro-recursion" })
  }

  @Test func missingLayoutIsReported() {
    let result = StyleParser.parse(style("<citation/>"))
    #expect(result.diagnostics.contains { $0.code == "csl-missing" })
  }

  @Test func malformedXMLGivesLineAndColumn() {
    let result = StyleParser.parse("<style>\n  <citation>\n</style>")
    #expect(result.style == nil)
    let diagnostic = result.diagnostics.first
    #expect(diagnostic?.code == "xml-syntax")
    #expect((diagnostic?.location?.line ?? 0) >= 2)
  }

  @Test func inheritableNameOptionsAreRead() {
    let result = StyleParser.parse(
      style("<citation et-al-min=\"3\" et-al-use-first=\"1\"><layout><names variable=\"author\"/></layout></citation>"))
    #expect(result.style?.citation?.nameOptions.etAlMin == 3)
    #expect(result.style?.citation?.nameOptions.etAlUseFirst == 1)
  }

  @Test func localeFallbackChainPrefersStyleLocale() {
    let base = """
      <locale xmlns="http://purl.org/net/xbiblio/csl" xml:lang="en-US">
        <terms><term name="and">and</term><term name="editor">editor</term></terms>
      </locale>
      """
    let text = style(
      "<locale xml:lang=\"en\"><terms><term name=\"and\">plus</term></terms></locale>"
        + "<citation><layout><text term=\"and\"/></layout></citation>")
    guard let parsed = StyleParser.parse(text).style else {
      Issue.record("style did not parse")
      return
    }
    let store = LocaleStore(files: ["en-US": base])
    let (locale, _) = store.resolve(style: parsed, language: nil)
    #expect(locale.terms[CSL.TermKey(name: "and")]?.single == "plus")
    #expect(locale.terms[CSL.TermKey(name: "editor")]?.single == "editor")
  }

  @Test func primaryDialectResolvesLanguage() {
    let french = """
      <locale xmlns="http://purl.org/net/xbiblio/csl" xml:lang="fr-FR">
        <terms><term name="and">et</term></terms>
      </locale>
      """
    guard
      let parsed = StyleParser.parse(
        style("<citation><layout><text term=\"and\"/></layout></citation>", attributes: "default-locale=\"fr\"")
      ).style
    else {
      Issue.record("style did not parse")
      return
    }
    let (locale, _) = LocaleStore(files: ["fr-FR": french]).resolve(style: parsed, language: nil)
    #expect(locale.terms[CSL.TermKey(name: "and")]?.single == "et")
  }
}
