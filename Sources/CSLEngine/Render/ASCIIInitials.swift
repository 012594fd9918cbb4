/// `Renderer.initials` for the common case, on bytes: a given name of printable ASCII without
/// markup, and a mark of printable ASCII and no-break spaces. Every step is the character
/// version's, read on bytes (each such byte is one character; a lowercase letter is `a`–`z`,
/// an uppercase one `A`–`Z`); a test compares the two on generated names.
enum ASCIIInitials {
  private static let space: UInt8 = 0x20
  private static let period: UInt8 = 0x2E
  private static let hyphenByte: UInt8 = 0x2D

  /// The initials, or nil when the name or the mark is outside what this reads.
  static func initials(_ given: String, with mark: String, hyphen: Bool, initialize: Bool) -> String? {
    guard given.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x3C }), isSimpleMark(mark) else { return nil }
    let markBytes = Array(mark.utf8)
    let trimmedMark = Array(markBytes[..<trailingNameSpaceStart(markBytes)])
    var result: [UInt8] = []
    result.reserveCapacity(given.utf8.count * 2 + markBytes.count)
    for (token, abbreviated) in tokens(Array(given.utf8), hyphen: hyphen) {
      var text = token[...]
      // A hyphen after a period ("Tz.-Ch.") joins the next initial to the previous one.
      if text.first == hyphenByte, !result.isEmpty {
        text = text.dropFirst()
        guard !text.isEmpty else { continue }
        result.removeSubrange(trailingNameSpaceStart(result)...)
        result.append(hyphenByte)
      }
      let pieces = text.split(separator: hyphenByte, omittingEmptySubsequences: true)
      // "Jean-P." is a name and an initial: only a token without a hyphen is one initial.
      let isInitial = text.count == 1 || (abbreviated && pieces.count < 2)
      if let first = text.first, isLowercase(first), !isInitial {
        if !result.isEmpty && result.last != space { result.append(space) }
        result += text
        result.append(space)
        continue
      }
      if isInitial {
        result += text
        result += markBytes
      } else if initialize {
        let initialsOfPieces = pieceInitials(pieces)
        if hyphen {
          for (index, piece) in initialsOfPieces.enumerated() {
            if index > 0 { result.append(hyphenByte) }
            result += piece
            result += trimmedMark
          }
          result += markBytes[trimmedMark.count...]
        } else {
          for piece in initialsOfPieces {
            result += piece
            result += markBytes
          }
        }
      } else {
        if !result.isEmpty && result.last != space && result.last != hyphenByte { result.append(space) }
        // An abbreviated word keeps its period ("Jean-P.", initialize="false").
        result += text
        if abbreviated { result += trimmedMark }
        result.append(space)
      }
    }
    result.removeSubrange(trailingNameSpaceStart(result)...)
    return String(decoding: result, as: UTF8.self)
  }

  /// Words separated by spaces or periods (and hyphens, without `hyphen`), each with whether
  /// a period ended it.
  private static func tokens(_ bytes: [UInt8], hyphen: Bool) -> [(text: [UInt8], abbreviated: Bool)] {
    var tokens: [(text: [UInt8], abbreviated: Bool)] = []
    var current: [UInt8] = []
    for var byte in bytes {
      if !hyphen && byte == hyphenByte { byte = space }
      if byte == period || byte == space {
        if !current.isEmpty {
          tokens.append((current, byte == period))
          current = []
        }
      } else {
        current.append(byte)
      }
    }
    if !current.isEmpty { tokens.append((current, false)) }
    return tokens
  }

  /// The initial of each piece of a hyphenated word: a later lowercase piece has none, and a
  /// piece written with two capitals before a lowercase letter ("THomas") keeps two letters,
  /// the second lowercased ("Th").
  private static func pieceInitials(_ pieces: [ArraySlice<UInt8>]) -> [[UInt8]] {
    var initials: [[UInt8]] = []
    for (index, piece) in pieces.enumerated() {
      guard let first = piece.first else { continue }
      if index > 0 && isLowercase(first) { continue }
      let letters = Array(piece)
      if letters.count > 2, isUppercase(letters[1]), isLowercase(letters[2]) {
        initials.append([first, letters[1] + 0x20])
      } else {
        initials.append([first])
      }
    }
    return initials
  }

  /// Where the trailing spaces, tabs and no-break spaces of the bytes begin.
  private static func trailingNameSpaceStart(_ bytes: [UInt8]) -> Int {
    var end = bytes.count
    while end > 0 {
      if bytes[end - 1] == space || bytes[end - 1] == 0x09 {
        end -= 1
      } else if end >= 2 && bytes[end - 2] == 0xC2 && bytes[end - 1] == 0xA0 {
        end -= 2
      } else {
        break
      }
    }
    return end
  }

  /// Printable ASCII and no-break spaces only.
  private static func isSimpleMark(_ mark: String) -> Bool {
    var bytes = mark.utf8.makeIterator()
    while let byte = bytes.next() {
      if byte >= 0x20 && byte < 0x7F { continue }
      guard byte == 0xC2, bytes.next() == 0xA0 else { return false }
    }
    return true
  }

  private static func isLowercase(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
  private static func isUppercase(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
}
