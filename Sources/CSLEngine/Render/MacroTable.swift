import BibModel
import CSLStyle

/// The macros a compiled style renders, found by name without hashing the name: a macro call is
/// the commonest lookup of a rendering. An open-addressed table indexed by the name's
/// constant-time digest (`String.shortNameDigest`); a slot's name is compared in full.
struct MacroTable: Sendable {
  private let names: [String]
  private let bodies: [[CSL.Element]]
  /// Per macro: whether a cite's rendering of it can be kept for later cites of the item
  /// (`MacroGraph.isCiteMemoizable`), settled when the style is compiled.
  private let citeMemoizable: [Bool]
  /// Per macro: its gates (`MacroGate`), none when it has none.
  private let gates: [[MacroGate]]
  /// Each slot holds an entry's index plus one, or 0 when empty; a power of two at least
  /// twice the entries, so a probe always ends at an empty slot.
  private let slots: [Int32]

  init(
    _ macros: [(name: String, elements: [CSL.Element])], citeMemoizable: (String) -> Bool = { _ in false },
    gates: (String) -> [MacroGate] = { _ in [] }
  ) {
    names = macros.map(\.name)
    bodies = macros.map(\.elements)
    self.citeMemoizable = macros.map { citeMemoizable($0.name) }
    self.gates = macros.map { gates($0.name) }
    var capacity = 2
    while capacity < macros.count * 2 { capacity *= 2 }
    var slots = [Int32](repeating: 0, count: capacity)
    for (index, macro) in macros.enumerated() {
      var slot = Self.slot(macro.name, mask: capacity - 1)
      while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
      slots[slot] = Int32(truncatingIfNeeded: index + 1)
    }
    self.slots = slots
  }

  /// The same table, its bodies in storage of their own (`CompiledStyle.checkOutCopy`).
  func unshared() -> MacroTable { MacroTable(copying: self) }

  private init(copying table: MacroTable) {
    names = table.names
    bodies = table.bodies.map { $0.unshared() }
    citeMemoizable = table.citeMemoizable
    gates = table.gates
    slots = table.slots
  }

  /// How many macros have a gate.
  var gatedCount: Int { gates.filter { !$0.isEmpty }.count }

  /// The body of the macro with this name; nil when there is none.
  func body(_ name: String) -> [CSL.Element]? {
    index(name).map { bodies[$0] }
  }

  /// A macro as a call renders it: its body, whether a cite's rendering of it can be kept,
  /// and its gates.
  struct Entry {
    let elements: [CSL.Element]
    let citeMemoizable: Bool
    let gates: [MacroGate]
  }

  /// The macro with this name; nil when there is none.
  func entry(_ name: String) -> Entry? {
    index(name).map { Entry(elements: bodies[$0], citeMemoizable: citeMemoizable[$0], gates: gates[$0]) }
  }

  /// The macro at an index `index(_:)` gave (`CSL.Text.macroIndex`); nil when out of range.
  func entry(at index: Int) -> Entry? {
    bodies.indices.contains(index)
      ? Entry(elements: bodies[index], citeMemoizable: citeMemoizable[index], gates: gates[index]) : nil
  }

  /// Where the macro with this name is kept; nil when there is none.
  private func index(_ name: String) -> Int? {
    let mask = slots.count - 1
    var slot = Self.slot(name, mask: mask)
    while true {
      let entry = Int(slots[slot]) - 1
      if entry < 0 { return nil }
      if names[entry] == name { return entry }
      slot = (slot + 1) & mask
    }
  }

  private static func slot(_ name: String, mask: Int) -> Int {
    let digest = name.shortNameDigest ?? UInt64(truncatingIfNeeded: name.hashValue)
    // Fibonacci hashing: the high bits of the product mix every byte of the digest.
    return Int(truncatingIfNeeded: (digest &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }
}
