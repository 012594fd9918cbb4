import BibModel

/// One parser event of the block-style reader, with its 1-based line and column (in Unicode
/// scalars, as libyaml counts).
enum BlockYAMLEvent {
  case mappingStart(line: Int, column: Int)
  case sequenceStart(line: Int, column: Int)
  case scalar(String, plain: Bool, line: Int, column: Int)
  case end
}

/// What takes the block-style reader's events as they are read; false to stop reading.
protocol BlockYAMLSink {
  mutating func receive(_ event: consuming BlockYAMLEvent) -> Bool
}

/// Reads the block-style YAML that knowledge-base files are written in (mappings and sequences by
/// indentation, one-line plain, single- and double-quoted scalars, comments) straight from the
/// bytes, producing the same events libyaml would, with the same lines and columns, and handing
/// each to the sink as it is read (a file's events are never gathered). Anything else (flow
/// collections, block scalars, multi-line scalars, anchors, aliases, tags, empty values, several
/// documents, unusual characters) makes it give up, and the caller reads the file with libyaml
/// instead. It never decides that a file is wrong: only libyaml does.
struct BlockYAMLScanner<Sink: BlockYAMLSink> {
  /// An open block collection: a mapping's keys or a sequence's dashes stand at `column`.
  private struct Block {
    var isMapping: Bool
    var column: Int
    /// A sequence whose dashes stand at its parent key's column (`key:` then `- item`).
    var indentless = false
  }

  /// A key or dash whose value is the block on the following lines.
  private struct Pending {
    var column: Int
    var isDash: Bool
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var sink: Sink
  /// Events handed on so far; the sink refused one.
  private var emitted = 0
  private var refused = false
  private var stack: [Block] = []
  private var pending: Pending?
  private var line = 0
  private var lineStart = 0
  private var lineEnd = 0

  private init(_ bytes: UnsafeBufferPointer<UInt8>, sink: Sink) {
    self.bytes = bytes
    self.sink = sink
  }

  /// Reads the text into the sink; false when it is not in the subset this scanner reads or
  /// the sink stopped (the sink then holds a partial reading, to be dropped).
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) -> Bool {
    guard hasOnlyPlainCharacters(bytes) else { return false }
    var scanner = BlockYAMLScanner(bytes, sink: sink)
    let read = scanner.run()
    sink = scanner.sink
    return read
  }

  private mutating func run() -> Bool {
    var start = 0
    while start < bytes.count {
      line += 1
      let end = lineEnd(from: start)
      (lineStart, lineEnd) = (start, end)
      guard readLine(), !refused else { return false }
      start = end + 1
    }
    // A key or dash with nothing after it holds null: libyaml's place for it decides.
    guard pending == nil, emitted > 0 else { return false }
    for _ in stack { emit(.end) }
    return !refused
  }

  /// The offset of the line feed that ends the line starting at `start` (the end of the
  /// text for the last line), eight bytes at a time while they hold none.
  private func lineEnd(from start: Int) -> Int {
    var end = start
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while end + 8 <= bytes.count && !ByteWord.holds(ByteWord.load(raw, at: end), 0x0A) { end += 8 }
    }
    while end < bytes.count && bytes[end] != 0x0A { end += 1 }
    return end
  }

  private mutating func emit(_ event: consuming BlockYAMLEvent) {
    emitted += 1
    if !sink.receive(event) { refused = true }
  }

  // MARK: - Lines

  /// Reads one line; false to give up.
  private mutating func readLine() -> Bool {
    var index = lineStart
    while index < lineEnd && bytes[index] == 0x20 { index += 1 }
    if index == lineEnd || bytes[index] == 0x23 { return true }  // blank, or only a comment
    let column = index - lineStart + 1
    if column == 1 && (startsMarker(index) || bytes[index] == 0x25) { return false }  // ---, ..., %
    let isDash = isDashIndicator(index)
    if let pending {
      self.pending = nil
      return openNested(at: index, column: column, isDash: isDash, under: pending)
    }
    guard closeBlocks(before: column, isDash: isDash) else { return false }
    return isDash ? sequenceItem(at: index, column: column) : mappingEntry(at: index, column: column)
  }

  /// Closes the blocks deeper than the line; true when the line then continues the innermost
  /// block (a key in a mapping, a dash in a sequence).
  private mutating func closeBlocks(before column: Int, isDash: Bool) -> Bool {
    if stack.isEmpty {
      // The root collection opens on the first line with content; a second root is not read.
      guard emitted == 0 else { return false }
      stack.append(Block(isMapping: !isDash, column: column))
      emit(isDash ? .sequenceStart(line: line, column: column) : .mappingStart(line: line, column: column))
      return true
    }
    while let top = stack.last, top.column > column || (top.indentless && top.column == column && !isDash) {
      stack.removeLast()
      emit(.end)
    }
    guard let top = stack.last, top.column == column else { return false }
    return top.isMapping != isDash
  }

  /// The first line of the block a key or dash left open: deeper than it, or, under a key, a
  /// sequence whose dashes stand at the key's column.
  private mutating func openNested(at index: Int, column: Int, isDash: Bool, under pending: Pending) -> Bool {
    let indentless = !pending.isDash && isDash && column == pending.column
    guard column > pending.column || indentless else { return false }
    stack.append(Block(isMapping: !isDash, column: column, indentless: indentless))
    if isDash {
      emit(.sequenceStart(line: line, column: column))
      return sequenceItem(at: index, column: column)
    }
    emit(.mappingStart(line: line, column: column))
    return mappingEntry(at: index, column: column)
  }

  /// `- item`: a scalar, a compact mapping (`- key: value`), or nothing (the block below).
  private mutating func sequenceItem(at dash: Int, column: Int) -> Bool {
    var index = dash + 1
    while index < lineEnd && bytes[index] == 0x20 { index += 1 }
    if index == lineEnd || bytes[index] == 0x23 {
      pending = Pending(column: column, isDash: true)
      return true
    }
    let itemColumn = column + (index - dash)
    if isDashIndicator(index) { return false }
    if keyEnd(from: index) != nil {
      stack.append(Block(isMapping: true, column: itemColumn))
      emit(.mappingStart(line: line, column: itemColumn))
      return mappingEntry(at: index, column: itemColumn)
    }
    return scalarValue(at: index, column: itemColumn)
  }

  /// `key: value`, or `key:` with its value in the block below.
  private mutating func mappingEntry(at index: Int, column: Int) -> Bool {
    guard let colon = keyEnd(from: index) else { return false }
    emit(.scalar(text(index..<colon), plain: true, line: line, column: column))
    var value = colon + 1
    while value < lineEnd && bytes[value] == 0x20 { value += 1 }
    if value == lineEnd || bytes[value] == 0x23 {
      pending = Pending(column: column, isDash: false)
      return true
    }
    return scalarValue(at: value, column: column + scalarCount(index..<value))
  }

  // MARK: - Scalars

  /// Where a plain key starting at `index` ends (its colon), when the line holds one: a colon
  /// followed by a space or the line's end, with no comment before it.
  private func keyEnd(from index: Int) -> Int? {
    guard !Self.isIndicator(bytes[index]) else { return nil }
    var cursor = index
    while cursor < lineEnd {
      let byte = bytes[cursor]
      if byte == 0x3A && (cursor + 1 == lineEnd || bytes[cursor + 1] == 0x20) {
        // A key that ends in spaces, or a long one, is left to libyaml.
        return bytes[cursor - 1] == 0x20 || cursor - index > 1000 ? nil : cursor
      }
      if byte == 0x23 && bytes[cursor - 1] == 0x20 { return nil }
      cursor += 1
    }
    return nil
  }

  /// A value scalar that runs to the end of its line (a trailing comment aside).
  private mutating func scalarValue(at index: Int, column: Int) -> Bool {
    let parsed: (text: String, end: Int)?
    switch bytes[index] {
    case 0x22: parsed = doubleQuoted(from: index)
    case 0x27: parsed = singleQuoted(from: index)
    default:
      guard !Self.isIndicator(bytes[index]), let end = plainEnd(from: index) else { return false }
      emit(.scalar(text(index..<end), plain: true, line: line, column: column))
      return true
    }
    guard let parsed, restIsComment(from: parsed.end) else { return false }
    emit(.scalar(parsed.text, plain: false, line: line, column: column))
    return true
  }

  /// Where a plain value ends: before a comment or the line's trailing spaces. Nil when the
  /// line holds another key indicator (libyaml refuses that).
  private func plainEnd(from index: Int) -> Int? {
    var cursor = index
    var end = index
    while cursor < lineEnd {
      let byte = bytes[cursor]
      if byte == 0x3A && (cursor + 1 == lineEnd || bytes[cursor + 1] == 0x20) { return nil }
      if byte == 0x23 && bytes[cursor - 1] == 0x20 { break }
      if byte != 0x20 { end = cursor + 1 }
      cursor += 1
    }
    return end
  }

  /// After a quoted scalar: spaces, then the line's end or a comment.
  private func restIsComment(from index: Int) -> Bool {
    var cursor = index
    while cursor < lineEnd && bytes[cursor] == 0x20 { cursor += 1 }
    return cursor == lineEnd || (cursor > index && bytes[cursor] == 0x23)
  }

  /// A single-quoted scalar on one line (`''` is a quote); its text and the index after it.
  private func singleQuoted(from index: Int) -> (text: String, end: Int)? {
    var cursor = index + 1
    // Without a doubled quote, the text is the bytes between the quotes.
    while cursor < lineEnd && bytes[cursor] != 0x27 { cursor += 1 }
    if cursor < lineEnd && (cursor + 1 == lineEnd || bytes[cursor + 1] != 0x27) {
      return (text(index + 1..<cursor), cursor + 1)
    }
    var result = Array(bytes[index + 1..<cursor])
    while cursor < lineEnd {
      if bytes[cursor] == 0x27 {
        guard cursor + 1 < lineEnd, bytes[cursor + 1] == 0x27 else {
          return (String(decoding: result, as: UTF8.self), cursor + 1)
        }
        cursor += 1
      }
      result.append(bytes[cursor])
      cursor += 1
    }
    return nil
  }

  /// A double-quoted scalar on one line with the common escapes; its text and the index after it.
  private func doubleQuoted(from index: Int) -> (text: String, end: Int)? {
    var cursor = index + 1
    // Most quoted values hold no escape: their text is the bytes between the quotes.
    while cursor < lineEnd && bytes[cursor] != 0x22 && bytes[cursor] != 0x5C { cursor += 1 }
    if cursor < lineEnd && bytes[cursor] == 0x22 { return (text(index + 1..<cursor), cursor + 1) }
    var result = Array(bytes[index + 1..<cursor])
    while cursor < lineEnd {
      let byte = bytes[cursor]
      if byte == 0x22 { return (String(decoding: result, as: UTF8.self), cursor + 1) }
      guard byte == 0x5C else {
        result.append(byte)
        cursor += 1
        continue
      }
      guard cursor + 1 < lineEnd else { return nil }
      switch bytes[cursor + 1] {
      case 0x22, 0x5C, 0x2F: result.append(bytes[cursor + 1])
      case 0x6E: result.append(0x0A)
      case 0x74: result.append(0x09)
      case 0x75:
        guard let scalar = hexScalar(cursor + 2, digits: 4) else { return nil }
        result.append(contentsOf: String(Character(scalar)).utf8)
        cursor += 4
      default: return nil
      }
      cursor += 2
    }
    return nil
  }

  /// The Unicode scalar written as hexadecimal digits at `index` (not a surrogate).
  private func hexScalar(_ index: Int, digits: Int) -> Unicode.Scalar? {
    guard index + digits <= lineEnd else { return nil }
    var value: UInt32 = 0
    for offset in 0..<digits {
      guard let digit = Self.hexDigit(bytes[index + offset]) else { return nil }
      value = value &* 16 &+ digit
    }
    return Unicode.Scalar(value)
  }

  private static func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case 0x30...0x39: UInt32(byte - 0x30)
    case 0x41...0x46: UInt32(byte - 0x41 + 10)
    case 0x61...0x66: UInt32(byte - 0x61 + 10)
    default: nil
    }
  }

  // MARK: - Bytes

  private func text(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// Unicode scalars in the range (libyaml's columns count characters, not bytes).
  private func scalarCount(_ range: Range<Int>) -> Int {
    var count = 0
    for index in range where bytes[index] & 0xC0 != 0x80 { count += 1 }
    return count
  }

  /// `- ` or a dash alone on its line.
  private func isDashIndicator(_ index: Int) -> Bool {
    bytes[index] == 0x2D && (index + 1 == lineEnd || bytes[index + 1] == 0x20)
  }

  /// `---` or `...` at the start of a line, alone or before a space.
  private func startsMarker(_ index: Int) -> Bool {
    guard index + 3 <= lineEnd else { return false }
    let first = bytes[index]
    guard (first == 0x2D || first == 0x2E) && bytes[index + 1] == first && bytes[index + 2] == first else {
      return false
    }
    return index + 3 == lineEnd || bytes[index + 3] == 0x20
  }

  /// Characters that cannot open a plain scalar here: `-?:,[]{}#&*!|>'"%@` and the backquote.
  private static func isIndicator(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x2D, 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40,
      0x60:
      true
    default: false
    }
  }

  /// True when the text holds no character libyaml treats specially: control characters (tabs
  /// and carriage returns included), DEL, C1 controls and NEL, the byte order mark, U+FFFE and
  /// U+FFFF, and the line and paragraph separators. The text is valid UTF-8 (a Swift string).
  private static func hasOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    let count = bytes.count
    let raw = bytes.baseAddress.map { UnsafeRawPointer($0) }
    while index < count {
      // Eight printable ASCII bytes at a time (a word with a line feed is read byte by byte).
      if let raw, index + 8 <= count {
        let word = ByteWord.load(raw, at: index)
        if !ByteWord.holdsNonASCII(word) && !ByteWord.holdsBelow(word, 0x20) && !ByteWord.holds(word, 0x7F) {
          index += 8
          continue
        }
      }
      let byte = bytes[index]
      if byte < 0x80 {
        if (byte < 0x20 && byte != 0x0A) || byte == 0x7F { return false }
        index += 1
        continue
      }
      let next = index + 1 < count ? bytes[index + 1] : 0
      let third = index + 2 < count ? bytes[index + 2] : 0
      if byte == 0xC2 && next < 0xA0 { return false }  // U+0080–U+009F
      if byte == 0xE2 && next == 0x80 && (third == 0xA8 || third == 0xA9) { return false }  // LS, PS
      if byte == 0xEF && next == 0xBB && third == 0xBF { return false }  // U+FEFF
      if byte == 0xEF && next == 0xBF && (third == 0xBE || third == 0xBF) { return false }  // U+FFFE, U+FFFF
      index += 1
    }
    return true
  }
}
