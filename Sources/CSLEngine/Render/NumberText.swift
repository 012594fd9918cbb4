/// Numeric-variable analysis: is a value numeric, how many numbers it holds, page ranges.
enum NumberText {
  /// CSL's numeric test: numbers with optional letter affixes, joined by `-`, `–`, `,` or `&`.
  static func isNumeric(_ text: String) -> Bool {
    let pieces = split(text)
    guard !pieces.isEmpty else { return false }
    for piece in pieces {
      switch piece {
      case .number(let token):
        guard token.contains(where: \.isNumber) else { return false }
        // A letter prefix or suffix is allowed ("D2", "2b"); words are not.
        if token.filter({ !$0.isNumber }).count > 2 { return false }
      case .separator: continue
      }
    }
    return true
  }

  enum Piece: Equatable {
    case number(String)
    case separator(String)
  }

  /// Splits "12-15, 18 & 20" into numbers and separators; nil-safe on odd input.
  static func split(_ text: String) -> [Piece] {
    var pieces: [Piece] = []
    var current = ""
    var separator = ""
    for character in text.trimmingSpaces() {
      if character == "-" || character == "\u{2013}" || character == "," || character == "&" || character == " " {
        if !current.isEmpty {
          pieces.append(.number(current))
          current = ""
        }
        separator.append(character)
      } else {
        if !separator.isEmpty {
          if pieces.isEmpty { return [] }
          pieces.append(.separator(separator))
          separator = ""
        }
        if !(character.isNumber || character.isLetter) { return [] }
        current.append(character)
      }
    }
    if !current.isEmpty { pieces.append(.number(current)) } else if !separator.isEmpty { return [] }
    // Separators must hold a real separator, not only spaces.
    for piece in pieces {
      if case .separator(let value) = piece, value.trimmingSpaces().isEmpty { return [] }
    }
    return pieces
  }

  /// True when a value names more than one number, as citeproc-js counts them: the value
  /// splits at joiners (`-`, `–`, `&`, ` and `, `, `, `; `) into two or more parts and the
  /// first part starts with a number or is a roman numeral ("12-15", "iv-vi", "60-I", "3, 7";
  /// not "45n2", "ISO 21378:2019" or "1,2").
  static func isPlural(_ text: String, and word: String = "and") -> Bool {
    // "327\-30": an escaped hyphen is part of one number.
    if text.utf8.contains(0x5C), text.contains("\\-") { return false }
    let parts = joinedParts(text, and: word)
    guard parts.count >= 2, let first = parts.first else { return false }
    // A short letter prefix ("S213-S235") still makes a number.
    return countsAsNumber(first, letterPrefix: 2)
  }

  /// A part that counts as a number for plurals and ranges: it starts with an ASCII digit
  /// (after at most `letterPrefix` ASCII letters) or is a roman numeral.
  static func countsAsNumber(_ part: String, letterPrefix: Int = 0) -> Bool {
    let digits = part.drop { $0.isLetter && $0.isASCII }
    let startsWithDigit = digits.first.map { $0.isASCII && $0.isNumber } ?? false
    return (startsWithDigit && part.count - digits.count <= letterPrefix) || isRoman(part)
  }

  /// The parts of a value between joiners, trimmed; one part when there is no joiner.
  static func joinedParts(_ text: String, and word: String = "and") -> [String] {
    let joiner = Array(word + " ")
    var parts: [String] = []
    var current = ""
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      let next = index + 1 < characters.count ? characters[index + 1] : nil
      if character == "-" || character == "\u{2013}" || character == "&" {
        parts.append(current)
        current = ""
        index += 1
        while index < characters.count, characters[index] == "-" || characters[index] == "\u{2013}" { index += 1 }
        continue
      }
      if (character == "," || character == ";"), let next, next.isWhitespace {
        parts.append(current)
        current = ""
        index += 1
        continue
      }
      if character == " ", !word.isEmpty, index + joiner.count < characters.count,
        Array(characters[(index + 1)...(index + joiner.count)]) == joiner
      {
        parts.append(current)
        current = ""
        index += joiner.count + 1
        continue
      }
      current.append(character)
      index += 1
    }
    parts.append(current)
    return parts.map { $0.trimmingSpaces() }
  }

  /// A hyphenated range in a number variable written with the range delimiter, as citeproc-js
  /// does when the first value starts with a number or is a roman numeral ("60-I" → "60–I");
  /// nil when the value is no such range.
  static func numberRange(_ text: String, delimiter: String) -> String? {
    guard text.contains("-") || text.contains("\u{2013}") else { return nil }
    let parts = text.split(omittingEmptySubsequences: true) { $0 == "-" || $0 == "\u{2013}" }.map {
      String($0).trimmingSpaces()
    }
    guard parts.count == 2, let first = parts.first, !parts[1].isEmpty, !parts[1].contains(" "), !first.contains(" "),
      countsAsNumber(first)
    else { return nil }
    return first + delimiter + parts[1]
  }

  /// True for a roman numeral ("ix", "XIV").
  static func isRoman(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy { "ivxlcdmIVXLCDM".contains($0) }
  }

  /// The leading integer of a value ("12b" → 12).
  static func leadingInteger(_ text: String) -> Int? {
    let digits = text.trimmingSpaces().prefix { $0.isNumber && $0.isASCII }
    return Int(digits)
  }
}

extension NumberText {
  /// Formats page ranges with a CSL page-range-format; hyphens become en dashes.
  static func formatRange(_ text: String, format: String?, delimiter: String = "\u{2013}") -> String {
    var result = ""
    var rest = Substring(text)
    // Process comma/ampersand separated segments.
    while !rest.isEmpty {
      let end = rest.firstIndex(where: { $0 == "," || $0 == "&" }) ?? rest.endIndex
      let segment = rest[..<end]
      result += formatSegment(String(segment), format: format, delimiter: delimiter)
      if end < rest.endIndex {
        result.append(rest[end])
        rest = rest[rest.index(after: end)...]
      } else {
        rest = ""
      }
    }
    return result
  }

  private static func formatSegment(_ segment: String, format: String?, delimiter: String) -> String {
    let leading = String(segment.prefix { $0 == " " })
    var trailingCount = 0
    var end = segment.endIndex
    while end > segment.startIndex {
      let before = segment.index(before: end)
      guard segment[before] == " " else { break }
      trailingCount += 1
      end = before
    }
    let trailing = String(repeating: " ", count: trailingCount)
    let core = segment.trimmingSpaces()
    // The byte test skips the character search when there is no backslash at all.
    if core.utf8.contains(0x5C), core.contains("\\-") { return leading + core.replacingAll("\\", with: "") + trailing }
    let parts = core.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "\u{2013}" }
    guard parts.count == 2 else { return segment }
    let first = String(parts[0]).trimmingSpaces()
    let second = String(parts[1]).trimmingSpaces()
    guard !first.isEmpty, !second.isEmpty else { return segment }
    /// The text before its trailing ASCII digits, and those digits (walked back by index:
    /// building strings from reversed character sequences is slow).
    func split(_ text: String) -> (prefix: String, digits: String) {
      var start = text.endIndex
      while start > text.startIndex {
        let before = text.index(before: start)
        let character = text[before]
        guard character.isNumber && character.isASCII else { break }
        start = before
      }
      return (String(text[..<start]), String(text[start...]))
    }
    let (prefixA, digitsA) = split(first)
    let (prefixB, digitsB) = split(second)
    guard !digitsA.isEmpty, !digitsB.isEmpty, prefixA == prefixB else {
      // Not a range of comparable numbers ("110-N6", "N110-P5"): kept as written.
      if isRoman(first) && isRoman(second) {
        return leading + first + delimiter + second + trailing  // roman numerals "i-ix"
      }
      // "N110-5", "110-N6": prefixes differ; written with a plain hyphen.
      return leading + first + "-" + second + trailing
    }
    let formatted = formatNumbers(digitsA, digitsB, format: format)
    let keepPrefix = format == nil || format == "expanded"
    return leading + prefixA + formatted.0 + delimiter + (keepPrefix ? prefixB : "") + formatted.1 + trailing
  }

  /// Returns (first, second, droppedPrefix).
  private static func formatNumbers(_ first: String, _ second: String, format: String?) -> (String, String, Bool) {
    guard let format, let low = Int(first), var high = Int(second) else { return (first, second, false) }
    var secondText = second
    // Expand abbreviated second numbers first ("321-28" → 328).
    if secondText.count < first.count {
      secondText = String(first.prefix(first.count - secondText.count)) + secondText
      high = Int(secondText) ?? high
    }
    guard high > low else { return (first, second, false) }
    switch format {
    case "expanded":
      return (first, secondText, false)
    case "minimal":
      return (first, minimal(first, secondText, keep: 1), false)
    case "minimal-two":
      return (first, minimal(first, secondText, keep: 2), false)
    case "chicago", "chicago-15", "chicago-16":
      return (first, chicago(low, first, secondText, sixteen: format == "chicago-16"), false)
    default:
      return (first, second, false)
    }
  }

  private static func minimal(_ first: String, _ second: String, keep: Int) -> String {
    guard first.count == second.count else { return second }
    let a = Array(first)
    let b = Array(second)
    var index = 0
    while index < a.count && a[index] == b[index] { index += 1 }
    let remaining = b.count - index
    if remaining >= keep { return String(b[index...]) }
    return String(b[max(0, b.count - keep)...])
  }

  private static func chicago(_ low: Int, _ first: String, _ second: String, sixteen: Bool) -> String {
    if low < 100 || low % 100 == 0 { return second }
    if low % 100 < 10 { return minimal(first, second, keep: 1) }
    if !sixteen, first.count == 4, second.count == 4 {
      var changed = 0
      var differs = false
      for (a, b) in zip(first, second) { if a != b { differs = true }; if differs { changed += 1 } }
      if changed >= 3 { return second }
    }
    return minimal(first, second, keep: 2)
  }
}
