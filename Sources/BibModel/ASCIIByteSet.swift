/// A set of ASCII bytes, tested with a mask of 128 bits: what trimming and the BibTeX splitters
/// look bytes up in (a list of bytes, or the set's string, was searched at every byte).
public struct ASCIIByteSet: Sendable {
  // (Readable from other modules' inlined code: `contains` runs at every byte of a split.)
  @usableFromInline var low: UInt64 = 0
  @usableFromInline var high: UInt64 = 0

  /// The given bytes; any that is not ASCII is left out.
  public init(_ bytes: UInt8...) {
    for byte in bytes where byte < 0x80 { insert(byte) }
  }

  /// The bytes of a text of ASCII characters; nil when it holds any other character.
  public init?(ascii text: String) {
    for byte in text.utf8 {
      guard byte < 0x80 else { return nil }
      insert(byte)
    }
  }

  private mutating func insert(_ byte: UInt8) {
    if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
  }

  /// Whether the byte is in the set (never for a byte outside ASCII).
  @inlinable public func contains(_ byte: UInt8) -> Bool {
    byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
  }
}
