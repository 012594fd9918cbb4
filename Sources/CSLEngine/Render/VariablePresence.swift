import BibModel

/// Which of a reference's own variables have a value, for `variable` conditions, worked out once
/// per reference. Names Cited knows are bits at their ordinal (whether the reference lists the
/// name, and whether it has a value), so a condition reads two words; other names are a set.
struct VariablePresence: Sendable {
  /// The names the reference lists, and those of them with a value (`VariableSet`'s bits).
  private var listed = VariableSet()
  private var valued = VariableSet()

  /// Whether the variable has a value; nil when the reference does not list it.
  subscript(name: CSLVariable) -> Bool? {
    listed.contains(name) ? valued.contains(name) : nil
  }

  /// True when none of `variables` has a value (as `subscript` answers: false or nil).
  func hasNoValue(among variables: VariableSet) -> Bool { valued.isDisjoint(with: variables) }

  /// True when the reference lists none of `variables`.
  func listsNone(of variables: VariableSet) -> Bool { listed.isDisjoint(with: variables) }

  /// As `hasNoValue(among:)` for variables Cited knows, given as bits.
  func hasNoValue(among bits: VariableBits) -> Bool { valued.isDisjoint(with: bits) }

  /// Whether every variable of `bits` has a value.
  func hasValue(amongAll bits: VariableBits) -> Bool { valued.isSuperset(of: bits) }

  /// As `listsNone(of:)` for variables Cited knows, given as bits.
  func listsNone(of bits: VariableBits) -> Bool { listed.isDisjoint(with: bits) }

  /// Records the answer for a name not recorded yet (the first answer stands).
  mutating func record(_ name: CSLVariable, _ hasValue: Bool) {
    guard !listed.contains(name) else { return }
    listed.insert(name)
    if hasValue { valued.insert(name) }
  }
}
