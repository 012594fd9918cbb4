import BibModel
import Testing

@testable import BibFormats

/// A member written twice in one CSL-JSON item is reported where it stands; the last value is
/// the one kept, and the rest of the file reads.
@Suite struct DuplicateMemberTests {
  @Test func secondMemberIsReportedAndWins() {
    let text = #"[{"id": "a", "title": "First", "title": "Second", "type": "book"}, {"id": "b", "type": "book"}]"#
    let result = CSLItemRepair.read(
      (try? JSONParser.parse(text)) ?? .null, file: "dup.json")
    #expect(result.references.map(\.id) == ["a", "b"])
    #expect(result.references.first?.variables["title"] == "Second")
    let found = result.diagnostics.filter { $0.code == "duplicate-member" }
    #expect(found.count == 1)
    #expect(found.first?.location?.column == 32)
  }
}
