import BibModel
import Testing

@testable import Reports

@Suite struct DocumentRendererTests {
  static let references = [
    Reference(
      id: "smith2004", type: "book", variables: ["title": "Leading Groups", "publisher": "Press"],
      names: ["author": [Name(family: "Smith", given: "Ann")]], dates: ["issued": DateValue(year: 2004)]),
    Reference(
      id: "doe2010", type: "article-journal", variables: ["title": "Small Groups", "container-title": "Journal"],
      names: ["author": [Name(family: "Doe", given: "Jo")]], dates: ["issued": DateValue(year: 2010)]),
    Reference(id: "unused", type: "book", variables: ["title": "Never Cited"]),
  ]

  private func render(
    _ text: String, notes: Bool = false, format: DocumentFormat = .text
  ) throws -> DocumentRenderer.Result {
    let renderer = try ReportFixtures.engine(notes: notes, references: Self.references)
    return DocumentRenderer(renderer: renderer, knownKeys: Set(Self.references.map(\.id)))
      .render(text, file: "doc.md", format: format)
  }

  @Test func inTextCitationsRenderInline() throws {
    let output = TextWriter.document(try render("Groups matter [see @smith2004, p. 33; @doe2010].\n").doc)
    #expect(output.contains("Groups matter (see Smith 2004, 33; Doe 2010)."))
  }

  @Test func authorInTextAndSuppressedAuthor() throws {
    let output = TextWriter.document(try render("@smith2004 [p. 4] says so, as before [-@smith2004].\n").doc)
    #expect(output.contains("Smith (2004, 4) says so, as before (2004)."))
  }

  @Test func codeSpansAndBlocksAreLeftAlone() throws {
    let result = try render("Use `[@smith2004]` literally.\n\n```\n[@doe2010]\n```\n")
    #expect(result.citations.isEmpty)
    let output = TextWriter.document(result.doc)
    #expect(output.contains("[@smith2004]"))
    #expect(output.contains("[@doe2010]"))
  }

  @Test func unknownKeyIsVisibleWithLineAndColumn() throws {
    let result = try render("---\ntitle: T\n---\n\nFirst line.\nSecond [@nosuch] here.\n")
    let output = TextWriter.document(result.doc)
    #expect(output.contains("(@nosuch?)"))
    let warning = result.diagnostics.first { $0.code == "unknown-citation-key" }
    #expect(warning?.location?.line == 6)
    #expect(warning?.location?.column == 8)
  }

  @Test func bibliographyHoldsExactlyTheCitedSources() throws {
    let result = try render("A [@smith2004]. B [@doe2010].\n", format: .text)
    let output = TextWriter.document(result.doc)
    #expect(output.contains("Leading Groups"))
    #expect(output.contains("Small Groups"))
    #expect(!output.contains("Never Cited"))
  }

  @Test func bibliographyGoesWhereTheDocumentMarksIt() throws {
    let output = TextWriter.document(try render("A [@smith2004].\n\n::: {#refs}\n:::\n\n## Appendix\n\nEnd.\n").doc)
    let bibliography = output.range(of: "Smith, Ann. 2004")
    let appendix = output.range(of: "Appendix")
    #expect(bibliography != nil && appendix != nil)
    if let bibliography, let appendix { #expect(bibliography.lowerBound < appendix.lowerBound) }
    #expect(!output.contains(":::"))
  }

  @Test func notesStyleNumbersFootnotesWithIbidAndSubsequent() throws {
    let text = "One [@smith2004, p. 1]. Two [@smith2004, p. 2]. Three [@doe2010]. Four [@smith2004].\n"
    let output = TextWriter.document(try render(text, notes: true).doc)
    #expect(output.contains("One.[1] Two.[2] Three.[3] Four.[4]"))
    #expect(output.contains("[1] Ann Smith, Leading Groups, 2004, 1."))
    #expect(output.contains("[2] Ibid., 2."))
    #expect(output.contains("[4] Smith, Leading Groups."))
  }

  @Test func frontMatterTitleAndAuthor() throws {
    let result = try render("---\ntitle: My Title\nauthor: [A, B]\nlang: en-GB\n---\nBody.\n", format: .html)
    #expect(result.doc.title == "My Title")
    #expect(result.doc.subtitle.first == "A, B")
    #expect(result.doc.language == "en-GB")
  }

  @Test func escapedAtIsLiteral() throws {
    let result = try render("Not a citation: \\@smith2004 here.\n")
    #expect(result.citations.isEmpty)
    #expect(TextWriter.document(result.doc).contains("@smith2004"))
  }

  @Test func anEscapedKeyStaysLiteralWhenTheSameKeyIsCitedAfterIt() throws {
    let result = try render("Literal \\@smith2004 and @smith2004 here; \\@smith2004 again.\n")
    let output = TextWriter.document(result.doc)
    #expect(result.citations.count == 1)
    #expect(output.contains("Literal @smith2004 and Smith (2004) here; @smith2004 again."))
  }

  @Test func citationsInTablesListsAndHeadingsAreFound() throws {
    let text = "# Title [@smith2004]\n\n- item [@doe2010]\n\n| a | b |\n| --- | --- |\n| x [@smith2004, p. 2] | y |\n"
    let result = try render(text)
    #expect(result.citations.count == 3)
    #expect(result.citations.map(\.line) == [1, 3, 7])
    #expect(TextWriter.document(result.doc).contains("x (Smith 2004, 2)"))
  }

  @Test func unknownKeyInsideBracketWithKnownOneKeepsBoth() throws {
    let result = try render("Both [@smith2004; @ghost].\n")
    let output = TextWriter.document(result.doc)
    #expect(output.contains("(Smith 2004) (@ghost?)"))
    #expect(result.diagnostics.contains { $0.code == "unknown-citation-key" && $0.location?.column == 6 })
  }

  @Test func markdownOutputEscapesAtSoItDoesNotReparseAsCitations() throws {
    let output = MarkdownWriter.document(
      try render("Mail me@example.org or cite [@smith2004].\n", format: .markdown).doc)
    #expect(output.contains("me\\@example.org"))
    #expect(!output.contains("[@smith2004]"))
  }
}
