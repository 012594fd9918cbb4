#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension String {
  /// True when the text's UTF-8 holds the byte, searched in the string's own storage: a
  /// renderer asks this of most values it prints (is there markup, a quote, an entity?), and
  /// the generic search over `utf8` costs several times more per byte.
  /// (`memchr` reads a word at a time: the byte-by-byte loop cost some 60 instructions a call,
  /// 600,000 calls in a 10k render.)
  func containsByte(_ byte: UInt8) -> Bool {
    let found: Bool? = utf8.withContiguousStorageIfAvailable { bytes in
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
      return memchr(base, Int32(byte), bytes.count) != nil
    }
    return found ?? utf8.contains(byte)
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
  var isPlainASCII: Bool { !containsByte(where: { $0.leavesPlainASCII }) }
}

extension UInt8 {
  /// A byte that takes text off the ASCII byte paths (`String.isPlainASCII`): a byte of a
  /// longer character, or a carriage return (which may join a line feed).
  var leavesPlainASCII: Bool { self >= 0x80 || self == 0x0D }
}

extension String.UTF8View {
  /// The ASCII byte at `index` when it is a character of its own, else nil: another ASCII
  /// byte (or the end) follows it, and no ASCII character but a line feed joins the one
  /// before it (so a carriage return takes the character path). Byte paths read such a
  /// character from its byte and spare the grapheme work.
  func loneASCII(at index: Index) -> UInt8? {
    let byte = self[index]
    guard byte < 0x80 && byte != 0x0D else { return nil }
    let next = self.index(after: index)
    return next == endIndex || self[next] < 0x80 ? byte : nil
  }
}

extension UInt8 {
  /// An ASCII letter (`Character.isLetter` for ASCII).
  var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }

  /// An ASCII letter or digit (`isLetter || isNumber` for ASCII).
  var isASCIIAlphanumeric: Bool { isASCIILetter || (0x30...0x39).contains(self) }
}
