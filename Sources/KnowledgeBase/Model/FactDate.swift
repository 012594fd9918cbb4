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

  /// Parses the date forms the format allows (spaces around them aside); nil for anything
  /// else. Read on bytes: every character the forms allow is ASCII, so any other byte means
  /// nil (a parse a knowledge base makes for every dated value took 10,000 instructions on
  /// characters).
  public static func parse(_ text: String) -> FactDate? {
    if let parsed = text.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0) }) { return parsed }
    return Array(text.utf8).withUnsafeBufferPointer { parse(bytes: $0) }
  }

  private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> FactDate? {
    var start = 0
    var end = bytes.count
    while start < end && bytes[start] == 0x20 { start += 1 }
    while end > start && bytes[end - 1] == 0x20 { end -= 1 }
    let negative = start < end && bytes[start] == 0x2D
    if negative { start += 1 }
    // Up to three fields of digits between hyphens, each present.
    var fields: [(value: Int, digits: Int)] = []
    var value = 0
    var digits = 0
    for index in start...end {
      if index == end || bytes[index] == 0x2D {
        guard digits > 0, fields.count < 3 else { return nil }
        fields.append((value, digits))
        (value, digits) = (0, 0)
        continue
      }
      let byte = bytes[index]
      guard byte >= 0x30 && byte <= 0x39 else { return nil }
      // Four digits at most are kept: a longer field is refused below whatever its value.
      if digits < 4 { value = value * 10 + Int(byte - 0x30) }
      digits += 1
    }
    guard fields[0].digits == 4 else { return nil }
    let year = negative ? -fields[0].value : fields[0].value
    var month: Int?
    var day: Int?
    if fields.count >= 2 {
      guard fields[1].digits == 2, (1...12).contains(fields[1].value) else { return nil }
      month = fields[1].value
    }
    if fields.count == 3 {
      guard fields[2].digits == 2, let month, (1...DateParts.days(inMonth: month, year: year)).contains(fields[2].value)
      else { return nil }
      day = fields[2].value
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
