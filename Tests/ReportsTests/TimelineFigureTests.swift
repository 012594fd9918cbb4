import Testing

@testable import Reports

/// The timeline places dates as year + (month - 1) / 12 and prints positions back as dates.
@Suite struct TimelineFigureTests {
  @Test(arguments: [1949, 1962, 2013, 2018, 2024])
  func everyMonthPrintsAsItself(year: Int) {
    #expect(TimelineFigure.format(Double(year)) == String(year))
    for month in 2...12 {
      let position = Double(year) + Double(month - 1) / 12
      let expected = String(year) + "-" + (month < 10 ? "0" : "") + String(month)
      #expect(TimelineFigure.format(position) == expected, "month \(month)")
    }
  }

  @Test func nonFiniteAndHugePositionsDoNotTrap() {
    #expect(!TimelineFigure.format(.infinity).isEmpty)
    #expect(!TimelineFigure.format(.nan).isEmpty)
    #expect(!TimelineFigure.format(9e18).isEmpty)
  }
}
