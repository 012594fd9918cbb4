import BibModel

/// A set of item types: known types as bits of their ordinals, others in a set.
struct TypeSet: Sendable {
  private var bits: UInt64 = 0
  private var others = Set<ItemType>()

  var isEmpty: Bool { bits == 0 && others.isEmpty }

  func contains(_ type: ItemType) -> Bool {
    if (0..<64).contains(type.ordinal) { return type.isListed(in: bits) }
    return !others.isEmpty && others.contains(type)
  }

  mutating func insert(_ type: ItemType) {
    if (0..<64).contains(type.ordinal) { bits |= 1 << UInt64(type.ordinal) } else { others.insert(type) }
  }

  mutating func formUnion(_ other: TypeSet) {
    bits |= other.bits
    others.formUnion(other.others)
  }

  /// The set as bits, when it holds only types Cited knows; nil otherwise.
  var knownBits: UInt64? { others.isEmpty ? bits : nil }
}
