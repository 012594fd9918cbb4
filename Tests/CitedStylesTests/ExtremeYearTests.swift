import BibModel
import CSLEngine
import CSLStyle
import Testing

/// Years near ±2^63 from the input render and sort instead of trapping.
@Suite struct ExtremeYearTests {
  @Test func extremeYearsRenderAndSort() throws {
    let dated = { (id: String, year: Int) in
      Reference(
        id: id, type: "book", variables: ["title": id], dates: ["issued": DateValue(parts: [DateParts(year: year)])])
    }
    let layout =
      #"<group delimiter=" "><text variable="title"/><date variable="issued"><date-part name="year"/></date><date variable="issued"><date-part name="year" form="short"/></date></group>"#
    let entries = try MultilingualEngineTests.entries(layout, [dated("b", Int.max), dated("a", Int.min)])
    #expect(entries.contains("a 9223372036854775808 BC 08"))
    #expect(entries.contains("b 9223372036854775807 07"))
  }
}
