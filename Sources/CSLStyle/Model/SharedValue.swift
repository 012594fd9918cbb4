/// A value kept in one shared box and copied only when a copy of it is changed (copy on
/// write). The style's element types keep their fields in one: the renderer copies an element
/// each time it reaches it, which then costs one reference count, not one per field.
struct SharedValue<Value: Hashable & Sendable>: Hashable, Sendable {
  /// Mutated only while uniquely referenced, so sharing it between threads is safe.
  private final class Box: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
  }

  private var box: Box

  init(_ value: Value) { box = Box(value) }

  var value: Value {
    // Lent, not copied: `shared.value.source` then copies the one field read, where a getter
    // copied every field (a retain of each string in them) to read one.
    _read { yield box.value }
    _modify {
      if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
      yield &box.value
    }
  }

  /// The storage's identity: equal for copies that share it (no write since they parted).
  var identity: ObjectIdentifier { ObjectIdentifier(box) }

  static func == (lhs: SharedValue, rhs: SharedValue) -> Bool { lhs.box === rhs.box || lhs.box.value == rhs.box.value }

  func hash(into hasher: inout Hasher) { box.value.hash(into: &hasher) }
}
