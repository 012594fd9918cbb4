import BibModel

/// A set of variables kept as bits of their ordinals (`VariableBits`), with a plain set for
/// names Cited does not know: the renderer asks it of every variable it prints.
struct VariableSet: Sendable {
  private var bits = VariableBits()
  private var others = Set<CSLVariable>()

  var isEmpty: Bool { bits.isEmpty && others.isEmpty }

  func contains(_ variable: CSLVariable) -> Bool {
    guard (0..<128).contains(Int(variable.ordinal)) else { return !others.isEmpty && others.contains(variable) }
    return bits.contains(variable)
  }

  mutating func insert(_ variable: CSLVariable) {
    if !bits.insert(variable) { others.insert(variable) }
  }

  mutating func formUnion(_ variables: some Sequence<CSLVariable>) {
    for variable in variables { insert(variable) }
  }

  mutating func formUnion(_ other: VariableSet) {
    bits.formUnion(other.bits)
    others.formUnion(other.others)
  }

  /// True when no variable is in both sets.
  func isDisjoint(with other: VariableSet) -> Bool {
    guard bits.isDisjoint(with: other.bits) else { return false }
    return others.isEmpty || other.others.isEmpty || others.isDisjoint(with: other.others)
  }

  /// The set as bits, when it holds only variables Cited knows; nil otherwise.
  var knownBits: VariableBits? { others.isEmpty ? bits : nil }

  /// True when no variable of `other` (all known) is here.
  func isDisjoint(with other: VariableBits) -> Bool { bits.isDisjoint(with: other) }

  /// True when every variable of `other` (all known) is here.
  func isSuperset(of other: VariableBits) -> Bool { bits.isSuperset(of: other) }
}
