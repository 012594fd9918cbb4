/// One end of a date: a year and, optionally, a month (13-16 for seasons, as CSL-JSON
/// allows) and a day. Year 0 and negative years are BC (astronomical numbering as written).
public struct DateParts: Sendable, Hashable {
  public var year: Int?
  public var month: Int?
  public var day: Int?

  public init(year: Int?, month: Int? = nil, day: Int? = nil) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// How finely this end is known.
  public var precision: DatePrecision {
    if day != nil { return .day }
    if month != nil { return .month }
    return .year
  }

  public var isEmpty: Bool { year == nil && month == nil && day == nil }

  /// This end as ISO 8601 / EDTF text: `2004-05-12`, `-0044` (BC), `..` when open.
  public var iso8601: String {
    guard let year else { return ".." }
    // Written digit by digit into the string's storage (at most 1 + 20 + 2 × 21 bytes): a
    // report writes one for every dated statement.
    return String(unsafeUninitializedCapacity: 64) { buffer in
      var count = 0
      func put(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
      }
      /// The digits of `value`, zero-padded to `width`.
      func digits(_ value: UInt, width: Int) {
        var length = 1
        var rest = value / 10
        while rest > 0 {
          length += 1
          rest /= 10
        }
        let total = Swift.max(length, width)
        var remaining = value
        for position in stride(from: count + total - 1, through: count, by: -1) {
          buffer[position] = UInt8(truncatingIfNeeded: 0x30 &+ remaining % 10)
          remaining /= 10
        }
        count += total
      }
      // A year is padded to four digits after its sign; a negative month or day (not a date,
      // but written as read) is its sign and digits, as `String` prints it.
      if year < 0 { put(0x2D) }
      digits(year.magnitude, width: 4)
      for part in [month, day] {
        guard let part else { continue }
        put(0x2D)
        if part < 0 { put(0x2D) }
        digits(part.magnitude, width: part < 0 ? 1 : 2)
      }
      return count
    }
  }

  /// The days in `month` (1-12) of `year`, in the proleptic Gregorian calendar.
  public static func days(inMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

public enum DatePrecision: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
  case year, month, day

  private var order: Int {
    switch self {
    case .year: 0
    case .month: 1
    case .day: 2
    }
  }

  public static func < (lhs: DatePrecision, rhs: DatePrecision) -> Bool { lhs.order < rhs.order }
}

/// A CSL date variable: one date or a range, with season, circa, a literal form or a raw
/// string (ISO 8601 / EDTF) that could not be split into parts.
public struct DateValue: Sendable, Hashable {
  /// One element for a date, two for a range (the second may be open: `DateParts(year: nil)`).
  public var parts: [DateParts]
  /// `season`: 1-4 or a name; printed with the season terms.
  public var season: String?
  /// `circa`: the date is approximate.
  public var circa: Bool
  /// `literal`: printed as is, never parsed.
  public var literal: String?
  /// `raw`: the string the parts were parsed from, kept for lossless writing.
  public var raw: String?
  /// Fields that Cited does not know, kept so nothing is lost.
  public var extra: [String: JSONValue]

  public init(
    parts: [DateParts] = [], season: String? = nil, circa: Bool = false, literal: String? = nil,
    raw: String? = nil, extra: [String: JSONValue] = [:]
  ) {
    self.parts = parts
    self.season = season
    self.circa = circa
    self.literal = literal
    self.raw = raw
    self.extra = extra
  }

  public init(year: Int, month: Int? = nil, day: Int? = nil) {
    self.init(parts: [DateParts(year: year, month: month, day: day)])
  }

  public var start: DateParts? { parts.first }
  public var end: DateParts? { parts.count > 1 ? parts[1] : nil }
  public var isRange: Bool { parts.count > 1 }
  public var year: Int? { parts.first?.year }

  /// Parses ISO 8601 / EDTF level 0-1 strings: `2004`, `2004-05`, `2004-05-12`, ranges
  /// `2004/2006` and `2004-05/..`, uncertain/approximate marks (`2004?`, `2004~` → circa),
  /// seasons `2004-21` (spring) to `2004-24`. Returns nil for anything else.
  public static func parseEDTF(_ text: String) -> DateValue? {
    let trimmed = text.trimmingCharacters(in: " \t\n")
    guard !trimmed.isEmpty else { return nil }
    // Text of digits and `-/?~%.` alone (each byte a character) is read on its bytes: splitting
    // the characters cost some 16,000 instructions a date.
    if case .read(let date)? = trimmed.utf8.withContiguousStorageIfAvailable(parseEDTFBytes) { return date }
    return parseEDTFCharacters(trimmed)
  }

  /// `parseEDTF` of trimmed, non-empty text, character by character (any text; the reference
  /// for the byte path, which tests compare with it).
  static func parseEDTFCharacters(_ trimmed: String) -> DateValue? {
    var circa = false
    let ends = trimmed.split(separator: "/", omittingEmptySubsequences: false)
    guard ends.count <= 2 else { return nil }
    var parts: [DateParts] = []
    var season: String?
    for end in ends {
      var piece = String(end)
      if piece == ".." || piece.isEmpty {
        guard ends.count == 2 else { return nil }
        parts.append(DateParts(year: nil))
        continue
      }
      while let last = piece.last, "?~%".contains(last) {
        if last != "?" { circa = true }
        piece.removeLast()
      }
      var negative = false
      if piece.hasPrefix("-") {
        negative = true
        piece.removeFirst()
      }
      let fields = piece.split(separator: "-", omittingEmptySubsequences: false)
      guard (1...3).contains(fields.count), fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
      else { return nil }
      guard let year = Int(fields[0]), fields[0].count >= 3 || fields.count == 1 && fields[0].count >= 1 else {
        return nil
      }
      var date = DateParts(year: negative ? -year : year)
      if fields.count >= 2, let month = Int(fields[1]) {
        if (21...24).contains(month) && fields.count == 2 {
          season = String(month - 20)
        } else {
          guard (1...12).contains(month) else { return nil }
          date.month = month
        }
      }
      if fields.count == 3, let day = Int(fields[2]) {
        guard (1...31).contains(day) else { return nil }
        date.day = day
      }
      parts.append(date)
    }
    return DateValue(parts: parts, season: season, circa: circa)
  }

  /// `parseEDTF` of trimmed text read on its bytes, each a character; the same steps in the
  /// same order.
  static func parseEDTFBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> ByteReading<DateValue?> {
    var slashes = 0
    for byte in bytes {
      switch byte {
      case 0x2F: slashes += 1
      case 0x30...0x39, 0x2D, 0x3F, 0x7E, 0x25, 0x2E: continue
      default: return .otherCharacters
      }
    }
    guard slashes <= 1 else { return .read(nil) }
    // The one or two ends and each end's one to three fields are ranges kept in place (lists
    // of them, grown from empty, cost most of reading a plain date).
    let slash = bytes.firstIndex(of: 0x2F)
    let endCount = slash == nil ? 1 : 2
    var circa = false
    var parts: [DateParts] = []
    parts.reserveCapacity(endCount)
    var season: String?
    for number in 0..<endCount {
      let end = slash.map { number == 0 ? 0..<$0 : ($0 + 1)..<bytes.count } ?? 0..<bytes.count
      var (lower, upper) = (end.lowerBound, end.upperBound)
      if lower == upper || (upper - lower == 2 && bytes[lower] == 0x2E && bytes[lower + 1] == 0x2E) {
        guard endCount == 2 else { return .read(nil) }
        parts.append(DateParts(year: nil))
        continue
      }
      while upper > lower, bytes[upper - 1] == 0x3F || bytes[upper - 1] == 0x7E || bytes[upper - 1] == 0x25 {
        if bytes[upper - 1] != 0x3F { circa = true }
        upper -= 1
      }
      var negative = false
      if upper > lower, bytes[lower] == 0x2D {
        negative = true
        lower += 1
      }
      guard let fields = DateFields(bytes, lower..<upper),
        let year = integer(bytes[fields.year]), fields.year.count >= 3 || fields.count == 1
      else { return .read(nil) }
      var date = DateParts(year: negative ? -year : year)
      if let range = fields.month, let month = integer(bytes[range]) {
        if (21...24).contains(month) && fields.count == 2 {
          season = String(month - 20)
        } else {
          guard (1...12).contains(month) else { return .read(nil) }
          date.month = month
        }
      }
      if let range = fields.day, let day = integer(bytes[range]) {
        guard (1...31).contains(day) else { return .read(nil) }
        date.day = day
      }
      parts.append(date)
    }
    return .read(DateValue(parts: parts, season: season, circa: circa))
  }

  /// The one to three dash-separated fields of a date's end, each of digits (nil for any
  /// other text).
  private struct DateFields {
    var year: Range<Int>
    var month: Range<Int>?
    var day: Range<Int>?
    var count: Int { month == nil ? 1 : day == nil ? 2 : 3 }

    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
      var dashes = 0
      var first = range.upperBound
      var second = range.upperBound
      for index in range where bytes[index] == 0x2D {
        dashes += 1
        if dashes == 1 { first = index } else if dashes == 2 { second = index } else { return nil }
      }
      year = range.lowerBound..<first
      if dashes >= 1 { month = (first + 1)..<second }
      if dashes == 2 { day = (second + 1)..<range.upperBound }
      guard Self.isDigits(bytes, year), month.map({ Self.isDigits(bytes, $0) }) ?? true,
        day.map({ Self.isDigits(bytes, $0) }) ?? true
      else { return nil }
    }

    private static func isDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
      !range.isEmpty && bytes[range].allSatisfy { (0x30...0x39).contains($0) }
    }
  }

  /// The value of ASCII digits, nil when it passes `Int.max` (as `Int(_:)` reads them).
  private static func integer(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
    var value = 0
    for digit in digits {
      let (shifted, overflowShift) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflowAdd) = shifted.addingReportingOverflow(Int(digit - 0x30))
      if overflowShift || overflowAdd { return nil }
      value = sum
    }
    return value
  }

  /// The date as ISO 8601 / EDTF text (`2004-05-12`, `2004/2006`), for writers.
  public var edtf: String? {
    guard !parts.isEmpty else { return nil }
    var text = parts.map(\.iso8601).joined(separator: "/")
    if circa { text += "~" }
    return text
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}
