import BibModel

/// A set of variables kept as bits of their ordinals (`CSLVariable.ordinal`), with a plain set
/// for names Cited does not know: the renderer asks it of every variable it prints.
struct VariableSet: Sendable {
  private var low: UInt64 = 0
  private var high: UInt64 = 0
  private var others = Set<CSLVariable>()

  var isEmpty: Bool { low == 0 && high == 0 && others.isEmpty }

  func contains(_ variable: CSLVariable) -> Bool {
    let ordinal = Int(variable.ordinal)
    guard ordinal >= 0 && ordinal < 128 else { return !others.isEmpty && others.contains(variable) }
    return (ordinal < 64 ? low >> UInt64(ordinal) : high >> UInt64(ordinal - 64)) & 1 != 0
  }

  mutating func insert(_ variable: CSLVariable) {
    let ordinal = Int(variable.ordinal)
    guard ordinal >= 0 && ordinal < 128 else {
      others.insert(variable)
      return
    }
    if ordinal < 64 { low |= 1 << UInt64(ordinal) } else { high |= 1 << UInt64(ordinal - 64) }
  }

  mutating func formUnion(_ variables: some Sequence<CSLVariable>) {
    for variable in variables { insert(variable) }
  }

  mutating func formUnion(_ other: VariableSet) {
    low |= other.low
    high |= other.high
    others.formUnion(other.others)
  }

  /// True when no variable is in both sets.
  func isDisjoint(with other: VariableSet) -> Bool {
    guard low & other.low == 0 && high & other.high == 0 else { return false }
    return others.isEmpty || other.others.isEmpty || others.isDisjoint(with: other.others)
  }

  /// The set as bits, when it holds only variables Cited knows; nil otherwise.
  var knownBits: (low: UInt64, high: UInt64)? { others.isEmpty ? (low, high) : nil }

  /// True when no variable Cited knows is both here and in the bits (`knownBits`).
  func isDisjoint(with bits: (low: UInt64, high: UInt64)) -> Bool { low & bits.low == 0 && high & bits.high == 0 }

  /// True when every variable in the bits is here.
  func containsAll(of bits: (low: UInt64, high: UInt64)) -> Bool {
    low & bits.low == bits.low && high & bits.high == bits.high
  }
}
