/// What `RichText.parse` would find in a text, read from its UTF-8 bytes without making
/// characters: most titles and names hold no markup, and the scanner's array of characters
/// (grapheme breaking, 16 bytes a character) cost some 2,500 instructions a title. A text
/// the scan cannot vouch for is parsed as before.
enum PlainScan {
  enum Finding: Equatable {
    /// No character the scanner treats apart: it returns the text as it is.
    case asIs
    /// Only apostrophes inside words besides: the scanner prints each as "’".
    case apostrophes
    /// Markup, a quotation mark, an entity or an apostrophe that may open a quote.
    case markup
  }

  /// At the top level (nothing to close) the scanner acts on `<`, `"`, `&`, `'` and the
  /// locale's opening mark ("‘" opens there only as that mark). `'` opens a quote only after
  /// white space, one of `([—“"/` or at the start; after an ASCII letter or digit, and followed
  /// by an ASCII byte or nothing (so that it is a character of its own), it prints as "’".
  /// Characters compare by canonical equivalence, but none of these marks has another
  /// spelling, so their bytes find them.
  static func scan(_ text: String, quotes: RichText.QuotePair?) -> Finding {
    let mark = quotes?.openMark ?? Mark.none
    // A locale's opening mark outside the known quotation marks (none of the 62 locales has
    // one) may be spelled otherwise ("K" is the Kelvin sign): the scanner reads every text.
    guard mark.isKnown else { return .markup }
    return text.utf8.withContiguousStorageIfAvailable { scan($0, open: mark) } ?? .markup
  }

  /// A locale's opening quotation mark as UTF-8 (up to four bytes, packed first byte lowest),
  /// and whether it is one of the known marks, which have no other canonical spelling (none
  /// decomposes, none is composed), so that their bytes find them.
  struct Mark: Sendable, Hashable {
    let packed: UInt32
    let count: Int
    let isKnown: Bool

    static let none = Mark(packed: 0, count: 0, isKnown: true)

    private init(packed: UInt32, count: Int, isKnown: Bool) {
      self.packed = packed
      self.count = count
      self.isKnown = isKnown
    }

    init(_ character: Character) {
      let bytes = Array(character.utf8)
      var packed: UInt32 = 0
      for (offset, byte) in bytes.prefix(4).enumerated() { packed |= UInt32(byte) << (8 * UInt32(offset)) }
      self.init(packed: packed, count: min(bytes.count, 4), isKnown: bytes.count <= 4 && knownMarks.contains(character))
    }

    var first: UInt8 { UInt8(truncatingIfNeeded: packed) }

    /// Whether the mark's bytes stand at `index`.
    func isAt(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      guard count > 0, index + count <= bytes.count else { return false }
      for offset in 0..<count where bytes[index + offset] != UInt8(truncatingIfNeeded: packed >> (8 * UInt32(offset))) {
        return false
      }
      return true
    }
  }

  private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, open: Mark) -> Finding {
    var finding = Finding.asIs
    let openFirst = open.count > 0 ? open.first : 0
    for index in bytes.indices {
      let byte = bytes[index]
      switch byte {
      case 0x3C, 0x22, 0x26: return .markup
      case 0x27:
        guard index > 0, isASCIIAlphanumeric(bytes[index - 1]), index + 1 == bytes.count || bytes[index + 1] < 0x80
        else { return .markup }
        finding = .apostrophes
      default:
        if byte == openFirst, open.isAt(index, in: bytes) { return .markup }
      }
    }
    return finding
  }

  /// Quotation marks with no other canonical spelling (none decomposes, none is composed).
  private static let knownMarks: Set<Character> = [
    "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{00AB}",
    "\u{00BB}", "\u{2039}", "\u{203A}", "\u{300C}", "\u{300D}", "\u{300E}", "\u{300F}", "\u{300A}", "\u{300B}",
    "\u{FF02}", "\u{301D}", "\u{301E}", "\"",
  ]

  private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }

  /// The text with every `'` printed as "’", byte by byte: where the scan found
  /// `.apostrophes`, each `'` is a character of its own (`String.replacingAll` would walk the
  /// characters to find them).
  static func curlingApostrophes(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 8)
    for byte in text.utf8 {
      if byte == 0x27 {
        bytes.append(0xE2)
        bytes.append(0x80)
        bytes.append(0x99)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
