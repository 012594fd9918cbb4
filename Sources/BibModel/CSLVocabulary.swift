/// A name from CSL's vocabulary (a variable, item type, locator type or position), kept as
/// written: the specification's names are static members of each type, and any other name
/// (an extension, a typo) still reads and writes back byte for byte.
public protocol CSLVocabulary: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
  CustomStringConvertible
where RawValue == String {
  init(rawValue: String)
}

extension CSLVocabulary {
  public init(_ rawValue: String) { self.init(rawValue: rawValue) }
  public init(stringLiteral value: String) { self.init(rawValue: value) }

  public var description: String { rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A vocabulary whose known names are numbered (`ordinal`, -1 for any other name), so that
/// comparing and hashing them while rendering reads one integer, not the string.
public protocol OrdinalVocabulary: CSLVocabulary {
  /// The name's index among the names Cited knows, -1 for any other.
  var ordinal: Int32 { get }
}

extension OrdinalVocabulary {
  /// Two values are the same name. A known name has an ordinal, an unknown one has none, so a
  /// known and an unknown name always differ; two unknown names compare as strings.
  @inlinable public static func == (lhs: Self, rhs: Self) -> Bool {
    if lhs.ordinal >= 0 || rhs.ordinal >= 0 { return lhs.ordinal == rhs.ordinal }
    return lhs.rawValue == rhs.rawValue
  }

  /// A known name hashes its ordinal. Other names are short words that rarely share their
  /// length and their first and last two bytes: one word of those is hashed instead of every
  /// byte (`String.hashShortName`).
  @inlinable public func hash(into hasher: inout Hasher) {
    if ordinal >= 0 {
      hasher.combine(ordinal)
      return
    }
    rawValue.hashShortName(into: &hasher)
  }

  /// What dictionaries and sets hash a key with (`TableHash`): a known name mixes its ordinal
  /// with the table's seed instead of a full `Hasher` round (an item's variables are looked
  /// up tens of times for every entry rendered); the ordinals are a fixed small set, so there
  /// is nothing for input to collide on. Any other name is hashed by `Hasher`, seed included.
  @inlinable public func _rawHashValue(seed: Int) -> Int {
    guard ordinal >= 0 else { return TableHash.hashed(self, seed: seed) }
    return TableHash.mix(UInt64(UInt32(bitPattern: ordinal)), seed: seed)
  }
}
