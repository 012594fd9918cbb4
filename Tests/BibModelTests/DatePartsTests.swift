import Testing

@testable import BibModel

/// ISO 8601 text of date parts, written digit by digit, against the text built from `String`:
/// a year padded to four digits after its sign, month and day to two, a negative month or day
/// as its sign and digits.
@Suite struct DatePartsTests {
  static func expected(_ parts: DateParts) -> String {
    guard let year = parts.year else { return ".." }
    func pad(_ digits: String, _ width: Int) -> String {
      digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
    var text = year < 0 ? "-" + pad(String(year.magnitude), 4) : pad(String(year), 4)
    if let month = parts.month { text += "-" + pad(String(month), 2) }
    if let day = parts.day { text += "-" + pad(String(day), 2) }
    return text
  }

  @Test func iso8601TextOfEveryShape() {
    let years: [Int?] = [nil, Int.min, -10_000, -44, -1, 0, 5, 99, 2024, 12_345, Int.max]
    let parts: [Int?] = [nil, Int.min, -3, 0, 1, 9, 12, 16, 123, Int.max]
    var checked = 0
    for year in years {
      for month in parts {
        for day in parts {
          let date = DateParts(year: year, month: month, day: day)
          #expect(date.iso8601 == Self.expected(date), "\(String(describing: year)) \(String(describing: month))")
          checked += 1
        }
      }
    }
    #expect(checked == years.count * parts.count * parts.count)
    #expect(DateParts(year: 1962, month: 8).iso8601 == "1962-08")
    #expect(DateParts(year: -44, month: 3, day: 15).iso8601 == "-0044-03-15")
  }
}
