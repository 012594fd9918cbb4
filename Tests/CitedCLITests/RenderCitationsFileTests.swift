import Foundation
import Testing

/// `cited render --citations FILE`: the file is read while the bibliography is, and what it
/// holds (or why it cannot be read) is reported where render always reported it: after the
/// bibliography's findings, before anything is rendered.
@Suite(.enabled(if: CheckCommandTests.binary != nil, "needs the cited binary built next to the tests"))
struct RenderCitationsFileTests {
  static let bibliography = """
    [{"id": "lee", "type": "book", "title": "Good", "author": [{"family": "Lee", "given": "Ann"}],
      "issued": {"date-parts": [[2001]]}, "publisher": "P"},
     {"id": "roe", "type": "book", "title": "Other", "author": [{"family": "Roe", "given": "Rick"}],
      "issued": {"date-parts": [[1999]]}}]
    """

  static func folder(_ name: String, citations: String?) throws -> String {
    let folder = try ProjectDiscoveryTests.temporaryFolder("render-citations-" + name)
    try bibliography.write(toFile: folder + "/refs.json", atomically: false, encoding: .utf8)
    if let citations { try citations.write(toFile: folder + "/cites.json", atomically: false, encoding: .utf8) }
    return folder
  }

  static let arguments = ["render", "--bibliography", "refs.json", "--citations", "cites.json", "--to", "text"]

  @Test func citationsRenderInOrderAndUnknownIdsAreReported() throws {
    let citations = """
      [{"id": "c1", "items": [{"id": "roe", "locator": "12"}]},
       {"id": "c2", "items": [{"id": "nobody"}, {"id": "lee"}]}]
      """
    let folder = try Self.folder("ok", citations: citations)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try #require(try CheckCommandTests.run(Self.arguments, in: folder))
    let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.first == "(Roe 1999, 12)")
    #expect(lines.dropFirst().first == "(Lee 2001)")
    #expect(run.errors.contains("no reference with id 'nobody'"))
    #expect(run.status == 1)
  }

  @Test func aMissingFileIsAnError() throws {
    let folder = try Self.folder("missing", citations: nil)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try #require(try CheckCommandTests.run(Self.arguments, in: folder))
    #expect(run.status == 2)
    #expect(run.errors.contains("cannot read the citations 'cites.json'"))
    #expect(run.output.isEmpty)
  }

  @Test func aSyntaxErrorIsReportedAtItsPlace() throws {
    let folder = try Self.folder("syntax", citations: "[{\"id\": \"c1\",\n  \"items\": [{\"id\" \"lee\"}]}]")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try #require(try CheckCommandTests.run(Self.arguments, in: folder))
    #expect(run.status == 2)
    #expect(run.output.contains("cites.json:2:") || run.errors.contains("cites.json:2:"), "\(run.output)\(run.errors)")
    #expect(!run.output.contains("(Lee 2001)"))
  }
}
