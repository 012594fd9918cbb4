extension String {
  /// True when the text's UTF-8 holds the byte, searched in the string's own storage: a
  /// renderer asks this of most values it prints (is there markup, a quote, an entity?), and
  /// the generic search over `utf8` costs several times more per byte.
  func containsByte(_ byte: UInt8) -> Bool {
    utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
  }

  /// True when some byte of the text's UTF-8 satisfies the predicate (see `containsByte`).
  func containsByte(where predicate: (UInt8) -> Bool) -> Bool {
    utf8.withContiguousStorageIfAvailable { $0.contains(where: predicate) } ?? utf8.contains(where: predicate)
  }
}

extension String {
  /// ASCII without carriage returns: every byte is one character (CR LF is the one ASCII
  /// character of two bytes), so byte paths read characters straight from the bytes. Checked
  /// in the string's own storage (see `containsByte`).
  var isPlainASCII: Bool { !containsByte(where: { $0 >= 0x80 || $0 == 0x0D }) }
}
