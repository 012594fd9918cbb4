/// The one set of trimming helpers, shared by every module (no Foundation needed).
extension StringProtocol {
  /// Trims the given characters from both ends. Works on Unicode scalars, so `"\r\n"` (one
  /// Character) is trimmed by a set holding `\r` and `\n`.
  public func trimmingCharacters(in set: String) -> String {
    // A set of ASCII characters (" \t\r\n", the usual one) is trimmed on the bytes: an
    // ASCII scalar is one byte, and no byte of another scalar is ASCII. A text with neither
    // end in the set is returned before any stepping (looking each byte up in the set's
    // string cost some 1,700 instructions a call).
    guard let ascii = ASCIIByteSet(ascii: set) else { return trimmingScalars(in: set) }
    let text = Substring(self)
    let bytes = text.utf8
    guard let first = bytes.first, let last = bytes.last else { return "" }
    // (A string comes back as itself, a substring's text is copied once.)
    if !ascii.contains(first) && !ascii.contains(last) { return String(self) }
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end, ascii.contains(bytes[start]) { start = bytes.index(after: start) }
    while start < end {
      let before = bytes.index(before: end)
      guard ascii.contains(bytes[before]) else { break }
      end = before
    }
    return String(text[start..<end])
  }

  /// `trimmingCharacters(in:)` scalar by scalar, whatever the set.
  func trimmingScalars(in set: String) -> String {
    // Most texts have nothing to trim: both ends are checked against the few scalars of the
    // set before a table of them is made.
    let ends = Substring(self).unicodeScalars
    if let first = ends.first, let last = ends.last, !set.unicodeScalars.contains(first),
      !set.unicodeScalars.contains(last)
    {
      return String(self)
    }
    let scalars = Set(set.unicodeScalars)
    var view = Substring(self).unicodeScalars
    while let first = view.first, scalars.contains(first) { view.removeFirst() }
    while let last = view.last, scalars.contains(last) { view.removeLast() }
    return String(view)
  }

  /// The text without leading and trailing spaces (a fast path for the common untrimmed case).
  public func trimmingSpaces() -> String {
    if endsInPrintableASCII { return String(self) }
    return trimming { $0 == " " }
  }

  /// The text without leading and trailing whitespace and newlines, no-break spaces included.
  public func trimmingWhitespace() -> String {
    if endsInPrintableASCII { return String(self) }
    return trimming { $0.isWhitespaceByASCII }
  }

  /// True when the first and the last byte are printable ASCII other than the space: then
  /// neither end is a space or any other whitespace (no whitespace character joins an ASCII
  /// letter into one Character), and the Characters need not be formed to know it.
  private var endsInPrintableASCII: Bool {
    let bytes = Substring(self).utf8
    guard let first = bytes.first, let last = bytes.last else { return false }
    return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
  }

  /// The text without the leading and trailing characters `drop` accepts.
  public func trimming(_ drop: (Character) -> Bool) -> String {
    guard let first = first, let last = last else { return "" }
    if !drop(first) && !drop(last) { return String(self) }
    var slice = Substring(self)
    while let head = slice.first, drop(head) { slice.removeFirst() }
    while let tail = slice.last, drop(tail) { slice.removeLast() }
    return String(slice)
  }
}

extension String {
  /// `StringProtocol.trimmingCharacters(in:)` for a string, read on its contiguous bytes: the
  /// protocol's method is generic, and called from another module it ran unspecialized
  /// (some 750 instructions a call for a name with nothing to trim).
  public func trimmingCharacters(in set: String) -> String {
    if let ascii = ASCIIByteSet(ascii: set),
      utf8.withContiguousStorageIfAvailable({ bytes in
        bytes.isEmpty || (!ascii.contains(bytes[0]) && !ascii.contains(bytes[bytes.count - 1]))
      }) == true
    {
      return self
    }
    return Substring(self).trimmingCharacters(in: set)
  }

  /// `StringProtocol.trimmingSpaces()` for a string: the common untrimmed text comes back as
  /// it is without the generic method's unspecialized steps (called from another module).
  public func trimmingSpaces() -> String {
    if endsInPrintableASCIIBytes { return self }
    return Substring(self).trimmingSpaces()
  }

  /// `StringProtocol.trimmingWhitespace()` for a string (as `trimmingSpaces()`).
  public func trimmingWhitespace() -> String {
    if endsInPrintableASCIIBytes { return self }
    return Substring(self).trimmingWhitespace()
  }

  /// The first and the last byte are printable ASCII other than the space (see
  /// `StringProtocol.endsInPrintableASCII`).
  private var endsInPrintableASCIIBytes: Bool {
    guard let first = utf8.first, let last = utf8.last else { return false }
    return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
  }

  /// Without trailing spaces, tabs, no-break spaces and zero-width no-break spaces (what
  /// citeproc-js trims from the end of a name and from initials). Walked back by index
  /// (reversing the characters twice builds the string slowly).
  public func droppingTrailingNameSpace() -> String {
    droppingTrailing { $0 == " " || $0 == "\u{A0}" || $0 == "\u{FEFF}" || $0 == "\t" }
  }

  /// Without trailing spaces.
  public func droppingTrailingSpaces() -> String {
    droppingTrailing { $0 == " " }
  }

  private func droppingTrailing(_ drop: (Character) -> Bool) -> String {
    var end = endIndex
    while end > startIndex {
      let before = index(before: end)
      guard drop(self[before]) else { break }
      end = before
    }
    return end == endIndex ? self : String(self[..<end])
  }
}

extension String {
  /// The words between spaces, as `split(separator: " ")` gives them. An ASCII text is cut on
  /// its bytes (every ASCII byte there is a Character of its own, CR LF aside, which holds no
  /// space), sparing the Character breaking that made splitting a style's attribute values
  /// cost thousands of instructions each; any other text is split by Characters.
  public func spaceSeparatedWords() -> [String] {
    let ascii = utf8.withContiguousStorageIfAvailable(ByteWord.isASCII) ?? false
    guard ascii else { return split(separator: " ").map(String.init) }
    return utf8.split(separator: 0x20).map { String(Substring($0)) }
  }
}
