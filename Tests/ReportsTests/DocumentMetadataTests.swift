import BibModel
import Testing

@testable import Reports

/// pandoc's metadata and footnotes in `cited render DOC.md`: `nocite`, `suppress-bibliography`,
/// `reference-section-title`, `link-citations`, `link-bibliography`, `[^1]` and `^[…]` notes.
@Suite struct DocumentMetadataTests {
  /// `DocumentRendererTests`' references, smith2004 with a DOI.
  static let references = DocumentRendererTests.references.map { reference in
    var copy = reference
    if copy.id == "smith2004" { copy[.doi] = "10.1000/xyz" }
    return copy
  }

  private func render(
    _ text: String, notes: Bool = false, format: DocumentFormat = .text, style: String? = nil
  ) throws -> (String, DocumentRenderer.Result) {
    let renderer = try StyleChoice.renderer(
      for: style ?? (notes ? "notes" : "author-date"), locale: nil, references: Self.references,
      catalog: InputFiles.catalog(project: nil), locales: InputFiles.locales(project: nil)
    ).0
    let result = DocumentRenderer(
      renderer: renderer, knownKeys: Set(Self.references.map(\.id)), referenceKeys: Self.references.map(\.id)
    ).render(text, file: "doc.md", format: format)
    switch format {
    case .html: return (HTMLWriter.page(result.doc), result)
    case .markdown: return (MarkdownWriter.document(result.doc), result)
    case .text: return (TextWriter.document(result.doc), result)
    }
  }

  private func entries(_ result: DocumentRenderer.Result) -> [String] {
    for case .bibliography(_, let entries) in result.doc.blocks { return entries.map(\.key) }
    return []
  }

  @Test func nociteListsAnEntryWithoutCitingIt() throws {
    let (output, result) = try render("---\nnocite: '@unused'\n---\nA [@smith2004].\n")
    #expect(Set(entries(result)) == ["smith2004", "unused"])
    #expect(output.contains("Never Cited"))
    #expect(result.citations.count == 1)
    #expect(result.diagnostics.isEmpty)
  }

  @Test func nociteStarListsEveryEntryAndUnknownKeysAreReported() throws {
    let (_, every) = try render("---\nnocite: |\n  @*\n---\nNo citations at all.\n")
    #expect(Set(entries(every)) == ["smith2004", "doe2010", "unused"])
    let (_, unknown) = try render("---\nnocite: [\"@ghost\", \"@doe2010\"]\n---\nText.\n")
    #expect(entries(unknown) == ["doe2010"])
    #expect(unknown.diagnostics.map(\.code) == ["unknown-citation-key"])
    #expect(unknown.diagnostics.first?.message.contains("ghost") == true)
  }

  @Test func suppressBibliographyKeepsCitationsAndDropsTheBibliography() throws {
    let (output, result) = try render(
      "---\nsuppress-bibliography: true\nnocite: '@*'\n---\nA [@smith2004].\n\n::: {#refs}\n:::\n")
    #expect(output.contains("A (Smith 2004)."))
    #expect(entries(result).isEmpty)
    #expect(!output.contains("References"))
    #expect(!output.contains(":::"))
  }

  @Test func referenceSectionTitleHeadsABibliographyAtTheEnd() throws {
    let (output, result) = try render("---\nreference-section-title: Works Cited Here\n---\nA [@smith2004].\n")
    #expect(
      result.doc.blocks.suffix(2).first == .heading(level: 1, id: "bibliography", content: [.text("Works Cited Here")]))
    #expect(!output.contains("References"))
    // A refs div places the bibliography; pandoc then adds no heading.
    let (marked, _) = try render(
      "---\nreference-section-title: Works Cited Here\n---\nA [@smith2004].\n\n::: {#refs}\n:::\n\nAppendix.\n")
    #expect(!marked.contains("Works Cited Here"))
    let entry = marked.range(of: "Smith, Ann. 2004")
    let appendix = marked.range(of: "Appendix.")
    #expect(entry != nil && appendix != nil)
    if let entry, let appendix { #expect(entry.lowerBound < appendix.lowerBound) }
  }

  @Test func footnotesAndInlineNotesAreNumberedInReadingOrder() throws {
    let text = "One^[See [@doe2010, p. 5] and *more*.] two[^x] three [@smith2004].\n\n[^x]: Defined, @smith2004 says.\n"
    let (output, result) = try render(text)
    #expect(output.contains("One[1] two[2] three (Smith 2004)."))
    #expect(output.contains("[1] See (Doe 2010, 5) and more."))
    #expect(output.contains("[2] Defined, Smith (2004) says."))
    #expect(result.citations.map(\.line) == [1, 3, 1])
  }

  @Test func noteStyleRendersCitationsInFootnotesInPlace() throws {
    let text = "First [@smith2004, p. 1]. Aside.^[As @doe2010 shows; see also [@smith2004, p. 2].] Last [@doe2010].\n"
    let (output, result) = try render(text, notes: true)
    // Citation notes and the document's note share one numbering.
    #expect(output.contains("First.[1] Aside.[2] Last.[3]"))
    let notes =
      result.doc.blocks.compactMap { block -> [DocBlock.Note]? in
        if case .notes(let notes) = block { return notes }
        return nil
      }.first ?? []
    #expect(notes.map(\.number) == [1, 2, 3])
    let aside = notes.count == 3 ? TextWriter.inlines(notes[1].content) : ""
    // In the note: the author stays in the sentence, the rest follows in parentheses, and the
    // second citation of smith2004 is in its short (subsequent) form; no nested note marks.
    #expect(aside.hasPrefix("As Jo Doe (“Small Groups,”"))
    #expect(aside.contains("see also (Smith, Leading Groups, 2)"))
    #expect(!aside.contains("["))
    #expect(output.contains("[3] Doe, “Small Groups.”"))
  }

  @Test func deeplyNestedInlineNotesRenderInBoundedDepth() throws {
    let nested = String(repeating: "^[", count: 5_000) + "deep" + String(repeating: "]", count: 5_000)
    let (output, result) = try render("Start [@smith2004] " + nested + " end.\n")
    #expect(output.contains("Start (Smith 2004) [1] end."))
    #expect(output.contains("deep"))
    let notes = result.doc.blocks.compactMap { block -> Int? in
      if case .notes(let notes) = block { return notes.count }
      return nil
    }
    #expect(notes == [InlineNotes.maximumDepth])
  }

  @Test func unclosedInlineNoteStaysText() throws {
    let (output, result) = try render("Open ^[never closed [@smith2004].\n")
    #expect(output.contains("Open ^[never closed (Smith 2004)."))
    #expect(!result.doc.blocks.contains { if case .notes = $0 { return true } else { return false } })
  }

  @Test func linkCitationsLinksItemsToTheirEntriesInHTML() throws {
    let (html, _) = try render("---\nlink-citations: true\n---\nSee [@smith2004, p. 3] and @doe2010.\n", format: .html)
    #expect(html.contains("(<a href=\"#ref-smith2004\">Smith 2004, 3</a>)"))
    #expect(html.contains("<a href=\"#ref-doe2010\">2010</a>"))
    #expect(html.contains("<div id=\"ref-smith2004\" class=\"csl-entry\">"))
    #expect(!html.contains("href=\"https://doi.org"))
    let (plain, _) = try render("See [@smith2004].\n", format: .html)
    #expect(!plain.contains("href=\"#ref-"))
    let (notes, _) = try render("---\nlink-citations: true\n---\nSee [@smith2004].\n", notes: true, format: .html)
    #expect(!notes.contains("href=\"#ref-"))
  }

  @Test func linkCitationsLinksItemsToAnchoredEntriesInMarkdown() throws {
    let (markdown, _) = try render(
      "---\nlink-citations: true\n---\nSee [@smith2004, p. 3] and @doe2010.\n", format: .markdown)
    #expect(markdown.contains("([Smith 2004, 3](<#ref-smith2004>))"))
    #expect(markdown.contains("[2010](<#ref-doe2010>)"))
    #expect(markdown.contains("<a id=\"ref-smith2004\"></a>"))
    #expect(markdown.contains("<a id=\"ref-doe2010\"></a>"))
    let (plain, _) = try render("See [@smith2004].\n", format: .markdown)
    #expect(!plain.contains("#ref-"))
    let (notes, _) = try render("---\nlink-citations: true\n---\nSee [@smith2004].\n", notes: true, format: .markdown)
    #expect(!notes.contains("#ref-"))
  }

  @Test func linkBibliographyLinksDOIsInMarkdownOnlyWhenAsked() throws {
    let style = "chicago-author-date-multilingual"
    let (linked, _) = try render(
      "---\nlink-bibliography: true\n---\nSee [@smith2004].\n", format: .markdown, style: style)
    #expect(linked.contains("](<https://doi.org/10.1000/xyz>)"))
    let (plain, _) = try render("See [@smith2004].\n", format: .markdown, style: style)
    #expect(plain.contains("https://doi.org/10.1000/xyz"))
    #expect(!plain.contains("](<https://doi.org"))
  }

  @Test func linkBibliographyLinksDOIsAndURLsInHTML() throws {
    let style = "chicago-author-date-multilingual"
    let (html, _) = try render(
      "---\nlink-bibliography: true\n---\nSee [@smith2004].\n", format: .html, style: style)
    #expect(html.contains("<a href=\"https://doi.org/10.1000/xyz\">"))
    let (plain, _) = try render("See [@smith2004].\n", format: .html, style: style)
    #expect(plain.contains("https://doi.org/10.1000/xyz"))
    #expect(!plain.contains("<a href=\"https://doi.org"))
  }
}
