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
    // A blank line, then one line per entry, each ended by a line feed.
    #expect(lines.count == 6 && lines[2].isEmpty && lines[5].isEmpty, "\(lines)")
    #expect(lines[3].hasPrefix("Lee") && lines[4].hasPrefix("Roe"), "\(lines)")
    #expect(run.errors.contains("no reference with id 'nobody'"))
    #expect(run.status == 1)
  }

  /// Hundreds of lines are written in runs made on all cores: every line once, in order.
  @Test func manyLinesComeOutInOrder() throws {
    let count = 700
    let folder = try ProjectDiscoveryTests.temporaryFolder("render-citations-many")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let items = (0..<count).map { index in
      let name = "Author" + String(1000 + index)
      return
        #"{"id": "k\#(index)", "type": "book", "title": "T", "author": [{"family": "\#(name)"}], "issued": {"date-parts": [[2001]]}}"#
    }
    try ("[" + items.joined(separator: ",\n") + "]").write(
      toFile: folder + "/refs.json", atomically: false, encoding: .utf8)
    let cites = (0..<count).map { #"{"items": [{"id": "k\#(count - 1 - $0)"}]}"# }
    try ("[" + cites.joined(separator: ",") + "]").write(
      toFile: folder + "/cites.json", atomically: false, encoding: .utf8)
    let run = try #require(try CheckCommandTests.run(Self.arguments, in: folder))
    #expect(run.status == 0, "\(run.errors)")
    let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.count == 2 * count + 2)
    #expect(lines.prefix(count) == ArraySlice((0..<count).map { "(Author\(1000 + count - 1 - $0) 2001)" }))
    #expect(lines[count].isEmpty && lines.last == "")
    let entries = lines.dropFirst(count + 1).dropLast()
    #expect(entries.enumerated().allSatisfy { $1.hasPrefix("Author\(1000 + $0)") }, "\(entries.prefix(3))")
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
