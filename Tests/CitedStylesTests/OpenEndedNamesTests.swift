import BibModel
import CSLEngine
import CSLStyle
import Testing

/// BibTeX's `and others` reaches the engine as `cited:et-al`: the list ends in et al. though
/// no name was cut, and a list that et-al rules already cut is not marked twice.
@Suite struct OpenEndedNamesTests {
  static func reference(_ names: [String], openEnded: Bool) -> Reference {
    var reference = Reference(
      id: "a", type: "book", variables: ["title": "T"],
      names: ["author": names.map { Name(family: $0, given: "J") }])
    if openEnded { reference.extra[Reference.etAlKey] = .array([.string("author")]) }
    return reference
  }

  @Test func openEndedListEndsInEtAl() throws {
    let layout = #"<names variable="author"><name and="text"/></names>"#
    let open = try MultilingualEngineTests.entries(layout, [Self.reference(["Doe", "Roe"], openEnded: true)])
    #expect(open == ["J Doe, J Roe, et al."])
    let closed = try MultilingualEngineTests.entries(layout, [Self.reference(["Doe", "Roe"], openEnded: false)])
    #expect(closed == ["J Doe and J Roe"])
  }

  @Test func cutListGetsOneEtAl() throws {
    let layout = #"<names variable="author"><name et-al-min="2" et-al-use-first="1"/></names>"#
    let entries = try MultilingualEngineTests.entries(layout, [Self.reference(["Doe", "Roe"], openEnded: true)])
    #expect(entries == ["J Doe et al."])
  }
}
