import BibModel

/// BibTeX name lists: `First von Last`, `von Last, First`, `von Last, Jr, First`, braced
/// literals (`{World Health Organization}`) and BibLaTeX's extended format
/// (`family=Gogh, given=Vincent, prefix=van, useprefix=true`).
enum BibTeXNames {
  /// Splits on ` and ` at brace depth 0 (on UTF-8 bytes: every delimiter is ASCII).
  static func splitList(_ raw: String) -> [String] {
    var raw = raw
    return raw.withUTF8 { bytes in
      // Each name is its words joined by one space, gathered as bytes from the words' places
      // (a string for each word, then for each name, cost a third of reading a name list).
      var names: [String] = []
      var current: [UInt8] = []
      var hasWord = false
      for range in pieces(bytes, separators: blanks, keepEmpty: false) {
        let word = UnsafeBufferPointer(rebasing: bytes[range])
        if isAnd(word) {
          if hasWord { names.append(String(decoding: current, as: UTF8.self)) }
          current.removeAll(keepingCapacity: true)
          hasWord = false
          continue
        }
        if hasWord { current.append(0x20) }
        current.append(contentsOf: word)
        hasWord = true
      }
      if hasWord { names.append(String(decoding: current, as: UTF8.self)) }
      return names
    }
  }

  /// What BibTeX or LaTeX reads specially in a name (braces, backslash, `=`, `~`, tab and
  /// line ends): a name holding any is left to `parseNameInFull`.
  private static let readSpecially = ASCIIByteSet(0x7B, 0x7D, 0x5C, 0x3D, 0x7E, 0x09, 0x0A, 0x0D)
  /// Space, line feed, tab and return: what separates the words of a name list.
  private static let blanks = ASCIIByteSet(0x20, 0x0A, 0x09, 0x0D)
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
    var depth = 0
    var start = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\") {
        // `\~{n}`, `\~n`: an escaped byte is never a separator.
        index += 1
        if index < bytes.count, bytes[index] < 0x80 { index += 1 }
        continue
      }
      if byte == UInt8(ascii: "{") {
        depth += 1
      } else if byte == UInt8(ascii: "}") {
        depth = max(0, depth - 1)
      } else if depth == 0 && separators.contains(byte) {
        if keepEmpty || start < index { parts.append(start..<index) }
        start = index + 1
      }
      index += 1
    }
    if keepEmpty || start < bytes.count { parts.append(start..<bytes.count) }
    return parts
  }

  /// Splits at depth-0 occurrences of `separator` (an ASCII character).
  static func splitTop(_ text: String, on separator: Character) -> [String] {
    guard let byte = separator.asciiValue else { return [text] }
    // Without the byte there is one piece, the text itself.
    guard text.utf8.contains(byte) else { return [text] }
    return splitBytes(text, separators: ASCIIByteSet(byte), keepEmpty: true)
  }

  private static func words(_ text: String) -> [String] {
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

  private static func decode(_ text: String) -> String {
    LaTeXDecoder.decode(text, caseProtection: false)
  }

  private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

  /// Parses one name.
  static func parseName(_ raw: String) -> Name {
    if let common = raw.utf8.withContiguousStorageIfAvailable(parseOnBytes), let common { return common }
    return parseNameInFull(raw)
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
    var (lower, upper) = (0, bytes.count)
    func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    while lower < upper, isBlank(bytes[lower]) { lower += 1 }
    while upper > lower, isBlank(bytes[upper - 1]) { upper -= 1 }
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

  /// The keys of an extended name that make it one.
  private static let namePartKeys: Set<String> = ["family", "given", "prefix", "suffix"]

  /// `family=…, given=…` (every part must be `key=value`).
  private static func parseExtended(_ parts: [String]) -> Name? {
    // A part without "=" is not `key=value`: most names are classic and end here.
    guard parts.allSatisfy({ $0.utf8.contains(0x3D) }) else { return nil }
    var pairs: [(String, String)] = []
    for part in parts {
      let pieces = splitTop(part, on: "=")
      guard pieces.count >= 2 else { return nil }
      let key = pieces[0].trimmingCharacters(in: " \t\r\n").lowercased()
      guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" }) else { return nil }
      var value = pieces[1...].joined(separator: "=").trimmingCharacters(in: " \t\r\n")
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
        value = String(value.dropFirst().dropLast())
      }
      pairs.append((key, value))
    }
    guard pairs.contains(where: { namePartKeys.contains($0.0) }) else { return nil }
    var name = Name()
    var prefix: String?
    var usePrefix = false
    for (key, value) in pairs {
      switch key {
      case "family": name.family = decode(value)
      case "given": name.given = decode(value)
      case "prefix": prefix = decode(value)
      case "suffix": name.suffix = decode(value)
      case "useprefix": usePrefix = ["true", "1", "yes"].contains(value.lowercased())
      default: name.extra["biblatex:" + key] = .string(value)
      }
    }
    if let prefix {
      if usePrefix { name.nonDroppingParticle = prefix } else { name.droppingParticle = prefix }
    }
    return name
  }

  static func parseList(_ raw: String) -> [Name] {
    splitList(raw).map(parseName)
  }

  // MARK: - Writing

  static func needsBraces(_ text: String) -> Bool {
    if let answer = text.utf8.withContiguousStorageIfAvailable(asciiNeedsBraces), let answer { return answer }
    return needsBracesByCharacters(text)
  }

  /// `needsBraces`, for any text.
  static func needsBracesByCharacters(_ text: String) -> Bool {
    // A text without the bytes of " ", "," and "=" holds none of them: searching it for each
    // (some 2,000 instructions a search) is for the texts that have one of the bytes.
    let mayHold = text.utf8.contains { $0 == 0x20 || $0 == 0x2C || $0 == 0x3D }
    return (mayHold && (text.contains(" ") || text.contains(","))) || text.lowercased() == "and"
      || text.first.map { !$0.isUppercase } ?? false
      || (mayHold && text.contains("="))
  }

  /// `needsBraces` read from the bytes of ASCII text (each byte a character, CR LF aside,
  /// which is neither upper case nor any byte tested), nil for other text. Searching the text
  /// for " " through Foundation cost some 4,000 instructions a call.
  private static func asciiNeedsBraces(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard ByteWord.isASCII(bytes) else { return nil }
    if bytes.contains(where: { $0 == 0x20 || $0 == 0x2C || $0 == 0x3D }) || isAnd(bytes) { return true }
    guard let first = bytes.first else { return false }
    return !(0x41...0x5A).contains(first)
  }

  /// The three bytes `and` in any case.
  private static func isAnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.count == 3 && bytes[0] | 0x20 == 0x61 && bytes[1] | 0x20 == 0x6E && bytes[2] | 0x20 == 0x64
  }
  /// Whether the bytes hold `and` (any case) anywhere: without it, no word of them is `and`.
  static func holdsAnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.count >= 3 && bytes.indices.dropLast(2).contains { isAnd(UnsafeBufferPointer(rebasing: bytes[$0..<$0 + 3])) }
  }

  private static func encode(_ text: String, _ latex: LaTeXEncoder) -> String {
    latex.encode(text, caseProtection: false)
  }

  /// Writes one name in the classic form when that reads back the same, else extended.
  static func write(_ name: Name, latex: LaTeXEncoder) -> String {
    if let literal = name.literal {
      // A name that is literally "others" is braced: bare `others` means et al. (`EtAl`).
      return "{" + encode(literal, latex) + "}"
    }
    let family = name.family.map { encode($0, latex) } ?? ""
    let given = name.given.map { encode($0, latex) }
    let familyNeedsBraces = needsBraces(name.family ?? "")
    let bareFamily = name.given == nil && name.suffix == nil && name.nonDroppingParticle == nil && familyNeedsBraces
    if name.droppingParticle == nil, !family.isEmpty, !bareFamily,
      name.nonDroppingParticle.map({ particle in
        let list = words(particle)
        return !list.isEmpty && list.allSatisfy({ $0.first?.isLowercase ?? false && !$0.contains(",") })
      }) ?? true
    {
      var text = ""
      if let particle = name.nonDroppingParticle { text += encode(particle, latex) + " " }
      text += familyNeedsBraces ? "{" + family + "}" : family
      let givenText = given.map { needsComma($0) ? "{" + $0 + "}" : $0 }
      if let suffix = name.suffix {
        let suffixText = encode(suffix, latex)
        text += ", " + (needsComma(suffixText) ? "{" + suffixText + "}" : suffixText) + ", " + (givenText ?? "")
      } else if let givenText {
        text += ", " + givenText
      }
      return text
    }
    var parts: [String] = []
    if let family = name.family { parts.append("family={" + encode(family, latex) + "}") }
    if let given = name.given { parts.append("given={" + encode(given, latex) + "}") }
    if let prefix = name.droppingParticle ?? name.nonDroppingParticle {
      parts.append("prefix={" + encode(prefix, latex) + "}")
      parts.append("useprefix=" + (name.droppingParticle == nil ? "true" : "false"))
    }
    if let suffix = name.suffix { parts.append("suffix={" + encode(suffix, latex) + "}") }
    for key in name.extra.keys.sorted() where key.hasPrefix("biblatex:") {
      if let value = name.extra[key]?.stringValue { parts.append(String(key.dropFirst(9)) + "=" + value) }
    }
    return parts.joined(separator: ", ")
  }

  static func needsComma(_ text: String) -> Bool {
    if let answer = text.utf8.withContiguousStorageIfAvailable(bytesNeedComma), let answer { return answer }
    return needsCommaByCharacters(text)
  }

  /// `needsComma`, for any text.
  static func needsCommaByCharacters(_ text: String) -> Bool {
    var depth = 0
    for character in text {
      if character == "{" { depth += 1 }
      if character == "}" { depth -= 1 }
      if depth == 0 && (character == "," || character == "=") { return true }
    }
    return splitList("x and " + text).count != 2
  }

  /// `needsComma` read from the bytes, nil when the characters must be read. Splitting the list
  /// is needed only when the text could hold an `and` word or no word at all: without the
  /// bytes `and` (any case) and with a byte that separates nothing, the list is two names.
  /// Outside ASCII, a brace, comma or equals sign is a character of its own unless a byte of
  /// another character stands beside it (a combining mark after it, a prepended one before).
  private static func bytesNeedComma(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    if !ByteWord.isASCII(bytes) {
      for index in bytes.indices {
        let byte = bytes[index]
        guard byte == 0x7B || byte == 0x7D || byte == 0x2C || byte == 0x3D else { continue }
        if index > 0 && bytes[index - 1] >= 0x80 || index + 1 < bytes.count && bytes[index + 1] >= 0x80 { return nil }
      }
    }
    var depth = 0
    for byte in bytes {
      if byte == 0x7B { depth += 1 }
      if byte == 0x7D { depth -= 1 }
      if depth == 0 && (byte == 0x2C || byte == 0x3D) { return true }
    }
    let hasWord = bytes.contains { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }
    guard hasWord && !holdsAnd(bytes) else { return nil }
    return false
  }

  static func writeList(_ names: [Name], latex: LaTeXEncoder) -> String {
    names.map { write($0, latex: latex) }.joined(separator: " and ")
  }
}
