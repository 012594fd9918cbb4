import BibModel

/// A date in the knowledge base: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`-0044` for BC), with the
/// precision it was written at.
public struct FactDate: Sendable, Hashable, CustomStringConvertible {
  public var year: Int
  public var month: Int?
  public var day: Int?

  public init(year: Int, month: Int? = nil, day: Int? = nil) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// How finely the date was written.
  public var precision: DatePrecision {
    if day != nil { return .day }
    if month != nil { return .month }
    return .year
  }

  /// Parses the date forms the format allows; nil for anything else.
  public static func parse(_ text: String) -> FactDate? {
    var body = Substring(text.trimmingCharacters(in: " "))
    var negative = false
    if body.hasPrefix("-") {
      negative = true
      body = body.dropFirst()
    }
    let fields = body.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(fields.count),
      fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
    else { return nil }
    guard fields[0].count == 4, let year = Int(fields[0]) else { return nil }
    var date = FactDate(year: negative ? -year : year)
    if fields.count >= 2 {
      guard fields[1].count == 2, let month = Int(fields[1]), (1...12).contains(month) else { return nil }
      date.month = month
    }
    if fields.count == 3 {
      guard fields[2].count == 2, let day = Int(fields[2]), let month = date.month,
        (1...FactDate.daysIn(month: month, year: date.year)).contains(day)
      else { return nil }
      date.day = day
    }
    return date
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// The date from a CSL date's first part, if it has a year.
  public init?(_ parts: DateParts?) {
    guard let parts, let year = parts.year else { return nil }
    self.init(year: year, month: parts.month.flatMap { (1...12).contains($0) ? $0 : nil }, day: parts.day)
    if month == nil { day = nil }
  }

  /// The earliest and latest day the date can mean, as comparable numbers (`yyyymmdd`).
  public var earliest: Int { Self.clampedYear(year) * 10000 + (month ?? 1) * 100 + (day ?? 1) }
  public var latest: Int {
    let lastMonth = month ?? 12
    return Self.clampedYear(year) * 10000 + lastMonth * 100 + (day ?? FactDate.daysIn(month: lastMonth, year: year))
  }

  /// Years from the input can be anything a 64-bit number holds; beyond ±9×10^14 they compare
  /// as the extremes, so `yyyymmdd` arithmetic cannot overflow.
  static func clampedYear(_ year: Int) -> Int { min(max(year, -900_000_000_000_000), 900_000_000_000_000) }

  /// True when every day this date can mean is before every day `other` can mean.
  public func isSurelyBefore(_ other: FactDate) -> Bool { latest < other.earliest }

  /// True when this date is later than `other` at the coarser precision of the two
  /// (`1987` is not after `1987-05`).
  public func isAfter(_ other: FactDate) -> Bool {
    let common = min(precision, other.precision)
    return truncated(to: common).earliest > other.truncated(to: common).earliest
  }

  /// The date truncated to a precision.
  public func truncated(to precision: DatePrecision) -> FactDate {
    switch precision {
    case .year: FactDate(year: year)
    case .month: FactDate(year: year, month: month)
    case .day: self
    }
  }

  /// Years from this date to another, from the earliest day each can mean (negative when
  /// `other` is before).
  public func years(until other: FactDate) -> Double {
    (Double(other.year) - Double(year)) + Double((other.month ?? 1) - (month ?? 1)) / 12
      + Double((other.day ?? 1) - (day ?? 1)) / 365.25
  }

  public var description: String {
    // `magnitude`: a year of -2^63 has no negation in Int.
    var text = year < 0 ? "-" + pad(String(year.magnitude), 4) : pad(String(year), 4)
    if let month { text += "-" + pad(String(month), 2) }
    if let day { text += "-" + pad(String(day), 2) }
    return text
  }

  private func pad(_ digits: String, _ width: Int) -> String {
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}
