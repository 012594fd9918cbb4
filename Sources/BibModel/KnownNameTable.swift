/// Finds a known name (a CSL variable, an item type) by its UTF-8 bytes, without making a
/// string: readers that decode straight from bytes look member names up here and share the
/// vocabulary's own strings instead of allocating one per member.
///
/// Open addressing over a power-of-two table, FNV-1a over the bytes; every hit is confirmed by
/// comparing bytes, so two names that hash alike never mix.
struct KnownNameTable: Sendable {
  /// Each name's bytes, by ordinal.
  private let names: [[UInt8]]
  /// Ordinal + 1 in each slot (0: empty).
  private let slots: [Int32]
  private let mask: Int

  init(_ known: [String]) {
    names = known.map { Array($0.utf8) }
    var size = 16
    while size < known.count * 4 { size *= 2 }
    mask = size - 1
    var slots = [Int32](repeating: 0, count: size)
    for (ordinal, name) in names.enumerated() {
      var slot = name.withUnsafeBufferPointer { Self.hash(UnsafeRawBufferPointer($0)) } & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(truncatingIfNeeded: ordinal + 1)
    }
    self.slots = slots
  }

  /// The ordinal of the name written in `bytes`, or nil when it is not a known name.
  func ordinal(of bytes: UnsafeRawBufferPointer) -> Int32? {
    var slot = Self.hash(bytes) & mask
    while true {
      let entry = slots[slot]
      guard entry > 0 else { return nil }
      let ordinal = Int(entry - 1)
      if Self.equal(names[ordinal], bytes) { return entry - 1 }
      slot = (slot + 1) & mask
    }
  }

  /// The ordinal of a name given as a string: its UTF-8 bytes are looked up. The known names
  /// are ASCII, so comparing bytes finds exactly the names `==` would.
  func ordinal(of name: String) -> Int32? {
    var name = name
    return name.withUTF8 { ordinal(of: UnsafeRawBufferPointer($0)) }
  }

  // (Both read the bytes by offset: stepping the buffers' iterators cost some 200
  // instructions a look-up of a short name, a look-up for every member of every item read.)
  private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for offset in 0..<bytes.count {
      value = (value ^ UInt64(bytes[offset])) &* 0x100_0000_01b3
    }
    return Int(truncatingIfNeeded: value ^ (value >> 29))
  }

  /// Whether the name's bytes are `bytes`.
  private static func equal(_ name: [UInt8], _ bytes: UnsafeRawBufferPointer) -> Bool {
    guard name.count == bytes.count else { return false }
    return name.withUnsafeBufferPointer { stored in
      for offset in 0..<stored.count where stored[offset] != bytes[offset] { return false }
      return true
    }
  }
}
