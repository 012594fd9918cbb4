import BibModel

/// A date in the knowledge base: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`-0044` for BC), with the
/// precision it was written at: CSL date parts whose year is always known.
public struct FactDate: Sendable, Hashable, CustomStringConvertible {
  /// The date as BibModel's date parts (the year is always set).
  public let parts: DateParts
  public var year: Int { parts.year ?? 0 }
  public var month: Int? { parts.month }
  public var day: Int? { parts.day }

  public init(year: Int, month: Int? = nil, day: Int? = nil) {
    parts = DateParts(year: year, month: month, day: day)
  }

  /// How finely the date was written.
  public var precision: DatePrecision { parts.precision }

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
    guard fields[0].count == 4, let unsigned = Int(fields[0]) else { return nil }
    let year = negative ? -unsigned : unsigned
    var month: Int?
    var day: Int?
    if fields.count >= 2 {
      guard fields[1].count == 2, let value = Int(fields[1]), (1...12).contains(value) else { return nil }
      month = value
    }
    if fields.count == 3 {
      guard fields[2].count == 2, let value = Int(fields[2]), let month,
        (1...DateParts.days(inMonth: month, year: year)).contains(value)
      else { return nil }
      day = value
    }
    return FactDate(year: year, month: month, day: day)
  }

  /// The date from a CSL date's first part, if it has a year.
  public init?(_ parts: DateParts?) {
    guard let parts, let year = parts.year else { return nil }
    let month = parts.month.flatMap { (1...12).contains($0) ? $0 : nil }
    self.init(year: year, month: month, day: month == nil ? nil : parts.day)
  }

  /// The earliest and latest day the date can mean, as comparable numbers (`yyyymmdd`).
  public var earliest: Int { Self.clampedYear(year) * 10000 + (month ?? 1) * 100 + (day ?? 1) }
  public var latest: Int {
    let lastMonth = month ?? 12
    return Self.clampedYear(year) * 10000 + lastMonth * 100 + (day ?? DateParts.days(inMonth: lastMonth, year: year))
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

  public var description: String { parts.iso8601 }
}
