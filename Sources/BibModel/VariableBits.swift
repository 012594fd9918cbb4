/// Variables Cited knows as bits of their ordinals below 128 (`CSLVariable.ordinal`): what a
/// condition tests, a macro gate assumes absent and an item has, compared a word at a time.
public struct VariableBits: Sendable, Hashable {
  public var low: UInt64 = 0
  public var high: UInt64 = 0

  public init() {}

  /// Whether the variable's bit is set; false for a name with no ordinal below 128.
  @inlinable public func contains(_ variable: CSLVariable) -> Bool {
    let ordinal = Int(variable.ordinal)
    guard (0..<128).contains(ordinal) else { return false }
    return (ordinal < 64 ? low >> UInt64(ordinal) : high >> UInt64(ordinal - 64)) & 1 != 0
  }

  /// Sets the variable's bit; false (nothing set) for a name with no ordinal below 128.
  @inlinable @discardableResult public mutating func insert(_ variable: CSLVariable) -> Bool {
    let ordinal = Int(variable.ordinal)
    guard (0..<128).contains(ordinal) else { return false }
    if ordinal < 64 { low |= 1 << UInt64(ordinal) } else { high |= 1 << UInt64(ordinal - 64) }
    return true
  }

  /// The bits with this variable's added; nil for a name with no ordinal below 128.
  @inlinable public func adding(_ variable: CSLVariable) -> VariableBits? {
    var bits = self
    return bits.insert(variable) ? bits : nil
  }

  @inlinable public mutating func formUnion(_ other: VariableBits) {
    low |= other.low
    high |= other.high
  }

  /// True when no bit is set in both.
  @inlinable public func isDisjoint(with other: VariableBits) -> Bool { low & other.low == 0 && high & other.high == 0 }

  /// True when every bit set in `other` is set here.
  @inlinable public func isSuperset(of other: VariableBits) -> Bool {
    low & other.low == other.low && high & other.high == other.high
  }

  @inlinable public var isEmpty: Bool { low == 0 && high == 0 }
}

extension ItemType {
  /// Whether the type's bit is set in `bits` (bits of ordinals below 64, `ItemType.ordinal`);
  /// false for a type with no such ordinal.
  @inlinable public func isListed(in bits: UInt64) -> Bool {
    (0..<64).contains(ordinal) && bits >> UInt64(ordinal) & 1 != 0
  }
}
