/// A JSON syntax error with the position of the offending character.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  public var line: Int
  public var column: Int

  public var description: String { "\(line):\(column): \(message)" }
}

/// A strict, fast RFC 8259 parser over UTF-8 bytes that records where each object and key
/// was written. Nesting is limited (`maximumDepth`) so hostile input cannot exhaust the stack.
public struct JSONParser {
  public static let maximumDepth = 512

  /// The input, borrowed for the duration of `parse` (every read is checked against
  /// `bytes.count` first, so the unchecked buffer is never read out of range).
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0
  var line = 1
  var lineStart = 0
  var depth = 0
  /// Where the last column count stopped (positions are asked for in increasing order).
  var mark = ColumnMark()

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Parses one JSON document (a leading UTF-8 byte-order mark is allowed).
  public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
      var parser = JSONParser(bytes: buffer)
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
        parser.index = 3
        parser.lineStart = 3
      }
      do throws(JSONSyntaxError) {
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == buffer.count else { throw parser.error("unexpected text after the JSON value") }
        return .success(value)
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  /// Parses one element of a top-level array found by `JSONArraySplitter` in `bytes` (the whole
  /// document): the value, with every position and the nesting limit as the whole document's
  /// parse has them. Throws when the element is not exactly one value (the caller then parses
  /// the whole document, whose error is the one to report).
  public static func parseElement(
    _ bytes: UnsafeBufferPointer<UInt8>, _ element: JSONArraySplitter.Element
  ) throws(JSONSyntaxError) -> JSONValue {
    var parser = JSONParser(bytes, at: element)
    let value = try parser.parseValue()
    parser.skipWhitespace()
    guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after an array element") }
    return value
  }

  /// A parser over one element of a top-level array (its bytes end where the element does),
  /// placed at the element's first byte with the line, column and depth the whole document's
  /// parse has there.
  init(_ bytes: UnsafeBufferPointer<UInt8>, at element: JSONArraySplitter.Element) {
    let end = min(element.range.upperBound, bytes.count)
    self.init(bytes: UnsafeBufferPointer(rebasing: bytes[0..<end]))
    index = min(element.range.lowerBound, end)
    line = element.line
    lineStart = element.lineStart
    mark = ColumnMark(offset: index, value: element.column)
    depth = 1
  }

  /// The 1-based column (in characters) of `index`.
  mutating func column() -> Int {
    mark.column(of: index, lineStart: lineStart, in: bytes)
  }

  /// How many characters (Unicode scalars: every byte but UTF-8 continuation bytes) the bytes
  /// in `range` hold, eight bytes at a time: the columns of one-line text count most of it.
  static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    guard let base = bytes.baseAddress, range.lowerBound >= 0, range.upperBound <= bytes.count else { return 0 }
    let start = UnsafeRawPointer(base + range.lowerBound)
    let count = range.count
    var continuations = 0
    var offset = 0
    while offset + 8 <= count {
      let word = start.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      // A continuation byte is 10xxxxxx: its top bit set, the bit below it clear.
      continuations &+= (word & ~(word &<< 1) & 0x8080_8080_8080_8080).nonzeroBitCount
      offset += 8
    }
    while offset < count {
      if start.load(fromByteOffset: offset, as: UInt8.self) & 0xC0 == 0x80 { continuations += 1 }
      offset += 1
    }
    return count - continuations
  }

  private mutating func error(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(message: message, line: line, column: column())
  }

  mutating func skipWhitespace() {
    Self.skipWhitespace(bytes, &index, line: &line, lineStart: &lineStart)
  }

  /// Moves `index` past blanks, counting the lines it passes (`JSONArraySplitter` too).
  static func skipWhitespace(
    _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, line: inout Int, lineStart: inout Int
  ) {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D: index += 1
      case 0x0A:
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
    guard index < bytes.count else { throw error("unexpected end of input; a value was expected") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return .object(try parseObject())
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
    case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
    case UInt8(ascii: "n"): try expectLiteral("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    default:
      throw error("unexpected character '\(printable(bytes[index]))'; a value was expected")
    }
  }

  private func printable(_ byte: UInt8) -> String {
    byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\u{\(String(byte, radix: 16))}"
  }

  mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
    let count = literal.utf8CodeUnitCount
    let start = literal.utf8Start
    for offset in 0..<count {
      guard index + offset < bytes.count, bytes[index + offset] == start[offset] else {
        throw error("invalid literal; expected '\(literal)'")
      }
    }
    index += count
  }

  mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > JSONParser.maximumDepth {
      throw error("nesting deeper than \(JSONParser.maximumDepth) levels")
    }
  }

  private mutating func parseObject() throws(JSONSyntaxError) -> JSONObject {
    try enter()
    defer { depth -= 1 }
    var object = JSONObject(line: line, column: column())
    index += 1
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
      index += 1
      return object
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error(
          index < bytes.count
            ? "a member name in double quotes was expected" : "unexpected end of input inside an object")
      }
      let keyLine = line
      let keyColumn = column()
      let key = try parseString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("':' was expected after the member name \"\(key)\"")
      }
      index += 1
      skipWhitespace()
      let value = try parseValue()
      object.members.append(JSONMember(key: key, value: value, line: keyLine, column: keyColumn))
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of input inside an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return object
      }
      throw error("',' or '}' was expected in an object")
    }
  }

  private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    index += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      skipWhitespace()
      items.append(try parseValue())
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of input inside an array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      }
      throw error("',' or ']' was expected in an array")
    }
  }

  mutating func parseNumber() throws(JSONSyntaxError) -> String {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    func digits(_ parser: inout JSONParser) -> Int {
      let begin = parser.index
      while parser.index < parser.bytes.count, (0x30...0x39).contains(parser.bytes[parser.index]) {
        parser.index += 1
      }
      return parser.index - begin
    }
    guard digits(&self) > 0 else { throw error("a digit was expected in a number") }
    if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits(&self) > 0 else { throw error("a digit was expected after the decimal point") }
    }
    if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
      index += 1
      if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
        index += 1
      }
      guard digits(&self) > 0 else { throw error("a digit was expected in the exponent") }
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
  }

  mutating func parseString() throws(JSONSyntaxError) -> String {
    index += 1
    let start = index
    // Fast path: no escapes.
    var ascii = true
    // Eight bytes at a time while none is a quote, a backslash or a control character (byte
    // by byte, a title's text cost some 6 instructions a byte). A word that holds one is read
    // byte by byte below; its bytes beyond ASCII may lie past the string's end, which only
    // asks for the check of the decoded bytes.
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while index + 8 <= bytes.count {
        let word = ByteWord.load(raw, at: index)
        if ByteWord.holds(word, 0x22) || ByteWord.holds(word, 0x5C) || ByteWord.holdsBelow(word, 0x20) { break }
        if ByteWord.holdsNonASCII(word) { ascii = false }
        index += 8
      }
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
        // Decoding is the fast, specialized initializer; it would repair invalid UTF-8, so
        // non-ASCII text is accepted only when decoding kept every byte as it was (compared
        // on the contiguous bytes).
        let text = String(decoding: slice, as: UTF8.self)
        guard
          ascii
            || (text.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(slice) } ?? text.utf8.elementsEqual(slice))
        else {
          throw error("invalid UTF-8 in a string")
        }
        index += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw error("control character in a string (escape it)") }
      if byte >= 0x80 { ascii = false }
      index += 1
    }
    var buffer = Array(bytes[start..<index])
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        guard let text = String(validating: buffer, as: UTF8.self) else {
          throw error("invalid UTF-8 in a string")
        }
        return text
      }
      if byte < 0x20 { throw error("control character in a string (escape it)") }
      if byte != UInt8(ascii: "\\") {
        buffer.append(byte)
        index += 1
        continue
      }
      index += 1
      guard index < bytes.count else { break }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""): buffer.append(0x22)
      case UInt8(ascii: "\\"): buffer.append(0x5C)
      case UInt8(ascii: "/"): buffer.append(0x2F)
      case UInt8(ascii: "b"): buffer.append(0x08)
      case UInt8(ascii: "f"): buffer.append(0x0C)
      case UInt8(ascii: "n"): buffer.append(0x0A)
      case UInt8(ascii: "r"): buffer.append(0x0D)
      case UInt8(ascii: "t"): buffer.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try parseHex4()
        if (0xD800...0xDBFF).contains(scalar) {
          guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
          else {
            throw error("a lone high surrogate in a \\u escape")
          }
          index += 2
          let low = try parseHex4()
          guard (0xDC00...0xDFFF).contains(low) else { throw error("an invalid surrogate pair") }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
          throw error("a lone low surrogate in a \\u escape")
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw error("an invalid \\u escape") }
        buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
      default:
        throw error("an invalid escape '\\\(printable(escape))'")
      }
    }
    throw error("unexpected end of input inside a string")
  }

  private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
      default: throw error("a \\u escape needs four hex digits")
      }
      value = value * 16 + digit
      index += 1
    }
    return value
  }
}
