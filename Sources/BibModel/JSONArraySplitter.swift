/// Finds where each element of a top-level JSON array is written, in one pass over the bytes,
/// so the elements can be parsed independently (on all cores) with the positions the whole
/// document's parse would report.
///
/// The pass tracks strings (and their escapes) and bracket nesting only; it does not validate.
/// Parsing each element with `JSONParser.parseElement` does: when every element parses as one
/// complete value, the document is the valid array of those values. Anything unexpected (not
/// an array, unbalanced brackets, an unterminated string, text after the array) gives nil, and
/// the caller parses the whole document instead, which reports the error exactly as before.
public enum JSONArraySplitter {
  /// One element: its bytes (from its first non-blank byte to the `,` or `]` after it) and the
  /// position of its first byte.
  public struct Element: Sendable, Hashable {
    public var range: Range<Int>
    /// 1-based line of the first byte.
    public var line: Int
    /// 1-based column (in characters) of the first byte.
    public var column: Int
    /// Offset of the first byte of that line.
    public var lineStart: Int
  }

  /// The elements of the top-level array in `bytes` (after an optional UTF-8 byte-order mark),
  /// or nil when the bytes are not an array this pass can split.
  public static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [Element]? {
    var scanner = Scanner(bytes: bytes)
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      scanner.index = 3
      scanner.lineStart = 3
      scanner.mark.offset = 3
    }
    scanner.skipWhitespace()
    guard scanner.index < bytes.count, bytes[scanner.index] == UInt8(ascii: "[") else { return nil }
    scanner.index += 1
    scanner.skipWhitespace()
    var elements: [Element] = []
    if scanner.index < bytes.count && bytes[scanner.index] == UInt8(ascii: "]") {
      scanner.index += 1
    } else {
      while true {
        let start = scanner.index
        let line = scanner.line
        let lineStart = scanner.lineStart
        let column = scanner.column()
        guard let end = scanner.skipElement() else { return nil }
        elements.append(Element(range: start..<end, line: line, column: column, lineStart: lineStart))
        scanner.index += 1
        if bytes[end] == UInt8(ascii: "]") { break }
        scanner.skipWhitespace()
      }
    }
    scanner.skipWhitespace()
    return scanner.index == bytes.count ? elements : nil
  }

  /// A cursor that counts lines as it moves, and columns when asked.
  private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var line = 1
    var lineStart = 0
    /// Where the last column count stopped.
    var mark = ColumnMark()

    init(bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
    }

    /// The 1-based column (in characters) of `index`, as the parser counts it.
    mutating func column() -> Int {
      mark.column(of: index, lineStart: lineStart, in: bytes)
    }

    mutating func skipWhitespace() {
      JSONParser.skipWhitespace(bytes, &index, line: &line, lineStart: &lineStart)
    }

    /// Moves to the `,` or `]` that ends the current element at nesting level zero and
    /// returns its offset; nil at the end of the input or on a closing bracket too many.
    /// (A line feed inside a string, which JSON forbids, is not counted as a line: the
    /// element's parse reports it and the caller parses the whole text instead.)
    mutating func skipElement() -> Int? {
      var depth = 0
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""):
          guard let end = stringEnd(from: index + 1) else { return nil }
          index = end
        case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
          if depth == 0 { return byte == UInt8(ascii: "]") ? index : nil }
          depth -= 1
        case UInt8(ascii: ","):
          if depth == 0 { return index }
        case 0x0A:
          line += 1
          lineStart = index + 1
        default: break
        }
        index += 1
      }
      return nil
    }

    /// The offset of the quote that closes a string whose text starts at `start`, skipping
    /// escaped characters; eight bytes at a time, moving straight to the first quote or
    /// backslash of a word.
    func stringEnd(from start: Int) -> Int? {
      guard let base = bytes.baseAddress else { return nil }
      let raw = UnsafeRawPointer(base)
      var index = start
      while index < bytes.count {
        if index + 8 <= bytes.count {
          let word = ByteWord.load(raw, at: index)
          let mask = ByteWord.matches(word, 0x22) | ByteWord.matches(word, 0x5C)
          if mask == 0 {
            index += 8
            continue
          }
          index += ByteWord.firstMatch(mask)
        }
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") { return index }
        index += byte == UInt8(ascii: "\\") ? 2 : 1
      }
      return nil
    }
  }
}
