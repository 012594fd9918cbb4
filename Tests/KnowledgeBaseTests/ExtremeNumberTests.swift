import BibModel
import Testing

@testable import KnowledgeBase

/// Numbers that come straight from input (pages with 19+ digits, years near ±2^63) are
/// answered, never trapped on (arithmetic overflow ends the process).
@Suite struct ExtremeNumberTests {
  @Test func hugeAbbreviatedPageRangeIsNoRange() {
    #expect(LocatorRangeRule.ranges("5-1234567890123456789012") == nil)
    #expect(LocatorRangeRule.ranges("9223372036854775000-9999999999999999999") == nil)
    #expect(LocatorRangeRule.ranges("123-5") == [123...125])
  }

  @Test func extremeYearsCompareAndPrint() throws {
    let lowest = try #require(FactDate(DateParts(year: Int.min)))
    let highest = try #require(FactDate(DateParts(year: Int.max)))
    #expect(lowest.isSurelyBefore(highest))
    #expect(!highest.isSurelyBefore(lowest))
    #expect(lowest.description == "-9223372036854775808")
    #expect(lowest.years(until: highest) > 0)
  }
}
