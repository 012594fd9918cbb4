/// Hash values for table keys that implement `Hashable`'s underscored `_rawHashValue(seed:)`,
/// the entry point `Dictionary` and `Set` call with their own seed: keys whose identity fits
/// in a word (a vocabulary ordinal, a short name's digest) mix it with the seed here in a
/// dozen instructions instead of a full `Hasher` round.
///
/// Only for keys drawn from small, fixed or style-defined sets: the mix is not keyed against
/// chosen collisions the way `Hasher` is, so keys that untrusted data supplies in bulk keep
/// `Hasher`.
public enum TableHash {
  /// SplitMix64's finalizer over the value and the seed: every bit of both reaches the low
  /// bits a table chooses its bucket by.
  @inlinable public static func mix(_ value: UInt64, seed: Int) -> Int {
    var mixed = value &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: Int64(seed))
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int(truncatingIfNeeded: mixed ^ (mixed >> 31))
  }

  /// `Hasher`'s value for `value` under `seed`, for keys that cannot take the short way.
  @inlinable public static func hashed<Value: Hashable>(_ value: Value, seed: Int) -> Int {
    var hasher = Hasher()
    hasher.combine(seed)
    hasher.combine(value)
    return hasher.finalize()
  }
}
