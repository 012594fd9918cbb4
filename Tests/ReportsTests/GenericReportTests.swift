import BibModel
import KnowledgeBase
import Testing

@testable import Reports

/// A knowledge base about something other than leading small groups (three fictional research
/// institutes, `Fixtures/institutes`) gets a report in its own schema's words and none of the LSG's.
@Suite struct GenericReportTests {
  static let folder: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    parts.removeLast()
    return (parts + ["Fixtures", "institutes"]).joined(separator: "/")
  }()

  static func load() throws -> (Knowledge, [Reference]) {
    let (knowledge, _) = try KnowledgeDirectory.load(folder + "/Knowledge")
    let (references, diagnostics) = InputFiles.references([folder + "/Bibliography/institutes.json"])
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    return (knowledge, references)
  }

  static func report(_ format: DocumentFormat) throws -> (Report.Result, String) {
    let (knowledge, references) = try load()
    let result = Report.build(
      knowledge: knowledge, references: references,
      renderer: try ReportFixtures.engine(references: references), format: format)
    switch format {
    case .html: return (result, HTMLWriter.page(result.doc))
    case .markdown: return (result, MarkdownWriter.document(result.doc))
    case .text: return (result, TextWriter.document(result.doc))
    }
  }

  @Test func loadsWithoutErrors() throws {
    let (knowledge, references) = try Self.load()
    #expect(knowledge.entities.count == 6)
    #expect(!knowledge.diagnostics.contains { $0.severity == .error }, "\(knowledge.diagnostics)")
    #expect(knowledge.schema.report.figures.map(\.id) == ["members", "governance", "flagship", "lifetimes"])
    #expect(references.map(\.id).sorted() == ["berg1999", "lund2008", "rojas2015"])
  }

  @Test(arguments: [DocumentFormat.html, .markdown, .text])
  func reportHasNoLSGWords(format: DocumentFormat) throws {
    let (_, output) = try Self.report(format)
    for word in ["leading small group", "LSG", "组长", "领导小组", "Characters:", "Pinyin:", "commission"] {
      #expect(!output.localizedLowercase.contains(word.localizedLowercase), "'\(word)' in the \(format) report")
    }
  }

  @Test func figuresSpeakTheSchemasWords() throws {
    let (result, text) = try Self.report(.text)
    #expect(text.contains("Figure 1: The 3 institutes of the society (from the knowledge base)."))
    #expect(text.contains("Fjord Hydrology Institute (Fjordhydrologisk institutt)"))
    #expect(text.contains("Figure 2: How an institute is run (from Example Research Society)."))
    #expect(text.contains("Board: usually seven members appointed by the society"))
    #expect(text.contains("Figure 3: Fjord Hydrology Institute and its ties (from the knowledge base)."))
    #expect(text.contains("director: Ingrid Hansen"))
    #expect(
      text.contains(
        "Figure 4: Lifetimes of the institutes (bar: founded to closed; dashed: no end recorded; diamond: renamed)."))
    #expect(text.contains("Andes Geology Institute: founded 1974, closed 2003"))
    #expect(text.contains("Research institute by field of research"))
    #expect(text.contains("Norwegian name: Fjordhydrologisk institutt"))
    #expect(Set(result.citedSources) == ["berg1999", "lund2008", "rojas2015"])
    #expect(text.contains("(Berg 1999, 40)"))
  }

  @Test func htmlMarksANameFormWithItsLanguage() throws {
    let (_, html) = try Self.report(.html)
    #expect(html.contains("<span class=\"nb\">Fjordhydrologisk institutt</span>"))
    #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
  }

  @Test func schemaWithoutAReportSectionHasNoFigures() throws {
    let (knowledge, references) = try Self.load()
    var bare = knowledge
    bare.schema.report = ReportSpec()
    let result = Report.build(
      knowledge: bare, references: references, renderer: try ReportFixtures.engine(references: references),
      format: .text)
    let text = TextWriter.document(result.doc)
    #expect(!text.contains("Figures"))
    #expect(!text.contains("Norwegian name"))
    #expect(text.contains("Fjord Hydrology Institute"))
  }
}
