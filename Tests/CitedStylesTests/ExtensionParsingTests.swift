import CSLStyle
import Testing

/// The `cited:` attributes become typed model fields; misuse is diagnosed.
@Suite struct ExtensionParsingTests {
  static func style(_ body: String, prefix: String = "cited", root: String = "") -> StyleParser.Result {
    StyleParser.parse(
      """
      <style xmlns="http://purl.org/net/xbiblio/csl" xmlns:\(prefix)="https://cited.dev/ns/csl-multilingual"
             class="in-text" version="1.0" \(root)>
        <info><title>T</title><id>t</id></info>
        <citation><layout>\(body)</layout></citation>
      </style>
      """, file: "t.csl")
  }

  static func firstElement(_ result: StyleParser.Result) -> CSL.Element? {
    result.style?.citation?.layout.children.first
  }

  @Test func textFormAndLanguage() throws {
    let result = Self.style(#"<text variable="title" cited:form="translated-original" cited:lang="en"/>"#)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    guard case .text(let text) = Self.firstElement(result) else {
      throw StyleTestSupport.Failure(description: "no text")
    }
    #expect(text.multilingual == CSL.MultilingualOptions(form: .translatedOriginal, language: "en"))
  }

  @Test func anyPrefixBoundToTheNamespaceWorks() throws {
    let result = Self.style(#"<text variable="title" m:form="romanized"/>"#, prefix: "m")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    guard case .text(let text) = Self.firstElement(result) else {
      throw StyleTestSupport.Failure(description: "no text")
    }
    #expect(text.multilingual?.form == .romanized)
  }

  @Test func namesAndNameForms() throws {
    let result = Self.style(
      """
      <names variable="author" cited:name-form="romanized">\
      <name cited:name-form="romanized-original" cited:romanized-separator=" "/></names>
      """)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    guard case .names(let names) = Self.firstElement(result) else {
      throw StyleTestSupport.Failure(description: "no names")
    }
    #expect(names.multilingual?.form == .romanized)
    #expect(names.name?.multilingual == CSL.MultilingualOptions(form: .romanizedOriginal, romanizedSeparator: " "))
  }

  @Test func hasFormConditionConsumesTheVariables() throws {
    let result = Self.style(
      """
      <choose><if cited:has-form="romanized translated" variable="title container-title" type="book">\
      <text value="x"/></if></choose>
      """)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    guard case .choose(let choose) = Self.firstElement(result) else {
      throw StyleTestSupport.Failure(description: "no choose")
    }
    let tests = choose.branches.first?.condition.tests ?? []
    #expect(tests.contains(.hasForm(.romanized, variable: "title")))
    #expect(tests.contains(.hasForm(.translated, variable: "container-title")))
    #expect(tests.contains(.type("book")))
    #expect(!tests.contains(.variable("title")))
    #expect(tests.count == 5)
  }

  @Test func dataQuotesOnTheStyle() {
    let result = Self.style(#"<text value="x"/>"#, root: #"cited:data-quotes="as-written""#)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    #expect(result.style?.multilingual.dataQuotes == .asWritten)
  }

  @Test func unknownExtensionAttributeIsReported() {
    let result = Self.style(#"<text variable="title" cited:shape="round"/>"#)
    #expect(result.diagnostics.map(\.code) == ["cited-unknown-attribute"])
    #expect(result.diagnostics.first?.location?.line == 4)
  }

  @Test func extensionAttributeOnTheWrongElementIsReported() {
    let result = Self.style(#"<group cited:form="romanized"><text variable="title"/></group>"#)
    #expect(result.diagnostics.map(\.code) == ["cited-unknown-attribute"])
  }

  @Test func badValuesAreErrors() {
    let text = Self.style(#"<text variable="title" cited:form="transliterated"/>"#)
    #expect(text.diagnostics.map(\.code) == ["cited-unknown-value"])
    #expect(text.diagnostics.hasErrors)
    let names = Self.style(#"<names variable="author" cited:name-form="translated"/>"#)
    #expect(names.diagnostics.map(\.code) == ["cited-unknown-value"])
    let condition = Self.style(
      #"<choose><if cited:has-form="romanized-original" variable="title"><text value="x"/></if></choose>"#)
    // The branch is left with no test at all, which is reported too.
    #expect(condition.diagnostics.map(\.code) == ["cited-unknown-value", "csl-missing"])
  }

  @Test func hasFormWithoutVariableIsAnError() {
    let result = Self.style(#"<choose><if cited:has-form="romanized" type="book"><text value="x"/></if></choose>"#)
    #expect(result.diagnostics.map(\.code) == ["csl-missing"])
  }

  @Test func formOnATermIsAWarning() {
    let result = Self.style(#"<text term="and" cited:form="romanized"/>"#)
    #expect(result.diagnostics.map(\.code) == ["cited-form-without-variable"])
  }
}
