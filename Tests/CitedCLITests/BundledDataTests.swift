import Foundation
import Testing

/// The bundled data as a team would keep it in CI: the bibliography in canonical form (so a
/// diff shows only real changes) and the knowledge base checking with exit 0.
@Suite struct BundledDataTests {
  @Test func theBibliographyIsCanonical() throws {
    guard
      let run = try CheckCommandTests.run(
        ["bib", "format", "--check", "Bibliography/lsg-sources.json"], in: ReportCommandTests.root)
    else { return }
    #expect(run.status == 0, "\(run.output)\(run.errors)")
  }

  @Test func theKnowledgeBaseChecksWithExitZeroAndASummary() throws {
    guard let run = try CheckCommandTests.run(["check"], in: ReportCommandTests.root) else { return }
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("statements without a source: 0"))
    #expect(run.output.contains("0 errors"))
  }
}
