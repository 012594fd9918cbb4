import BibModel
import CSLStyle

/// Writes token streams: moves punctuation into quotes when the locale asks for it, merges
/// colliding punctuation at element boundaries, then applies an output format.
struct Serializer {
  var punctuationInQuote: Bool

  /// The tokens are taken, not copied: the punctuation fixes change them in place.
  func serialize(_ tokens: consuming [Token], format: any OutputFormat) -> String {
    fixPunctuation(&tokens)
    if punctuationInQuote { movePunctuationIntoQuotes(&tokens) }
    // An entry that opens with a display block: spaces that start the block print before it
    // (citeproc-js).
    let first = tokens.indices.dropFirst().first { tokens[$0] != .open(.prefixStart) } ?? tokens.endIndex
    if first < tokens.endIndex, case .open(.display) = tokens[0], case .text(let text) = tokens[first],
      text.first == " "
    {
      let content = text.drop { $0 == " " }
      tokens[first] = .text(String(content))
      tokens.insert(.text(String(text.prefix(text.count - content.count))), at: 0)
    }
    // The output is gathered as UTF-8 bytes and made a string once: appending strings checks
    // each boundary for combining characters, which cost more than the copying.
    var result: [UInt8] = []
    result.reserveCapacity(256)
    func add(_ text: String) { result.append(utf8: text) }
    for token in tokens {
      switch token {
      case .text(let text): format.appendEscaped(text, to: &result)
      case .quote(let text, let opening): add(format.quote(text, opening: opening))
      case .open(.style(let style)): add(format.open(style))
      case .close(.style(let style)): add(format.close(style))
      case .open(.display(let display)): add(format.openBlock(Self.blockName(display)))
      case .close(.display(let display)): add(format.closeBlock(Self.blockName(display)))
      case .open(.link(let url)): add(format.openLink(url))
      case .close(.link(let url)): add(format.closeLink(url))
      case .open(.nocase), .close(.nocase), .open(.affix), .close(.affix), .open(.fixedValue), .close(.fixedValue),
        .open(.spaceBarrier), .close(.spaceBarrier), .open(.enclosingPunctuation), .close(.enclosingPunctuation),
        .open(.prefixEnd), .close(.prefixEnd), .open(.formattedSuffixEnd), .close(.formattedSuffixEnd),
        .open(.styledSuffixEnd), .close(.styledSuffixEnd),
        .open(.prefixStart), .close(.prefixStart):
        break
      }
    }
    return String(decoding: result, as: UTF8.self)
  }

  static func blockName(_ display: CSL.Display) -> String {
    switch display {
    case .block: "csl-block"
    case .leftMargin: "csl-left-margin"
    case .rightInline: "csl-right-inline"
    case .indent: "csl-indent"
    }
  }

  private func movePunctuationIntoQuotes(_ tokens: inout [Token]) {
    // Punctuation moves only into a closing quote: without one there is nothing to do.
    guard tokens.contains(where: { if case .quote(_, opening: false) = $0 { true } else { false } }) else { return }
    // Quotes written in a cite's prefix or suffix keep the punctuation after them outside.
    var inAffix: [Bool] = []
    var enclosing: [Bool] = []
    inAffix.reserveCapacity(tokens.count)
    enclosing.reserveCapacity(tokens.count)
    var depth = 0
    var enclosingDepth = 0
    // By index: iterating the tokens copied each one (a retain of its text).
    for index in tokens.indices {
      // Matched, not compared: `==` built a token to compare each one with.
      switch tokens[index] {
      case .open(.affix): depth += 1
      case .open(.enclosingPunctuation): enclosingDepth += 1
      default: break
      }
      inAffix.append(depth > 0)
      enclosing.append(enclosingDepth > 0)
      switch tokens[index] {
      case .close(.affix): depth -= 1
      case .close(.enclosingPunctuation): enclosingDepth -= 1
      default: break
      }
    }
    // Marks already moved inside a quote: an enclosing element's mark goes in front of them.
    var moved = [Bool](repeating: false, count: tokens.count)
    var index = 0
    while index < tokens.count {
      // The mark is one of . , ! ? standing alone as a character (no combining mark on it),
      // after a closing quote; the character is read last (most marks follow no quote, and
      // reading a character costs more than the search back for the quote).
      if case .text(let text) = tokens[index], let byte = text.utf8.first, Self.isQuotePunctuation(byte),
        let back = Self.closingQuote(before: index, in: tokens), !inAffix[back],
        let first = text.first, first.asciiValue == byte
      {
        // Find the last quote in a run of closing quotes (“‘x’”.)
        var insertAt = back
        while insertAt - 1 >= 0, case .quote(_, opening: false) = tokens[insertAt - 1] { insertAt -= 1 }
        tokens[index] = .text(String(text.dropFirst()))
        if enclosing[index] {
          while insertAt - 1 >= 0, moved[insertAt - 1] { insertAt -= 1 }
        }
        if enclosing[index], insertAt > 0, case .text(let content) = tokens[insertAt - 1], let last = content.last,
          Self.rule(last, first) == .first
        {
          // The content's own mark absorbs it ("Tee?" + "." stays "Tee?").
        } else {
          tokens.insert(.text(String(first)), at: insertAt)
          inAffix.insert(inAffix[insertAt], at: insertAt)
          enclosing.insert(false, at: insertAt)
          moved.insert(true, at: insertAt)
          index += 1
        }
      }
      index += 1
    }
  }

  /// The closing quote that a mark at `index` follows, past closing markup and empty text.
  private static func closingQuote(before index: Int, in tokens: [Token]) -> Int? {
    var back = index - 1
    while back >= 0 {
      switch tokens[back] {
      case .close, .open(.affix), .open(.enclosingPunctuation), .open(.prefixStart), .open(.formattedSuffixEnd),
        .open(.styledSuffixEnd):
        back -= 1
      case .text(let previous) where previous.isEmpty: back -= 1
      case .quote(_, opening: false): return back
      default: return nil
      }
    }
    return nil
  }

  private enum Keep { case first, second, both }

  /// `.`, `,`, `!` or `?`.
  private static func isQuotePunctuation(_ byte: UInt8) -> Bool {
    byte == 0x2E || byte == 0x2C || byte == 0x21 || byte == 0x3F
  }

  /// The bytes `rule` can act on (a character outside them always keeps both sides).
  static func isMergeable(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x3A, 0x3B, 0x21, 0x3F, 0x2E, 0x2C, 0x20: return true
    default: return false
    }
  }

  /// How citeproc-js merges punctuation where two pieces meet (left's end, right's start).
  private static func rule(_ left: Character, _ right: Character) -> Keep {
    guard let left = left.asciiValue, let right = right.asciiValue else { return .both }
    return rule(left, right)
  }

  /// `rule` for ASCII characters.
  private static func rule(_ left: UInt8, _ right: UInt8) -> Keep {
    switch (left, right) {
    case (0x3A, 0x3A), (0x3B, 0x3A), (0x21, 0x3A), (0x3F, 0x3A), (0x3A, 0x2E), (0x2E, 0x2E), (0x3B, 0x2E), (0x21, 0x2E),
      (0x3F, 0x2E), (0x3B, 0x3B), (0x21, 0x21), (0x3F, 0x3F), (0x2C, 0x2C):
      return .first
    case (0x3A, 0x21), (0x3B, 0x21), (0x3A, 0x3F), (0x3B, 0x3F), (0x20, 0x20):
      return .second
    default:
      return .both
    }
  }

  /// The text's last character when it is a lone ASCII character: read from the bytes when the
  /// byte before it is ASCII too (no ASCII character joins the one before it), from the
  /// characters otherwise.
  static func lastASCIICharacter(_ text: String) -> UInt8? {
    let read: UInt8?? = text.utf8.withContiguousStorageIfAvailable { bytes in
      guard let last = bytes.last, last < 0x80 else { return UInt8?.none }
      if bytes.count == 1 || bytes[bytes.count - 2] < 0x80 && !(last == 0x0A && bytes[bytes.count - 2] == 0x0D) {
        return last
      }
      return text.last?.asciiValue
    }
    return read ?? text.last?.asciiValue
  }

  /// The text's first character when it is a lone ASCII character: read from the bytes when the
  /// byte after it is ASCII too (no ASCII character joins the one after it but CR + LF), from
  /// the characters otherwise.
  static func firstASCIICharacter(_ text: String) -> UInt8? {
    let read: UInt8?? = text.utf8.withContiguousStorageIfAvailable { bytes in
      guard let first = bytes.first, first < 0x80 else { return UInt8?.none }
      if bytes.count == 1 || bytes[1] < 0x80 && !(first == 0x0D && bytes[1] == 0x0A) { return first }
      return text.first?.asciiValue
    }
    return read ?? text.first?.asciiValue
  }

  private func fixPunctuation(_ tokens: inout [Token]) {
    var previous: Int?
    var boundary = Boundary()
    for index in tokens.indices {
      if boundary.note(tokens[index]) { continue }
      let text: String
      switch tokens[index] {
      case .text(let value): text = value
      case .quote(_, let opening):
        // Closing quotes let punctuation on both sides meet ("Title?" + "." → "Title?").
        if opening { previous = nil }
        continue
      case .open(.display), .close(.display), .open(.fixedValue), .open(.prefixEnd): previous = nil; continue
      default: continue
      }
      guard !text.isEmpty else { continue }
      // Only ASCII punctuation and spaces merge: checking the bytes first skips the
      // character (grapheme) work for almost every boundary.
      if let previousIndex = previous, let firstByte = text.utf8.first, Self.isMergeable(firstByte),
        case .text(var left) = tokens[previousIndex], let lastByte = left.utf8.last, Self.isMergeable(lastByte)
      {
        // The characters that meet, as ASCII; a character of more than that byte (a
        // combining mark on the punctuation) merges with nothing.
        let keep: Keep
        if let last = Self.lastASCIICharacter(left), let first = Self.firstASCIICharacter(text) {
          keep = boundary.keepsBoth(last, first) ? .both : Self.rule(last, first)
        } else {
          keep = .both
        }
        switch keep {
        case .first:
          let rest = String(text.dropFirst())
          tokens[index] = .text(rest)
          if rest.isEmpty { continue }
        case .second:
          left.removeLast()
          tokens[previousIndex] = .text(left)
        case .both: break
        }
      }
      previous = index
      boundary = Boundary()
    }
  }

  /// What the markers met since the previous text say about merging it with the next.
  private struct Boundary {
    /// Formatting opened or closed, or a cite's own affix begun or ended: citeproc-js keeps a
    /// space on each side ("<i>[en línea] </i> [Video]", "cf.  (2010)").
    var crossedStyle = false
    /// An enclosing element's mark after an inner suffix's (see `NodeTag.enclosingPunctuation`).
    var enclosing = false
    /// A formatted element's suffix ended (`NodeTag.formattedSuffixEnd`) ...
    var formattedSuffix = false
    /// ... and a prefix opening with a space follows (`NodeTag.prefixStart`).
    var prefixStart = false
    /// A formatted sibling's suffix before this prefix: nothing merges (`NodeTag.styledSuffixEnd`).
    var styledSuffix = false
    /// A fixed value just ended: its closing space is content.
    var afterFixedValue = false

    /// Records a marker token; false for any other token.
    mutating func note(_ token: Token) -> Bool {
      switch token {
      case .open(.style), .close(.style), .open(.spaceBarrier), .open(.affix), .close(.affix): crossedStyle = true
      case .open(.enclosingPunctuation): enclosing = true
      case .open(.formattedSuffixEnd): formattedSuffix = true
      case .open(.prefixStart): prefixStart = true
      case .open(.styledSuffixEnd): styledSuffix = true
      case .close(.fixedValue): afterFixedValue = true
      default: return false
      }
      return true
    }

    /// Whether `last` (ending the previous text) and `first` (opening this one) both stay.
    func keepsBoth(_ last: UInt8, _ first: UInt8) -> Bool {
      let spaces = last == 0x20 && first == 0x20
      if spaces && (crossedStyle || afterFixedValue || (formattedSuffix && prefixStart)) { return true }
      // An enclosing element's mark goes inside the quotes ahead of the inner suffix's mark,
      // so only a repeated mark merges here.
      return styledSuffix || (enclosing && last != first)
    }
  }
}
