/// Keeps GitHub tables within a cell budget before cmark-gfm sees them. cmark-gfm gives every
/// row of a table as many cells as its header has, so a 240 KB header row over a few thousand
/// lines took more than 2.4 GB. A table whose header columns × rows would exceed
/// `maximumCells` is read as text instead: a backslash before the first `-` of its delimiter
/// row (`|\-|`, which prints as `|-|`) keeps cmark from making it a table.
public enum TableBudget {
  /// The most cells (header columns × rows, header included) a table may have.
  public static let maximumCells = 250_000

  /// A table over the budget, where its delimiter row is (1-based line of the text).
  public struct Oversized: Sendable, Hashable {
    public var line: Int
    public var columns: Int
    public var rows: Int
    public var cells: Int {
      let (product, overflow) = columns.multipliedReportingOverflow(by: rows)
      return overflow ? Int.max : product
    }
  }

  /// The text with every table over the budget turned into text, and those tables.
  public static func limit(_ text: String) -> (text: String, oversized: [Oversized]) {
    var bytes = Array(text.utf8)
    let tables = oversized(in: bytes)
    guard !tables.isEmpty else { return (text, []) }
    // Insert from the end so earlier offsets stay valid.
    for table in tables.reversed() { bytes.insert(UInt8(ascii: "\\"), at: table.dash) }
    return (String(decoding: bytes, as: UTF8.self), tables.map(\.table))
  }

  /// Tables over the budget with the offset of their delimiter row's first `-`, in one pass.
  static func oversized(in bytes: [UInt8]) -> [(table: Oversized, dash: Int)] {
    var found: [(table: Oversized, dash: Int)] = []
    var open: (table: Oversized, dash: Int)?
    var previousBlank = true
    var line = 0
    var start = 0
    while start <= bytes.count {
      line += 1
      var end = start
      while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
      let content = contentStart(bytes, start, end)
      let blank = content == end
      if blank {
        if let table = open, table.table.cells > maximumCells { found.append(table) }
        open = nil
      } else if open != nil {
        open?.table.rows += 1
      } else if !previousBlank, let (columns, dash) = delimiterRow(bytes, content, end) {
        // The header and the delimiter row are the table's first two rows.
        open = (Oversized(line: line, columns: columns, rows: 2), dash)
      }
      previousBlank = blank
      // LF, CRLF and a lone CR end a line.
      if end + 1 < bytes.count, bytes[end] == 0x0D, bytes[end + 1] == 0x0A { end += 1 }
      start = end + 1
    }
    if let table = open, table.table.cells > maximumCells { found.append(table) }
    return found
  }

  /// Where a line's content starts after white space and block-quote markers.
  private static func contentStart(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
    var cursor = start
    while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 || bytes[cursor] == UInt8(ascii: ">") {
      cursor += 1
    }
    return cursor
  }

  /// A delimiter row (`| --- | :-: |`): its column count and the offset of its first `-`.
  private static func delimiterRow(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (Int, Int)? {
    var pipes = 0
    var firstDash: Int?
    var lastSignificant: UInt8 = 0
    var firstSignificant: UInt8?
    for offset in start..<end {
      let byte = bytes[offset]
      switch byte {
      case UInt8(ascii: "|"): pipes += 1
      case UInt8(ascii: "-"): if firstDash == nil { firstDash = offset }
      case UInt8(ascii: ":"), 0x20, 0x09: break
      default: return nil
      }
      if byte != 0x20 && byte != 0x09 {
        if firstSignificant == nil { firstSignificant = byte }
        lastSignificant = byte
      }
    }
    guard pipes > 0, let firstDash else { return nil }
    let pipe = UInt8(ascii: "|")
    let columns = pipes + 1 - (firstSignificant == pipe ? 1 : 0) - (lastSignificant == pipe ? 1 : 0)
    return (max(columns, 1), firstDash)
  }
}
