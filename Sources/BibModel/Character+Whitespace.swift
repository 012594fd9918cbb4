extension Character {
  /// `isWhitespace`, decided on the byte for an ASCII character: the Unicode property look-up
  /// cost some 500 instructions a character, and the values it reads (numbers, labels,
  /// joiners, ends of fields) are nearly all ASCII. The ASCII white space is the tab, line
  /// feed, vertical tab, form feed, carriage return and space (a CR LF pair reads as its line
  /// feed).
  @inlinable public var isWhitespaceByASCII: Bool {
    guard let byte = asciiValue else { return isWhitespace }
    return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
  }
}
