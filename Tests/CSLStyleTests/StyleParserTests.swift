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

  @Test func hugeCountIsBoundedWithAWarning() {
    let result = StyleParser.parse(
      style(
        "<citation et-al-min=\"3\" et-al-use-first=\"9223372036854775807\"><layout><text variable=\"title\"/></layout></citation>"
      ))
    #expect(result.style?.citation?.nameOptions.etAlUseFirst == 1_000_000)
    #expect(result.style?.citation?.nameOptions.etAlMin == 3)
    let warning = result.diagnostics.first { $0.code == "csl-unknown-value" }
    #expect(warning?.severity == .warning)
    #expect(warning?.location?.line == 3)
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

  /// Locale files are parsed once per process and kept by name and text: a file with the
  /// same name and other text is parsed anew, and the same text resolves to the same locale.
  @Test func parsedLocalesAreKeptByTheirText() throws {
    let parsed = try #require(
      StyleParser.parse(style("<citation><layout><text term=\"and\"/></layout></citation>")).style)
    func resolved(_ word: String) -> String? {
      let file = """
        <locale xmlns="http://purl.org/net/xbiblio/csl" xml:lang="en-US">
          <terms><term name="and">\(word)</term></terms>
        </locale>
        """
      let (locale, _) = LocaleStore(files: ["en-US": file]).resolve(style: parsed, language: nil)
      return locale.terms[CSL.TermKey(name: "and")]?.single
    }
    #expect(resolved("und") == "und")
    #expect(resolved("och") == "och")
    #expect(resolved("und") == "und")
  }

  /// The parser types every name a style gives: known names become the vocabulary's members,
  /// names outside CSL 1.0.2 are kept as written (a misspelt variable, a CSL-M extension).
  @Test func namesInTheStyleAreTypedAndUnknownOnesKeptAsWritten() throws {
    let result = StyleParser.parse(
      style(
        """
        <citation><sort><key variable="issued"/></sort><layout>
          <text variable="titel"/><number variable="volume"/><names variable="author editor"/>
          <choose><if position="ibid-with-locator" locator="sub-verbo" is-numeric="edition">
            <date variable="issued" form="text"/></if></choose>
        </layout></citation>
        """))
    let citation = try #require(result.style?.citation)
    #expect(citation.sort.first?.source == .variable(.issued))
    let children = citation.layout.children
    guard children.count == 4, case .text(let text) = children[0], case .number(let number) = children[1],
      case .names(let names) = children[2], case .choose(let choose) = children[3]
    else {
      Issue.record("unexpected layout: \(children)")
      return
    }
    #expect(text.source == .variable(CSLVariable(rawValue: "titel"), .long))
    if case .variable(let variable, _) = text.source {
      #expect(variable.rawValue == "titel")
      #expect(variable.kind == nil)
    }
    #expect(number.variable == .volume)
    #expect(names.variables == [.author, .editor])
    let tests = try #require(choose.branches.first?.condition.tests)
    #expect(tests.contains(.position(.ibidWithLocator)))
    #expect(tests.contains(.locator(.subVerbo)))
    #expect(tests.contains(.isNumeric(.edition)))
    guard case .date(let date)? = choose.branches.first?.children.first else {
      Issue.record("the branch holds no date")
      return
    }
    #expect(date.variable == .issued)
    #expect(!result.diagnostics.contains { $0.severity == .error })
    // The misspelt name is one warning, at its element; the known names raise none.
    let unknown = result.diagnostics.filter { $0.code == "csl-unknown-variable" }
    #expect(unknown.count == 1)
    #expect(unknown.first?.message.contains("'titel'") == true)
    #expect(unknown.first?.severity == .warning)
    #expect(unknown.first?.location?.line != nil)
  }
}
