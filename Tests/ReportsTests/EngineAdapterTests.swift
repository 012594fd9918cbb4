import BibModel
import KnowledgeBase
import Testing
import XMLTree

@testable import Reports

/// The adapter to the CSL engine, with Cited's bundled styles (read from the package's Styles/).
@Suite struct EngineAdapterTests {
  static func renderer(_ style: String, references: [Reference]) -> CSLEngineRenderer? {
    guard let text = InputFiles.read(ExampleGoldenTests.root + "/Styles/cited-\(style).csl") else { return nil }
    return CSLEngineRenderer.make(styleText: text, file: "cited-\(style).csl", locale: nil, references: references).0
  }

  @Test func authorDateDocumentThroughTheEngine() throws {
    let references = DocumentRendererTests.references
    let renderer = try #require(Self.renderer("author-date", references: references))
    #expect(!renderer.isNoteStyle)
    let result = DocumentRenderer(renderer: renderer, knownKeys: Set(references.map(\.id)))
      .render("@smith2004 [p. 4] says so [see @doe2010, chap. 2; -@smith2004].\n", file: "d.md", format: .text)
    let text = TextWriter.document(result.doc)
    #expect(text.contains("Smith (2004, 4) says so (see Doe 2010, chap. 2; 2004)."))
    #expect(text.contains("Smith, Ann. 2004."))
    #expect(!text.contains("Never Cited"))
  }

  @Test func notesStyleThroughTheEngineUsesIbid() throws {
    let references = DocumentRendererTests.references
    let renderer = try #require(Self.renderer("notes", references: references))
    #expect(renderer.isNoteStyle)
    let result = DocumentRenderer(renderer: renderer, knownKeys: Set(references.map(\.id)))
      .render(
        "A [@smith2004, p. 1]. B [@smith2004, p. 2]. C [@doe2010]. D [@smith2004].\n", file: "d.md", format: .text)
    let text = TextWriter.document(result.doc)
    #expect(text.contains("A.[1] B.[2] C.[3] D.[4]"))
    #expect(text.contains("[2] Ibid., 2."))
    #expect(text.contains("[4] Smith, "))
  }

  @Test func hostileReportThroughTheEngineStaysEscaped() throws {
    let references = HTMLSafetyTests.hostileReferences
    let renderer = try #require(Self.renderer("author-date", references: references))
    let result = Report.build(
      knowledge: HTMLSafetyTests.hostileKB, references: references, renderer: renderer, format: .html)
    let html = HTMLWriter.page(result.doc)
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("href=\"javascript:"))
    #expect(!html.contains("href=\"data:"))
    // "<i>Evil</i>" in a name is CSL inline markup: the index of sources' label, rendered by
    // the engine as plain text, keeps the text and drops the tag.
    #expect(html.contains(">Evil 2020</a>"))
    let root = try XMLTreeParser.parse(String(html.dropFirst("<!DOCTYPE html>\n".count)), sourceName: "engine.html")
    #expect(root.elements(named: "body").count == 1)
  }
}
