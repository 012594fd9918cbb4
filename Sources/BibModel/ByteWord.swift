/// Eight bytes read as one word, tested all at once: scanners skip runs of ordinary bytes eight
/// at a time and look at single bytes only where a word holds one they care about.
public enum ByteWord {
  /// The eight bytes at `offset` (no alignment needed); the caller keeps `offset + 8` in bounds.
  @inlinable public static func load(_ bytes: UnsafeRawPointer, at offset: Int) -> UInt64 {
    bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
  }

  /// True when one of the eight bytes of `word` is `byte` (a zero byte in their difference).
  @inlinable public static func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
    matches(word, byte) != 0
  }

  /// The top bit of each byte of `word` that may be `byte`, none when no byte is. The lowest
  /// bit set always marks a real one (a borrow can only mark bytes above a real match), so
  /// `firstMatch` of this mask, or of several such masks joined, is exact.
  @inlinable public static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let difference = word ^ (ones &* UInt64(byte))
    return (difference &- ones) & ~difference & 0x8080_8080_8080_8080
  }

  /// The offset (0–7) of the first byte a non-zero `matches` mask marks.
  @inlinable public static func firstMatch(_ mask: UInt64) -> Int { mask.trailingZeroBitCount >> 3 }

  /// True when one of the eight bytes of `word` is below `limit` (at most 128).
  @inlinable public static func holdsBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    return (word &- ones &* UInt64(limit)) & ~word & 0x8080_8080_8080_8080 != 0
  }

  /// True when one of the eight bytes of `word` is not ASCII.
  @inlinable public static func holdsNonASCII(_ word: UInt64) -> Bool { word & 0x8080_8080_8080_8080 != 0 }

  /// True when every byte is ASCII, read eight bytes at a time: the test the byte paths of
  /// names, attribute values and field values make before reading characters from bytes.
  public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset + 8 <= bytes.count {
      if holdsNonASCII(load(raw, at: offset)) { return false }
      offset += 8
    }
    while offset < bytes.count {
      if bytes[offset] >= 0x80 { return false }
      offset += 1
    }
    return true
  }
}
