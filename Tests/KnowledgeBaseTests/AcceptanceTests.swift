import BibModel
import Foundation
import Testing

@testable import KnowledgeBase

/// The acceptance case: a syntax error, a dangling citation key and an unsourced statement in a
/// knowledge base on disk are all reported with file:line:column, and nothing is written.
@Suite struct AcceptanceTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/broken").path

  @Test func brokenKnowledgeBaseReportsEveryProblemWithItsPlace() throws {
    let before = try snapshot()
    let (knowledge, _) = try KnowledgeDirectory.load(Self.root + "/Knowledge")
    let bibliography = Bibliography.read([
      SourceFile(path: "sources.json", text: try KnowledgeDirectory.read(Self.root + "/Bibliography/sources.json"))
    ])
    let result = Checker.check(knowledge, bibliography, config: CheckConfig(today: Fixture.today))
    let errors = result.findings.filter { $0.severity == .error }
    let lsg = Self.root + "/Knowledge/lsg/"
    #expect(errors.map(\.code) == ["unknown-source", "yaml-syntax", "unsourced-statement"])
    #expect(errors.map(\.place) == [lsg + "dangling.yaml:9:19", lsg + "syntax.yaml:4:7", lsg + "unsourced.yaml:7:7"])
    #expect(errors.first?.hint == "did you mean 'caixin2014'?")
    // The bad file costs that file only: the two others are loaded.
    #expect(knowledge.entities.map(\.id).sorted() == ["dangling", "unsourced"])
    #expect(result.summary.statements == 3)
    #expect(result.summary.unsourcedStatements == 1)
    #expect(try snapshot() == before)
  }

  /// The complete example of Docs/knowledge-base.md checks clean: no error, no warning, and
  /// for the record the one disagreement its deprecated value settles.
  @Test func theDocumentedExampleIsClean() throws {
    let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/example")
      .path
    let (knowledge, _) = try KnowledgeDirectory.load(example + "/Knowledge")
    let bibliography = Bibliography.read([
      SourceFile(path: "sources.json", text: try KnowledgeDirectory.read(example + "/Bibliography/sources.json"))
    ])
    let result = Checker.check(knowledge, bibliography, config: CheckConfig(today: Fixture.today))
    #expect(result.findings.filter { $0.severity > .info }.map(\.description) == [])
    #expect(result.findings.map(\.code) == ["conflict-resolved"])
    #expect(result.summary.entities == 3)
    #expect(result.summary.statements == 5)
  }

  /// Every file under the fixture with its modification date and size.
  private func snapshot() throws -> [String: String] {
    var result: [String: String] = [:]
    let manager = FileManager.default
    for case let path as String in manager.enumerator(atPath: Self.root)?.allObjects ?? [] {
      let attributes = try manager.attributesOfItem(atPath: Self.root + "/" + path)
      result[path] = "\(attributes[.modificationDate] ?? "") \(attributes[.size] ?? "")"
    }
    return result
  }
}
