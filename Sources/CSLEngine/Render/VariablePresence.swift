import BibModel

/// Which of a reference's own variables have a value, for `variable` conditions, worked out once
/// per reference. Names Cited knows are bits at their ordinal (whether the reference lists the
/// name, and whether it has a value), so a condition reads two words; other names are a table.
struct VariablePresence: Sendable {
  private var listed: (low: UInt64, high: UInt64) = (0, 0)
  private var valued: (low: UInt64, high: UInt64) = (0, 0)
  private var others: [CSLVariable: Bool] = [:]

  /// Whether the variable has a value; nil when the reference does not list it.
  subscript(name: CSLVariable) -> Bool? {
    let ordinal = Int(name.ordinal)
    guard ordinal >= 0 && ordinal < 128 else { return others[name] }
    let bit: UInt64 = 1 << UInt64(ordinal & 63)
    let (isListed, hasValue) =
      ordinal < 64 ? (listed.low & bit, valued.low & bit) : (listed.high & bit, valued.high & bit)
    return isListed == 0 ? nil : hasValue != 0
  }

  /// Records the answer for a name not recorded yet (the first answer stands).
  mutating func record(_ name: CSLVariable, _ hasValue: Bool) {
    let ordinal = Int(name.ordinal)
    guard ordinal >= 0 && ordinal < 128 else {
      if others[name] == nil { others[name] = hasValue }
      return
    }
    let bit: UInt64 = 1 << UInt64(ordinal & 63)
    if ordinal < 64 {
      guard listed.low & bit == 0 else { return }
      listed.low |= bit
      if hasValue { valued.low |= bit }
    } else {
      guard listed.high & bit == 0 else { return }
      listed.high |= bit
      if hasValue { valued.high |= bit }
    }
  }
}
