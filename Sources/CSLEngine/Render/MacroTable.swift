import BibModel
import CSLStyle

/// The macros a compiled style renders, found by name without hashing the name: a macro call is
/// the commonest lookup of a rendering. An open-addressed table indexed by the name's
/// constant-time digest (`String.shortNameDigest`); a slot's name is compared in full.
struct MacroTable: Sendable {
  private let names: [String]
  /// Per macro: its body, whether a cite's rendering of it can be kept, its gates.
  private let entries: [Entry]
  /// Each slot holds an entry's index plus one, or 0 when empty; a power of two at least
  /// twice the entries, so a probe always ends at an empty slot.
  private let slots: [Int32]

  init(
    _ macros: [(name: String, elements: [CSL.Element])], citeMemoizable: (String) -> Bool = { _ in false },
    gates: (String) -> [MacroGate] = { _ in [] }
  ) {
    names = macros.map(\.name)
    entries = macros.map {
      Entry(elements: $0.elements, citeMemoizable: citeMemoizable($0.name), gates: gates($0.name))
    }
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
    entries = table.entries.map {
      Entry(elements: $0.elements.unshared(), citeMemoizable: $0.citeMemoizable, gates: $0.gates)
    }
    slots = table.slots
  }

  /// How many macros have a gate.
  var gatedCount: Int { entries.filter { !$0.gates.isEmpty }.count }

  /// The body of the macro with this name; nil when there is none.
  func body(_ name: String) -> [CSL.Element]? {
    index(name).map { entries[$0].elements }
  }

  /// A macro as a call renders it: its body, whether a cite's rendering of it can be kept,
  /// and its gates. A class: a call holds one reference, where a struct of the three
  /// retained each part at every call.
  final class Entry: Sendable {
    let elements: [CSL.Element]
    let citeMemoizable: Bool
    let gates: [MacroGate]
    /// The gates rendering reads: those with a compact form (`MacroGate.compact`).
    let compactGates: [MacroGate.Compact]

    init(elements: [CSL.Element], citeMemoizable: Bool, gates: [MacroGate]) {
      self.elements = elements
      self.citeMemoizable = citeMemoizable
      self.gates = gates
      compactGates = gates.compactMap(\.compact)
    }
  }

  /// The macro with this name; nil when there is none.
  func entry(_ name: String) -> Entry? {
    index(name).map { entries[$0] }
  }

  /// The macro at an index `index(_:)` gave (`CSL.Text.macroIndex`); nil when out of range.
  func entry(at index: Int) -> Entry? {
    entries.indices.contains(index) ? entries[index] : nil
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
