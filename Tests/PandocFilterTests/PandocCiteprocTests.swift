import BibModel
import PandocFilter
import Testing

@Suite struct PandocCiteprocTests {
  typealias F = PandocFixtures

  static func csl(_ name: String) -> String { #""csl":\#(F.metaString(name))"# }

  @Test func citationModesPrefixesSuffixesAndLocators() throws {
    let suffix =
      "[\(F.str(",")),\(F.space),\(F.str("p.\u{a0}4")),\(F.space),\(F.str("and")),\(F.space),\(F.str("more"))]"
    let json = F.document(
      meta: [Self.csl("cited-author-date")],
      F.para(
        F.cite(F.citation("smith", prefix: "[\(F.str("see"))]", suffix: suffix)), F.space,
        F.cite(F.citation("doe", mode: "AuthorInText", suffix: "[\(F.str("chap.\u{a0}2"))]")), F.space,
        F.cite(F.citation("doe", mode: "SuppressAuthor"))))
    let (document, warnings) = try F.run(json)
    let texts = F.citeTexts(document)
    #expect(warnings.isEmpty)
    try #require(texts.count == 3)
    #expect(texts[0].contains("see Smith") && texts[0].contains("4") && texts[0].hasSuffix("and more)"))
    #expect(!texts[0].contains("p. 4 and more and"))
    #expect(texts[1].hasPrefix("Doe ") && texts[1].contains("2019") && texts[1].contains("2"))
    #expect(!texts[2].contains("Doe") && texts[2].contains("2019"))
    // The bibliography: cited entries only, in a refs div, one csl-entry div per key.
    let divs = F.nodes("Div", in: .array(document.blocks))
    let ids = divs.compactMap { PandocNode.content($0)?.arrayValue?.first?.arrayValue?.first?.stringValue }
    #expect(ids == ["refs", "ref-doe", "ref-smith"])
  }

  @Test func noteStylesMakeNotesButNotInsideFootnotes() throws {
    let json = F.document(
      meta: [Self.csl("chicago-notes-multilingual")],
      F.para(
        F.str("Text"), F.space, F.cite(F.citation("doe")), F.str("."), F.space, F.str("More."),
        #"{"t":"Note","c":[\#(F.para(F.str("In"), F.space, F.str("note"), F.space, F.cite(F.citation("smith"))))]}"#))
    let (document, _) = try F.run(json)
    let inlines = PandocNode.content(document.blocks[0])?.arrayValue ?? []
    try #require(inlines.count > 2)
    // The citation became a note after the period; the footnote's own citation stays inline.
    #expect(PandocNode.tag(inlines[1]) == "Str" && PandocNode.content(inlines[1])?.stringValue == ".")
    #expect(PandocNode.tag(inlines[2]) == "Cite")
    let notes = F.nodes("Note", in: .array(document.blocks))
    #expect(notes.count == 2)
    #expect(F.nodes("Note", in: notes[1]).count == 1)  // no note nested in the written footnote
    let inFootnote = F.citeTexts(document)[1]
    #expect(inFootnote.hasPrefix("(") && inFootnote.hasSuffix(")") && inFootnote.contains("Smith"))
  }

  @Test func nociteStarListsEveryReferenceAndSuppressBibliographyNone() throws {
    let nocite = #""nocite":{"t":"MetaInlines","c":[\#(F.cite(F.citation("*")))]}"#
    let (document, _) = try F.run(F.document(meta: [nocite, Self.csl("cited-author-date")], F.para(F.str("x"))))
    let entries = F.nodes("Div", in: .array(document.blocks)).filter {
      PandocNode.content($0)?.arrayValue?.first?.arrayValue?[1] == .array([.string("csl-entry")])
    }
    #expect(entries.count == F.references.count)
    let suppressed = #""suppress-bibliography":{"t":"MetaBool","c":true}"#
    let (none, _) = try F.run(F.document(meta: [nocite, suppressed], F.para(F.str("x"))))
    #expect(F.nodes("Div", in: .array(none.blocks)).isEmpty)
  }

  @Test func refsDivSectionTitleAndLinkCitations() throws {
    let refs = #"{"t":"Div","c":[["refs",["mine"],[]],[]]}"#
    let links = #""link-citations":{"t":"MetaBool","c":true}"#
    let (document, _) = try F.run(
      F.document(meta: [links], F.para(F.cite(F.citation("smith"))), refs, F.para(F.str("After"))))
    // The bibliography fills the written div, which keeps its class; the paragraph after stays after.
    #expect(PandocNode.tag(document.blocks[1]) == "Div" && PandocNode.tag(document.blocks[2]) == "Para")
    let classes = PandocNode.content(document.blocks[1])?.arrayValue?.first?.arrayValue?[1]
    #expect(classes?.arrayValue?.prefix(3) == [.string("mine"), .string("references"), .string("csl-bib-body")])
    let link = F.nodes("Link", in: .array([document.blocks[0]])).first
    #expect(link.flatMap { PandocNode.content($0)?.arrayValue?.last?.arrayValue?.first } == .string("#ref-smith"))

    let title = #""reference-section-title":\#(F.metaString("Works"))"#
    let (titled, _) = try F.run(F.document(meta: [title], F.para(F.cite(F.citation("smith")))))
    #expect(PandocNode.tag(titled.blocks[1]) == "Header")
    #expect(PandocNode.plainText([titled.blocks[1]]) == "Works")
  }

  @Test func unknownKeysAndBadValuesAreOneWarningEach() throws {
    let bad = #""link-citations":{"t":"MetaMap","c":{}}"#
    let (document, warnings) = try F.run(
      F.document(meta: [bad], F.para(F.cite(F.citation("nope")), F.cite(F.citation("nope"), F.citation("smith")))))
    #expect(warnings.filter { $0.contains("nope") }.count == 1)
    #expect(warnings.filter { $0.contains("link-citations") }.count == 1)
    #expect(F.citeTexts(document)[0] == "nope?")
    #expect(F.citeTexts(document)[1].contains("Smith"))
  }

  @Test func aMissingStyleIsAnError() throws {
    #expect(throws: PandocFilterError.self) {
      _ = try F.run(F.document(meta: [Self.csl("no-such-style-anywhere")], F.para(F.cite(F.citation("smith")))))
    }
  }

  @Test func inlineReferencesFromMetadata() throws {
    let item =
      #"{"t":"MetaMap","c":{"id":{"t":"MetaString","c":"inline1"},"type":{"t":"MetaString","c":"book"},"#
      + #""title":{"t":"MetaInlines","c":[{"t":"Emph","c":[\#(F.str("Deep"))]}]},"#
      + #""author":{"t":"MetaList","c":[{"t":"MetaMap","c":{"family":{"t":"MetaString","c":"Inline"}}}]},"#
      + #""issued":{"t":"MetaMap","c":{"date-parts":{"t":"MetaList","c":[{"t":"MetaList","c":["#
      + #"{"t":"MetaString","c":"1999"}]}]}}}}}"#
    let meta = #""references":{"t":"MetaList","c":[\#(item)]}"#
    let filter = PandocCiteproc(loadReferences: { _ in ([], []) })
    let output = try filter.process(
      try PandocDocument.read(Array(F.document(meta: [meta], F.para(F.cite(F.citation("inline1")))).utf8)))
    #expect(F.citeTexts(output.document).first?.contains("Inline") == true)
    #expect(F.citeTexts(output.document).first?.contains("1999") == true)
    #expect(!F.nodes("Emph", in: .array(output.document.blocks)).isEmpty)
  }

  @Test func engineFormattingBecomesPandocNodes() {
    let format = PandocInlineFormat()
    let markup =
      format.open(.italic) + "A b" + format.close(.italic) + " " + format.openBlock("csl-left-margin") + "1"
      + format.closeBlock("csl-left-margin") + format.open(.normalStyle) + "n" + format.close(.normalStyle)
      + format.openLink("https://x.org") + "x" + format.closeLink("https://x.org") + format.escape("\u{E001}")
    let inlines = PandocInlineReader.inlines(markup)
    #expect(inlines.map { PandocNode.tag($0) ?? "" } == ["Emph", "Space", "Span", "Span", "Link", "Str"])
    #expect(PandocNode.content(inlines[5]) == .string("\u{E001}"))
    #expect(PandocNode.plainText(inlines) == "A b 1nx\u{E001}")
  }
}
