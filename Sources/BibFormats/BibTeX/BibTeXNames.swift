import BibModel

/// BibTeX name lists: `First von Last`, `von Last, First`, `von Last, Jr, First`, braced
/// literals (`{World Health Organization}`) and BibLaTeX's extended format
/// (`family=Gogh, given=Vincent, prefix=van, useprefix=true`).
enum BibTeXNames {
  /// Splits on ` and ` at brace depth 0 (on UTF-8 bytes: every delimiter is ASCII).
  static func splitList(_ raw: String) -> [String] {
    withListParts(raw) { names, parts in
      parts.map { String(decoding: UnsafeBufferPointer(rebasing: names[$0]), as: UTF8.self) }
    }
  }

  /// `body` given the list's names as `listParts` gathers them: the buffer and each name's
  /// range in it.
  static func withListParts<Result>(
    _ raw: String, _ body: (UnsafeBufferPointer<UInt8>, [Range<Int>]) -> Result
  ) -> Result {
    var raw = raw
    return raw.withUTF8 { bytes in
      let (buffer, parts) = listParts(bytes)
      return buffer.withUnsafeBufferPointer { body($0, parts) }
    }
  }

  /// The names of a list (split at depth-0 `and` words), each its words joined by one space,
  /// one after another in one buffer, and where each is in it. (A string for each name, its
  /// words gathered in a buffer of their own and listed in an array first, cost some 7,700
  /// instructions a list in writing BibLaTeX, which reads every list it writes back.)
  static func listParts(_ bytes: UnsafeBufferPointer<UInt8>) -> (buffer: [UInt8], parts: [Range<Int>]) {
    var buffer: [UInt8] = []
    buffer.reserveCapacity(bytes.count)
    var parts: [Range<Int>] = []
    parts.reserveCapacity(8)  // (grown from empty, it was made three times for three names)
    var start = 0
    var hasWord = false
    forEachPiece(bytes, in: 0..<bytes.count, separators: blanks, keepEmpty: false) { range in
      let word = UnsafeBufferPointer(rebasing: bytes[range])
      if isAnd(word) {
        if hasWord { parts.append(start..<buffer.count) }
        start = buffer.count
        hasWord = false
        return
      }
      if hasWord { buffer.append(0x20) }
      buffer.append(contentsOf: word)
      hasWord = true
    }
    if hasWord { parts.append(start..<buffer.count) }
    return (buffer, parts)
  }

  /// What BibTeX or LaTeX reads specially in a name (braces, backslash, `=`, `~`, tab and
  /// line ends): a name holding any is left to `parseNameInFull`.
  private static let readSpecially = ASCIIByteSet(0x7B, 0x7D, 0x5C, 0x3D, 0x7E, 0x09, 0x0A, 0x0D)
  /// Space, line feed, tab and return: what separates the words of a name list.
  static let blanks = ASCIIByteSet(0x20, 0x0A, 0x09, 0x0D)
  /// The blanks and `~`: what separates the words of a name.
  private static let wordBreaks = ASCIIByteSet(0x20, 0x7E, 0x09, 0x0A, 0x0D)

  /// Splits at depth-0 bytes in `separators`; a backslash escapes the next byte. Read on the
  /// contiguous bytes by offset (every cut falls beside an ASCII byte, so each piece is whole
  /// UTF-8): stepping `String.UTF8View` indices cost most of reading a name.
  private static func splitBytes(_ text: String, separators: ASCIIByteSet, keepEmpty: Bool) -> [String] {
    var text = text
    return text.withUTF8 { bytes in
      pieces(bytes, separators: separators, keepEmpty: keepEmpty).map { range in
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
      }
    }
  }

  /// Where `splitBytes` cuts: the pieces' byte ranges.
  private static func pieces(
    _ bytes: UnsafeBufferPointer<UInt8>, separators: ASCIIByteSet, keepEmpty: Bool
  ) -> [Range<Int>] {
    var parts: [Range<Int>] = []
    forEachPiece(bytes, in: 0..<bytes.count, separators: separators, keepEmpty: keepEmpty) { parts.append($0) }
    return parts
  }

  /// Each piece of `bytes[range]` cut at depth-0 bytes in `separators` (a backslash escapes
  /// the byte after it), in order, as ranges of `bytes`.
  @inline(__always)
  static func forEachPiece(
    _ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, separators: ASCIIByteSet, keepEmpty: Bool,
    _ body: (Range<Int>) -> Void
  ) {
    var depth = 0
    var start = range.lowerBound
    var index = range.lowerBound
    let end = range.upperBound
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\") {
        // `\~{n}`, `\~n`: an escaped byte is never a separator.
        index += 1
        if index < end, bytes[index] < 0x80 { index += 1 }
        continue
      }
      if byte == UInt8(ascii: "{") {
        depth += 1
      } else if byte == UInt8(ascii: "}") {
        depth = max(0, depth - 1)
      } else if depth == 0 && separators.contains(byte) {
        if keepEmpty || start < index { body(start..<index) }
        start = index + 1
      }
      index += 1
    }
    if keepEmpty || start < end { body(start..<end) }
  }

  /// Splits at depth-0 occurrences of `separator` (an ASCII character).
  static func splitTop(_ text: String, on separator: Character) -> [String] {
    guard let byte = separator.asciiValue else { return [text] }
    // Without the byte there is one piece, the text itself.
    guard text.utf8.contains(byte) else { return [text] }
    return splitBytes(text, separators: ASCIIByteSet(byte), keepEmpty: true)
  }

  static func words(_ text: String) -> [String] {
    splitBytes(text, separators: wordBreaks, keepEmpty: false)
  }

  /// BibTeX's test for a von word: its first letter at brace depth 0 is lowercase; a group
  /// starting with a command (`{\relax d}`) is judged by its first letter.
  private static func isLowercase(_ word: String) -> Bool {
    var depth = 0
    var afterBackslash = false
    for character in word {
      if character == "{" {
        depth += 1
        continue
      }
      if character == "}" {
        depth -= 1
        continue
      }
      if character == "\\" {
        afterBackslash = true
        continue
      }
      if character.isLetter {
        if depth > 0 && !afterBackslash && word.first == "{" { return false }
        if afterBackslash && depth > 0 {
          // `{\"u}ber`: the letter after the accent decides; skip the command's own letters.
          afterBackslash = false
          continue
        }
        return character.isLowercase
      }
      afterBackslash = false
    }
    return false
  }

  static func decode(_ text: String) -> String {
    LaTeXDecoder.decode(text, caseProtection: false)
  }

  private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

  /// Parses one name.
  static func parseName(_ raw: String) -> Name {
    if let common = raw.utf8.withContiguousStorageIfAvailable(readOnBytes), let common { return common }
    return parseNameInFull(raw)
  }

  /// Parses one name from its bytes.
  static func parseName(_ bytes: UnsafeBufferPointer<UInt8>) -> Name {
    readOnBytes(bytes) ?? parseNameInFull(String(decoding: bytes, as: UTF8.self))
  }

  /// The name read on its bytes when one of the byte readings can tell; nil for any other.
  private static func readOnBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Name? {
    parseOnBytes(bytes) ?? parseExtendedOnBytes(bytes)
  }

  /// The name read on its bytes when it has one of the forms those readings take (`Family,
  /// Given`, a family of several words or with a suffix, a braced literal); nil for any other.
  static func parseOnBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Name? {
    parseFamilyCommaGiven(bytes) ?? parseCommaParts(bytes) ?? parseBracedLiteral(bytes)
  }

  /// `von Last, First` and `von Last, Jr, First` whose words hold no byte that BibTeX or LaTeX
  /// reads specially (as `parseFamilyCommaGiven`) and whose von words are told from the rest
  /// by an ASCII first letter, read on the bytes as `parseNameInFull` reads them; nil for any
  /// other name. (Particles, several family words and suffixes took the full reading's
  /// splitting and character tests: some 29,000 instructions a name.)
  static func parseCommaParts(_ bytes: UnsafeBufferPointer<UInt8>) -> Name? {
    var commas: [Int] = []
    for index in 0..<bytes.count {
      switch bytes[index] {
      case 0x2C:
        guard commas.count < 2 else { return nil }
        commas.append(index)
      case let byte where readSpecially.contains(byte): return nil
      default: break
      }
    }
    guard let firstComma = commas.first else { return nil }
    // The family part's words (runs of spaces between them), the last never a von word.
    var words: [Range<Int>] = []
    var start: Int?
    for index in 0...firstComma {
      if index < firstComma && bytes[index] != 0x20 {
        if start == nil { start = index }
      } else if let wordStart = start {
        words.append(wordStart..<index)
        start = nil
      }
    }
    guard !words.isEmpty else { return nil }
    var vonCount = 0
    for word in words.dropLast() {
      guard let lower = lowercaseFirstLetter(bytes, word) else { return nil }
      if lower { vonCount += 1 } else { break }
    }
    func text(_ range: Range<Int>) -> String {
      var (lower, upper) = (range.lowerBound, range.upperBound)
      while lower < upper, bytes[lower] == 0x20 { lower += 1 }
      while upper > lower, bytes[upper - 1] == 0x20 { upper -= 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
    }
    func joined(_ words: ArraySlice<Range<Int>>) -> String {
      words.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }.joined(separator: " ")
    }
    var name = Name(family: decode(joined(words[vonCount...])))
    if vonCount > 0 { name.nonDroppingParticle = decode(joined(words[..<vonCount])) }
    if commas.count == 1 {
      name.given = nonEmpty(decode(text((firstComma + 1)..<bytes.count)))
    } else {
      name.suffix = nonEmpty(decode(text((firstComma + 1)..<commas[1])))
      name.given = nonEmpty(decode(text((commas[1] + 1)..<bytes.count)))
    }
    return name
  }

  /// `isLowercase` for a word without braces or backslashes: whether its first letter is a
  /// lowercase one, read from its bytes while they are ASCII; nil when a byte beyond ASCII
  /// comes first (the character reading decides then).
  private static func lowercaseFirstLetter(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool? {
    for index in word {
      let byte = bytes[index]
      if byte >= 0x80 { return nil }
      if byte >= 0x61 && byte <= 0x7A { return true }
      if byte >= 0x41 && byte <= 0x5A { return false }
    }
    return false
  }

  /// A name that is one braced group (`{World Health Organization}`), a literal, read on its
  /// bytes as `parseNameInFull` reads it; nil for any other name.
  static func parseBracedLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> Name? {
    let (lower, upper) = { ($0.lowerBound, $0.upperBound) }(trimmed(bytes, 0..<bytes.count))
    // The braces are characters of their own (ASCII beside them: no mark joins them), and the
    // group opens with no command (`{\\relax …}` is a name of words).
    guard upper - lower >= 2, bytes[lower] == 0x7B, bytes[upper - 1] == 0x7D, bytes[lower + 1] != 0x5C,
      bytes[lower + 1] < 0x80, bytes[upper - 2] < 0x80
    else { return nil }
    // The group opened first closes at the last byte (a backslash escapes the byte after it).
    var depth = 0
    var index = lower
    while index < upper {
      let byte = bytes[index]
      if byte == 0x5C {
        index += 1
        if index < upper, bytes[index] < 0x80 { index += 1 }
        continue
      }
      if byte == 0x7B {
        depth += 1
      } else if byte == 0x7D {
        depth -= 1
        if depth == 0 && index != upper - 1 { return nil }
      }
      index += 1
    }
    guard depth == 0 else { return nil }
    return Name(literal: decode(String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)))
  }

  /// The commonest name, `Family, Given` with a family of one word and no byte that BibTeX or
  /// LaTeX reads specially (braces, backslashes, `=`, `~`, tabs, line ends), read on its
  /// bytes as `parseNameInFull` reads it; nil for any other name. (Splitting, trimming and
  /// joining it as strings cost some 12,000 instructions a name.)
  static func parseFamilyCommaGiven(_ bytes: UnsafeBufferPointer<UInt8>) -> Name? {
    var (lower, upper) = (0, bytes.count)
    while lower < upper, bytes[lower] == 0x20 { lower += 1 }
    while upper > lower, bytes[upper - 1] == 0x20 { upper -= 1 }
    var comma: Int?
    for index in lower..<upper {
      switch bytes[index] {
      case 0x2C:
        guard comma == nil else { return nil }
        comma = index
      case let byte where readSpecially.contains(byte): return nil
      case 0x20 where comma == nil: return nil
      default: break
      }
    }
    guard let comma, comma > lower else { return nil }
    var givenStart = comma + 1
    while givenStart < upper, bytes[givenStart] == 0x20 { givenStart += 1 }
    let family = String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<comma]), as: UTF8.self)
    let given = String(decoding: UnsafeBufferPointer(rebasing: bytes[givenStart..<upper]), as: UTF8.self)
    return Name(family: decode(family), given: nonEmpty(decode(given)))
  }

  /// Parses one name, whatever its form.
  static func parseNameInFull(_ raw: String) -> Name {
    let trimmed = raw.trimmingCharacters(in: " \t\r\n")
    if trimmed == "others" { return Name(literal: "others") }
    let parts = splitTop(trimmed, on: ",").map { $0.trimmingCharacters(in: " \t\r\n") }
    if let extended = parseExtended(parts) { return extended }
    if parts.count == 1 {
      let list = words(parts[0])
      if list.count == 1, let only = list.first, only.hasPrefix("{"), only.hasSuffix("}"),
        !only.hasPrefix("{\\")
      {
        return Name(literal: decode(only))
      }
      // First von Last.
      guard let lastIndex = list.indices.last else { return Name() }
      var vonStart: Int?
      var vonEnd: Int?
      for index in list.indices.dropLast() where isLowercase(list[index]) {
        if vonStart == nil { vonStart = index }
        vonEnd = index
      }
      if let start = vonStart, let end = vonEnd {
        return Name(
          family: decode(list[(end + 1)...lastIndex].joined(separator: " ")),
          given: nonEmpty(decode(list[..<start].joined(separator: " "))),
          nonDroppingParticle: decode(list[start...end].joined(separator: " ")))
      }
      return Name(
        family: decode(list[lastIndex]), given: nonEmpty(decode(list[..<lastIndex].joined(separator: " "))))
    }
    // von Last, [Jr,] First
    let first = words(parts[0])
    var vonCount = 0
    for word in first.dropLast() {
      if isLowercase(word) { vonCount += 1 } else { break }
    }
    var name = Name(family: decode(first.dropFirst(vonCount).joined(separator: " ")))
    if vonCount > 0 { name.nonDroppingParticle = decode(first.prefix(vonCount).joined(separator: " ")) }
    if parts.count == 2 {
      name.given = nonEmpty(decode(parts[1]))
    } else {
      name.suffix = nonEmpty(decode(parts[1]))
      name.given = nonEmpty(decode(parts[2...].joined(separator: ",")))
    }
    return name
  }

  static func parseList(_ raw: String) -> [Name] {
    withListParts(raw) { names, parts in parts.map { parseName(UnsafeBufferPointer(rebasing: names[$0])) } }
  }

  /// `bytes[range]` without the spaces, tabs, returns and line feeds at either end.
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var (lower, upper) = (range.lowerBound, range.upperBound)
    while lower < upper, blanks.contains(bytes[lower]) { lower += 1 }
    while upper > lower, blanks.contains(bytes[upper - 1]) { upper -= 1 }
    return lower..<upper
  }
}
