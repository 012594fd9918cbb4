import BibModel

/// Which of a reference's own variables have a value, for `variable` conditions, worked out once
/// per reference. Names Cited knows are bits at their ordinal (whether the reference lists the
/// name, and whether it has a value), so a condition reads two words; other names are a table.
struct VariablePresence: Sendable {
  /// Bit `ordinal` of two words: whether the reference lists the name; whether it has a value.
  private var listed: (UInt64, UInt64) = (0, 0)
  private var valued: (UInt64, UInt64) = (0, 0)
  private var others: [CSLVariable: Bool] = [:]

  /// Whether the variable has a value; nil when the reference does not list it.
  subscript(name: CSLVariable) -> Bool? {
    guard let (high, bit) = Self.position(name) else { return others[name] }
    guard Self.word(listed, high) & bit != 0 else { return nil }
    return Self.word(valued, high) & bit != 0
  }

  /// Records the answer for a name not recorded yet (the first answer stands).
  mutating func record(_ name: CSLVariable, _ hasValue: Bool) {
    guard let (high, bit) = Self.position(name) else {
      if others[name] == nil { others[name] = hasValue }
      return
    }
    guard Self.word(listed, high) & bit == 0 else { return }
    Self.set(&listed, high, bit)
    if hasValue { Self.set(&valued, high, bit) }
  }

  /// The word (low or high) and bit of a known name; nil for a name without an ordinal below 128.
  private static func position(_ name: CSLVariable) -> (high: Bool, bit: UInt64)? {
    let ordinal = Int(name.ordinal)
    guard ordinal >= 0 && ordinal < 128 else { return nil }
    return (ordinal >= 64, 1 << UInt64(ordinal & 63))
  }

  private static func word(_ words: (UInt64, UInt64), _ high: Bool) -> UInt64 { high ? words.1 : words.0 }

  private static func set(_ words: inout (UInt64, UInt64), _ high: Bool, _ bit: UInt64) {
    if high { words.1 |= bit } else { words.0 |= bit }
  }
}
