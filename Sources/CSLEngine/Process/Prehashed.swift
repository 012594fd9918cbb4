/// A value with its hash computed once, where it was made (on all cores): tables keyed by it
/// hash an integer and compare values only where hashes meet. Twins, sort ties and the texts
/// of disambiguation's tables are keyed this way.
struct Prehashed<Value: Hashable & Sendable>: Hashable, Sendable {
  let value: Value
  let hash: Int

  init(_ value: Value) {
    self.value = value
    hash = value.hashValue
  }

  func hash(into hasher: inout Hasher) { hasher.combine(hash) }

  static func == (lhs: Prehashed, rhs: Prehashed) -> Bool { lhs.hash == rhs.hash && lhs.value == rhs.value }

  /// Which of `parts` (a power of two) parts the value falls in, by its hash: a table split
  /// this way is filled on all cores, each part by one, and every value is in one part only.
  func part(among parts: Int) -> Int { parts <= 1 ? 0 : hash & (parts - 1) }
}

/// Text with its hash computed once.
typealias HashedText = Prehashed<String>

extension Dictionary where Value == Int {
  /// The value `key` holds already, or nil after giving it `value` (never `Int.min`, which
  /// marks a new key here): one look-up where `self[key]` and then `self[key] = value` made two.
  mutating func claim(_ key: Key, _ value: Int) -> Int? {
    var held: Int?
    Self.take(&self[key, default: Int.min], value, into: &held)
    return held
  }

  private static func take(_ slot: inout Int, _ value: Int, into held: inout Int?) {
    if slot == Int.min {
      slot = value
    } else {
      held = slot
    }
  }
}
