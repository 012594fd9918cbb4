import BibModel

/// Splits `.bib` text into entries and blocks. Works on UTF-8 bytes for speed. A syntax error
/// inside an entry costs only the field it is in: the entry keeps what was read and reading
/// resumes at the next field or entry (`BibTeXSyntax+Recovery.swift`).
struct BibTeXSyntax {
  let bytes: [UInt8]
  let file: String
  private var lineStarts: [Int] = [0]
  /// Closing offsets by opening offset, per opener, once a group was found unclosed.
  private var closers: [UInt8: [Int: Int]] = [:]
  var diagnostics: [Diagnostic] = []
  var index = 0

  init(text: String, file: String) {
    self.bytes = Array(text.utf8)
    self.file = file
    for (offset, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(offset + 1) }
  }

  /// Where the last column count stopped: locations are asked for in (mostly) increasing order,
  /// so counting on from there keeps a one-line file linear instead of recounting its line.
  private final class ColumnMark {
    var lineStart = -1
    var offset = 0
    var column = 1
  }
  private let mark = ColumnMark()

  /// The 1-based line and column (in characters) of a byte offset.
  func location(_ offset: Int) -> SourceLocation {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    var column = 1
    var cursor = lineStarts[low]
    if mark.lineStart == cursor && mark.offset <= offset {
      cursor = mark.offset
      column = mark.column
    }
    while cursor < offset && cursor < bytes.count {
      if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
      cursor += 1
    }
    mark.lineStart = lineStarts[low]
    mark.offset = cursor
    mark.column = column
    return SourceLocation(file: file, line: low + 1, column: column)
  }

  struct SyntaxError: Error {
    var message: String
    var offset: Int
    var hint: String?
  }

  func text(_ start: Int, _ end: Int) -> String {
    String(decoding: bytes[start..<end], as: UTF8.self)
  }

  static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

  static func isNameByte(_ byte: UInt8) -> Bool {
    // BibTeX identifiers: anything printable except the structural characters.
    !(isSpace(byte) || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "(")
      || byte == UInt8(ascii: ")") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "=")
      || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "%")
      || byte == UInt8(ascii: "'") || byte < 0x20)
  }

  /// Skips white space and `%` comments (to the end of the line), which biber and JabRef
  /// accept between the parts of an entry.
  mutating func skipSpace() {
    while index < bytes.count {
      let byte = bytes[index]
      if Self.isSpace(byte) {
        index += 1
      } else if byte == UInt8(ascii: "%") {
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
      } else {
        return
      }
    }
  }

  mutating func identifier() -> String? {
    let start = index
    while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
    return index > start ? text(start, index) : nil
  }

  /// Reads the whole file.
  mutating func parse() -> [RawItem] {
    var items: [RawItem] = []
    var textStart = 0
    while index < bytes.count {
      guard bytes[index] == UInt8(ascii: "@") else {
        index += 1
        continue
      }
      let between = text(textStart, index)
      if !between.trimmingCharacters(in: " \t\r\n").isEmpty {
        items.append(.block(.text(between.trimmingCharacters(in: " \t\r\n")), location(textStart)))
      }
      let start = index
      do {
        if let item = try entry() { items.append(item) }
      } catch {
        diagnostics.append(
          Diagnostic(
            .error, code: "bibtex-syntax", message: error.message, location: location(error.offset),
            hint: error.hint, notes: ["the entry starting at \(location(start)) is skipped"]))
        index = nextEntryStart(after: start)
      }
      textStart = index
    }
    let tail = text(textStart, bytes.count)
    if !tail.trimmingCharacters(in: " \t\r\n").isEmpty {
      items.append(.block(.text(tail.trimmingCharacters(in: " \t\r\n")), location(textStart)))
    }
    return items
  }

  /// The next `@` that starts a line (after optional spaces), past `offset`.
  private func nextEntryStart(after offset: Int) -> Int {
    var cursor = offset + 1
    var atLineStart = false
    while cursor < bytes.count {
      let byte = bytes[cursor]
      if byte == 0x0A {
        atLineStart = true
      } else if byte == UInt8(ascii: "@") && atLineStart {
        return cursor
      } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
        atLineStart = false
      }
      cursor += 1
    }
    return bytes.count
  }

  private mutating func entry() throws(SyntaxError) -> RawItem? {
    let start = index
    index += 1
    skipSpace()
    guard let rawType = identifier() else {
      // A lone "@" in free text: BibTeX ignores it.
      return .block(.text("@"), location(start))
    }
    let type = rawType.lowercased()
    skipSpace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "(") else {
      if type == "comment" { return .block(.comment(""), location(start)) }
      throw SyntaxError(message: "expected '{' or '(' after '@\(rawType)'", offset: index)
    }
    let close = bytes[index] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")")
    let open = index
    index += 1
    switch type {
    case "comment":
      let end = try balanced(from: open, close: close)
      let body = text(open + 1, end)
      index = end + 1
      return .block(.comment(body), location(start))
    case "preamble":
      skipSpace()
      let valueStart = index
      _ = try value()
      let raw = text(valueStart, index).trimmingCharacters(in: " \t\r\n")
      skipSpace()
      try expect(close, "expected '\(Character(Unicode.Scalar(close)))' to close @preamble")
      return .block(.preamble(raw), location(start))
    case "string":
      skipSpace()
      guard let name = identifier() else {
        throw SyntaxError(message: "expected a macro name in @string", offset: index)
      }
      skipSpace()
      try expect(UInt8(ascii: "="), "expected '=' after @string name '\(name)'")
      skipSpace()
      let valueStart = index
      _ = try value()
      let raw = text(valueStart, index).trimmingCharacters(in: " \t\r\n")
      skipSpace()
      try expect(close, "expected '\(Character(Unicode.Scalar(close)))' to close @string")
      return .block(.string(name: name, value: raw), location(start))
    default:
      return .entry(regularEntry(type: type, start: start, open: open, close: close))
    }
  }

  mutating func expect(_ byte: UInt8, _ message: String) throws(SyntaxError) {
    guard index < bytes.count, bytes[index] == byte else {
      throw SyntaxError(
        message: index < bytes.count ? message : message + " (file ends)", offset: min(index, bytes.count))
    }
    index += 1
  }

  /// The offset of the delimiter closing the group opened at `open`. After the first group that
  /// never closes, every group is looked up in a table made in one pass (`closers`), so a file
  /// of unclosed `@comment{` lines is read in linear time, not scanned to its end once per line.
  private mutating func balanced(from open: Int, close: UInt8) throws(SyntaxError) -> Int {
    let opener = bytes[open]
    if let table = closers[opener] {
      if let end = table[open] { return end }
    } else if let end = Self.closer(bytes, from: open, close: close) {
      return end
    } else {
      closers[opener] = Self.closers(bytes, opener: opener, close: close)
    }
    throw SyntaxError(
      message: "unbalanced '\(Character(Unicode.Scalar(opener)))': no matching '\(Character(Unicode.Scalar(close)))'",
      offset: open, hint: "count the braces in this value")
  }

  /// The delimiter closing the group opened at `open`, scanning forward.
  private static func closer(_ bytes: [UInt8], from open: Int, close: UInt8) -> Int? {
    var depth = 0
    var cursor = open
    let opener = bytes[open]
    while cursor < bytes.count {
      let byte = bytes[cursor]
      if byte == opener {
        depth += 1
      } else if byte == close {
        depth -= 1
        if depth == 0 { return cursor }
      } else if byte == UInt8(ascii: "\\") && opener == UInt8(ascii: "{") {
        cursor += 1
      }
      cursor += 1
    }
    return nil
  }

  /// Every group's closing offset by its opening offset, in one pass over the file. The scan
  /// agrees with `closer(_:from:close:)` for an opener after `@comment`: the byte before it is
  /// never a backslash, so both scans see the same escapes from there on.
  private static func closers(_ bytes: [UInt8], opener: UInt8, close: UInt8) -> [Int: Int] {
    var table: [Int: Int] = [:]
    var open: [Int] = []
    var cursor = 0
    while cursor < bytes.count {
      let byte = bytes[cursor]
      if byte == opener {
        open.append(cursor)
      } else if byte == close {
        if let start = open.popLast() { table[start] = cursor }
      } else if byte == UInt8(ascii: "\\") && opener == UInt8(ascii: "{") {
        cursor += 1
      }
      cursor += 1
    }
    return table
  }

  /// `piece (# piece)*`.
  mutating func value() throws(SyntaxError) -> [RawPiece] {
    var pieces: [RawPiece] = []
    while true {
      guard index < bytes.count else {
        throw SyntaxError(message: "file ends where a value was expected", offset: index)
      }
      let byte = bytes[index]
      if byte == UInt8(ascii: "{") {
        let end = try braceEnd(from: index)
        pieces.append(.text(text(index + 1, end)))
        index = end + 1
      } else if byte == UInt8(ascii: "\"") {
        let end = try quoteEnd(from: index)
        pieces.append(.text(text(index + 1, end)))
        index = end + 1
      } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        pieces.append(.text(text(start, index)))
      } else if Self.isNameByte(byte) {
        let start = index
        guard let name = identifier() else { throw SyntaxError(message: "expected a value", offset: index) }
        pieces.append(.macro(name, location(start)))
      } else {
        throw SyntaxError(
          message: "expected a value ('{…}', '\"…\"', a number or a macro), found '\(Character(Unicode.Scalar(byte)))'",
          offset: index)
      }
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "#") {
        index += 1
        skipSpace()
        continue
      }
      return pieces
    }
  }

  /// The matching `}` of a braced value; stops early (as an error) at a line that starts a new entry
  /// when the braces never balance.
  private func braceEnd(from open: Int) throws(SyntaxError) -> Int {
    var depth = 0
    var cursor = open
    while cursor < bytes.count {
      switch bytes[cursor] {
      case UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "}"):
        depth -= 1
        if depth == 0 { return cursor }
      case UInt8(ascii: "\\"): cursor += 1
      case 0x0A:
        // "\n@type{" inside a value: the value almost certainly lost a closing brace.
        var next = cursor + 1
        while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
        if next < bytes.count, bytes[next] == UInt8(ascii: "@"), startsEntry(at: next) {
          throw SyntaxError(
            message: "unbalanced '{': the value is still open where a new entry starts", offset: open,
            hint: "add the missing '}'")
        }
      default: break
      }
      cursor += 1
    }
    throw SyntaxError(message: "unbalanced '{': no matching '}' before the end of the file", offset: open)
  }

  func startsEntry(at offset: Int) -> Bool {
    var cursor = offset + 1
    let start = cursor
    while cursor < bytes.count, (bytes[cursor] | 0x20) >= UInt8(ascii: "a"), (bytes[cursor] | 0x20) <= UInt8(ascii: "z")
    {
      cursor += 1
    }
    return cursor > start && cursor < bytes.count
      && (bytes[cursor] == UInt8(ascii: "{") || bytes[cursor] == UInt8(ascii: "("))
  }

  private func quoteEnd(from open: Int) throws(SyntaxError) -> Int {
    var depth = 0
    var cursor = open + 1
    while cursor < bytes.count {
      switch bytes[cursor] {
      case UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "}"):
        depth -= 1
        if depth < 0 { throw SyntaxError(message: "unbalanced '}' inside a quoted value", offset: cursor) }
      case UInt8(ascii: "\\"): cursor += 1
      case UInt8(ascii: "\""): if depth == 0 { return cursor }
      case 0x0A:
        var next = cursor + 1
        while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
        if next < bytes.count, bytes[next] == UInt8(ascii: "@"), startsEntry(at: next) {
          throw SyntaxError(
            message: "unterminated '\"' value: still open where a new entry starts", offset: open,
            hint: "add the closing '\"'")
        }
      default: break
      }
      cursor += 1
    }
    throw SyntaxError(message: "unterminated '\"' value", offset: open)
  }
}
