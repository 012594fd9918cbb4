import BibModel
import Foundation
import Testing

@testable import KnowledgeBase

/// The knowledge base and bibliography that ship in Knowledge/ and Bibliography/: every
/// statement sourced, every key resolved, no error; the research file's disagreements
/// visible; no category invented.
@Suite struct BundledKnowledgeTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  static func check() throws -> Checker.Result {
    let (knowledge, _) = try KnowledgeDirectory.load(root + "/Knowledge")
    let path = root + "/Bibliography/lsg-sources.json"
    let bibliography = Bibliography.read([SourceFile(path: path, text: try KnowledgeDirectory.read(path))])
    return Checker.check(knowledge, bibliography, config: CheckConfig(today: FactDate(year: 2026, month: 11, day: 29)))
  }

  @Test func checksWithoutErrorsAndEveryStatementIsSourced() throws {
    let result = try Self.check()
    let errors = result.findings.filter { (finding: Diagnostic) in finding.severity == .error }
    #expect(errors.isEmpty, "\(errors.map(\.description))")
    #expect(result.summary.entities >= 60)
    #expect(result.summary.statements >= 140)
    #expect(result.summary.unsourcedStatements == 0)
    #expect(!result.findings.contains { $0.code == "unknown-source" || $0.code == "unsourced-statement" })
  }

  @Test func everyLSGTheSeedNamesIsThere() throws {
    let (knowledge, _) = try KnowledgeDirectory.load(Self.root + "/Knowledge")
    let english = knowledge.entities.flatMap { entity in
      (entity.labels.forms + entity.aliases.forms).filter { $0.language == "en" }.map(\.text)
    }
    for name in [
      "Central Financial and Economic Affairs Commission", "Central Foreign Affairs Commission",
      "National Security Commission", "Central Cybersecurity and Informatization Commission",
    ] {
      #expect(english.contains { $0.contains(name) }, "no entity named \(name)")
    }
    let ids = Set(knowledge.entities.map(\.id))
    for id in [
      "cfeac", "cfac", "ccdr", "ccac", "cnsc", "first-economic-census-lsg", "three-gorges-commission",
      "beijing-olympic-lsg", "coronavirus-epidemic-lsg",
    ] {
      #expect(ids.contains(id), "missing \(id)")
    }
  }

  /// The research file's disagreements: each either a conflict or settled by rank.
  @Test func disagreementsBetweenSourcesAreVisible() throws {
    let result = try Self.check()
    let messages = result.findings.filter { (finding: Diagnostic) in
      finding.code == "conflict" || finding.code == "conflict-resolved"
    }.map(\.message)
    for subject in [
      "cfeac.head ", "cfeac.head-held-by-office", "ccac.established", "ccac.head ", "cfac.established",
      "propaganda_lsg.established", "mcf_commission.established",
    ] {
      #expect(messages.contains { $0.contains(subject) }, "no conflict reported for \(subject)")
    }
  }

  /// No source assigns an LSG to one of the six categories, so none is recorded and the
  /// check says so for every LSG.
  @Test func noCategoryIsInventedAndItsAbsenceIsReported() throws {
    let (knowledge, _) = try KnowledgeDirectory.load(Self.root + "/Knowledge")
    let lsgs = knowledge.entities.filter { $0.kind == "lsg" }
    #expect(!lsgs.contains { !$0.statements(of: "category").isEmpty })
    let result = try Self.check()
    let missing = result.findings.filter { $0.code == "missing-expected-property" && $0.message.contains("category") }
    #expect(missing.count == lsgs.count)
    #expect(missing.allSatisfy { $0.severity == .warning })
  }
}
