import Foundation
import Testing

/// `cited render DOC.md --check`: the cited sources `cited check` would flag, at the line of
/// their first citation, and exit 1; a clean document exits 0.
@Suite(.enabled(if: CheckCommandTests.binary != nil, "needs the cited binary built next to the tests"))
struct RenderCheckTests {
  static let bibliography = """
    [{"id": "good", "type": "book", "title": "Good", "author": [{"family": "Lee", "given": "Ann"}],
      "issued": {"date-parts": [[2001]]}, "publisher": "P"},
     {"id": "weak", "type": "article-journal", "title": "Weak", "author": [{"family": "Roe", "given": "Rick"}],
      "issued": {"date-parts": [[2001, 2, 30]]}}]
    """

  static func folder(_ name: String, document: String) throws -> String {
    let folder = try ProjectDiscoveryTests.temporaryFolder("render-check-" + name)
    try bibliography.write(toFile: folder + "/refs.json", atomically: false, encoding: .utf8)
    try document.write(toFile: folder + "/doc.md", atomically: false, encoding: .utf8)
    return folder
  }

  @Test func aFlaggedSourceIsReportedAtItsFirstCitation() throws {
    let folder = try Self.folder("flagged", document: "Intro.\n\nSee [@good, p. 3] and [@weak].\n\nAgain @weak.\n")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try #require(
      try CheckCommandTests.run(["render", "doc.md", "--bibliography", "refs.json", "--check"], in: folder))
    #expect(run.status == 1)
    #expect(run.errors.contains("doc.md:3:23: warning: cited source 'weak': article-journal without 'container-title'"))
    #expect(
      run.errors.contains("day 30 does not exist in month 2 [invalid-date] (cited 2 times) [cited-source-flagged]"))
    #expect(!run.errors.contains("'good'"))
    #expect(run.output.contains("See (Lee 2001, 3) and (Roe 2001)."))
    let plain = try #require(
      try CheckCommandTests.run(["render", "doc.md", "--bibliography", "refs.json"], in: folder))
    #expect(plain.status == 0)
    #expect(!plain.errors.contains("cited-source-flagged"))
  }

  @Test func cleanSourcesExitZero() throws {
    let folder = try Self.folder("clean", document: "See [@good].\n")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try #require(
      try CheckCommandTests.run(["render", "doc.md", "--bibliography", "refs.json", "--check"], in: folder))
    #expect(run.status == 0, "\(run.errors)")
  }

  @Test func checkWithoutADocumentIsAUsageError() throws {
    let folder = try Self.folder("usage", document: "")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try #require(
      try CheckCommandTests.run(["render", "--bibliography", "refs.json", "--cite", "good", "--check"], in: folder))
    #expect(run.status == 2)
    #expect(run.errors.contains("--check reports on a document's citations"))
  }
}
