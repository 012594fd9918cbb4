import BibModel
import KnowledgeBase
import Testing
import XMLTree

@testable import Reports

@Suite struct ReportTests {
  let knowledge = ReportFixtures.knowledge()

  @Test func fixtureLoadsCleanly() throws {
    #expect(knowledge.entities.count == 6)
    #expect(!knowledge.diagnostics.contains { $0.severity == .error })
  }

  @Test func everyEntityHasAnAnchorAndEveryStatementACitation() throws {
    let result = try ReportFixtures.report(knowledge, format: .html)
    let html = HTMLWriter.page(result.doc)
    for entity in knowledge.entities {
      #expect(html.contains("id=\"entity-\(entity.id)\""), "missing anchor for \(entity.id)")
      #expect(html.contains(entity.labels.preferred ?? entity.id))
    }
    let sourced = knowledge.statements.filter { !$0.references.isEmpty }
    // Every sourced statement is cited in its entity's table; the two conflicting leaders again side by side.
    #expect(result.citationCount == sourced.count + 2)
    #expect(html.contains("(Smith 2004, 33)"))
    #expect(html.contains("(Smith 2004; Doe 2010)"))
    #expect(html.contains("阿尔法委员会"))
    #expect(html.contains("Aerfa Weiyuanhui"))
  }

  /// A source cited twice at the same place is cited once; at another place, again; a key
  /// missing from the bibliography is marked after the citation. The slots stay in document
  /// order (statements' cites are found on all cores, then numbered in order).
  @Test func repeatedAndUnknownSourcesOfAStatement() throws {
    let extra = ReportFixtures.entity(
      "zeta",
      """
      id: zeta
      kind: lsg
      labels:
        en: Zeta Group
      statements:
        type:
          - value: permanent
            references:
              - source: smith2004
                locator: "8"
              - source: nobody1999
              - source: smith2004
                locator: "8"
              - source: doe2010
              - source: smith2004
                locator: "9"
      """)
    let result = try ReportFixtures.report(ReportFixtures.knowledge(extra: [extra]), format: .html)
    let html = HTMLWriter.page(result.doc)
    #expect(
      html.contains(
        "(Smith 2004, 8; Doe 2010; Smith 2004, 9)<span class=\"unknown-citation\">(@nobody1999?)</span>"))
    #expect(Set(result.citedSources) == ["smith2004", "doe2010"])
  }

  @Test func bibliographyHoldsExactlyTheCitedSources() throws {
    let result = try ReportFixtures.report(knowledge, format: .text)
    #expect(Set(result.citedSources) == ["smith2004", "doe2010"])
    let text = TextWriter.document(result.doc)
    let bibliography = result.doc.blocks.compactMap { block -> [String]? in
      if case .bibliography(_, let entries) = block { return entries.map(\.key) }
      return nil
    }
    #expect(bibliography.count == 1)
    #expect(Set(bibliography.first ?? []) == ["smith2004", "doe2010"])
    #expect(!text.contains("Nobody Cites Me"))
  }

  @Test func fourFiguresArePresent() throws {
    let html = HTMLWriter.page(try ReportFixtures.report(knowledge, format: .html).doc)
    for id in ["figure-categories", "figure-structure", "figure-network", "figure-timeline"] {
      #expect(html.contains("<figure id=\"\(id)\""), "missing \(id)")
    }
    #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
    #expect(html.contains("Economy"))  // figure 1 draws the category
    #expect(html.contains("the party secretary"))  // figure 2 draws the typical leader
    #expect(html.contains("Bob Example"))  // figure 3 draws the leader of the cross-sectional group
  }

  @Test func unsourcedStatementIsMarkedNotHidden() throws {
    let text = TextWriter.document(try ReportFixtures.report(knowledge, format: .text).doc)
    #expect(text.contains("Nobody wrote this down"))
    let line = text.split(separator: "\n").first { $0.contains("Nobody wrote this down") }
    #expect(line?.contains("unsourced") == true)
  }

  @Test func conflictsAreShownSideBySide() throws {
    let text = TextWriter.document(try ReportFixtures.report(knowledge, format: .text).doc)
    #expect(text.contains("Alpha Commission: leader"))
    #expect(text.contains("\tStatement 1\tStatement 2"))
  }

  @Test func viaCopyIsMarked() throws {
    let text = TextWriter.document(try ReportFixtures.report(knowledge, format: .text).doc)
    let line = text.split(separator: "\n").first { $0.hasPrefix("disbanded\t") }
    #expect(line?.contains("via copy") == true)
  }

  @Test func notesStyleMovesCitationsIntoNumberedNotes() throws {
    let result = try ReportFixtures.report(knowledge, notes: true, format: .text)
    let notes =
      result.doc.blocks.compactMap { block -> [DocBlock.Note]? in
        if case .notes(let notes) = block { return notes }
        return nil
      }.first ?? []
    #expect(notes.count == result.citationCount)
    #expect(notes.map(\.number) == Array(1...notes.count))
  }

  @Test func markdownAndTextCarryTheSameSections() throws {
    let markdown = MarkdownWriter.document(try ReportFixtures.report(knowledge, format: .markdown).doc)
    let text = TextWriter.document(try ReportFixtures.report(knowledge, format: .text).doc)
    for heading in [
      "Overview", "Figures", "Conflicts", "Index of sources", "Bibliography", "Legend of provenance marks",
    ] {
      #expect(markdown.contains(heading))
      #expect(text.contains(heading))
    }
    #expect(markdown.contains("<svg "))
  }

  @Test func htmlReportIsWellFormedXML() throws {
    let html = HTMLWriter.page(try ReportFixtures.report(knowledge, format: .html).doc)
    // XMLTree refuses DOCTYPEs by design; the rest of the polyglot page must be well-formed XML.
    #expect(html.hasPrefix("<!DOCTYPE html>\n"))
    let root = try XMLTreeParser.parse(String(html.dropFirst("<!DOCTYPE html>\n".count)), sourceName: "report.html")
    #expect(root.name == "html")
  }
}
