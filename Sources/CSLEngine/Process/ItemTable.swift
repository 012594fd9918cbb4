/// Values by item: the processor's tables keyed by an item's position in its references
/// (citation numbers, disambiguation states), held in an array the size of the references
/// rather than a hash table. Read for every entry, cite and sort key, the hash tables cost
/// some 2 % of a bibliography's instructions in hashing and probing integers. Reads as a
/// dictionary does (a missing item is nil); the items iterate in ascending order.
struct ItemTable<Value> {
  private var slots: [Value?] = []
  /// The items that hold a value.
  private(set) var count = 0

  init() {}

  var isEmpty: Bool { count == 0 }

  subscript(item: Int) -> Value? {
    get { item >= 0 && item < slots.count ? slots[item] : nil }
    set {
      guard item >= 0 else { return }
      if item >= slots.count {
        guard newValue != nil else { return }
        slots.append(contentsOf: repeatElement(nil, count: item + 1 - slots.count))
      }
      let held = slots[item] != nil
      slots[item] = newValue
      count += (newValue == nil ? 0 : 1) - (held ? 1 : 0)
    }
  }

  subscript(item: Int, default value: @autoclosure () -> Value) -> Value {
    get { self[item] ?? value() }
    set { self[item] = newValue }
  }

  /// Room for the items below `count` without growing.
  mutating func reserveCapacity(_ count: Int) { slots.reserveCapacity(count) }

  /// The items that hold a value, ascending.
  var keys: [Int] { slots.indices.filter { slots[$0] != nil } }

  /// The values, in the order of their items.
  var values: [Value] { slots.compactMap { $0 } }

  func mapValues<T>(_ transform: (Value) throws -> T) rethrows -> ItemTable<T> {
    try compactMapValues(transform)
  }

  func compactMapValues<T>(_ transform: (Value) throws -> T?) rethrows -> ItemTable<T> {
    var result = ItemTable<T>()
    for (item, value) in self {
      if let mapped = try transform(value) { result[item] = mapped }
    }
    return result
  }
}

extension ItemTable: Sequence {
  struct Iterator: IteratorProtocol {
    fileprivate let slots: [Value?]
    fileprivate var position = 0

    mutating func next() -> (key: Int, value: Value)? {
      while position < slots.count {
        defer { position += 1 }
        if let value = slots[position] { return (position, value) }
      }
      return nil
    }
  }

  func makeIterator() -> Iterator { Iterator(slots: slots) }

  var underestimatedCount: Int { count }
}

extension ItemTable: ExpressibleByDictionaryLiteral {
  init(dictionaryLiteral elements: (Int, Value)...) {
    for (item, value) in elements { self[item] = value }
  }
}

extension ItemTable: Sendable where Value: Sendable {}

extension ItemTable: Equatable where Value: Equatable {
  /// The same items with equal values (however far each table's storage reaches).
  static func == (lhs: ItemTable, rhs: ItemTable) -> Bool {
    lhs.count == rhs.count && lhs.allSatisfy { rhs[$0.key] == $0.value }
  }
}
