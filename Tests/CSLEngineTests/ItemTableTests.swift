import Testing

@testable import CSLEngine

/// The processor's tables by item read and write as dictionaries keyed by item do: the same
/// values, counts and items after any mix of writes, removals and defaulted updates; items in
/// ascending order; nothing held for a negative item.
@Suite struct ItemTableTests {
  @Test func agreesWithADictionaryUnderRandomWrites() {
    var generator = TextCaserTests.SplitMix(state: 42)
    var table = ItemTable<Int>()
    var model: [Int: Int] = [:]
    for _ in 0..<5_000 {
      let item = Int.random(in: 0..<300, using: &generator)
      switch Int.random(in: 0..<4, using: &generator) {
      case 0:
        let value = Int.random(in: -5..<5, using: &generator)
        table[item] = value
        model[item] = value
      case 1:
        table[item] = nil
        model[item] = nil
      case 2:
        table[item, default: 10] += 1
        model[item, default: 10] += 1
      default:
        #expect(table[item] == model[item])
      }
      #expect(table.count == model.count)
      #expect(table.isEmpty == model.isEmpty)
    }
    #expect(table.keys == model.keys.sorted())
    #expect(table.map(\.key) == model.keys.sorted())
    #expect(table.values == model.keys.sorted().compactMap { model[$0] })
    #expect(
      table.compactMapValues { $0 > 0 ? $0 * 2 : nil }.map(\.value)
        == model.keys.sorted().compactMap { key in
          model[key].flatMap { $0 > 0 ? $0 * 2 : nil }
        })
  }

  @Test func negativeAndDistantItemsHoldNothingAndEqualityIgnoresStorage() {
    var table: ItemTable<String> = [3: "c"]
    table[-1] = "never"
    #expect(table[-1] == nil)
    #expect(table[1_000_000] == nil)
    #expect(table.count == 1)
    var grown = table
    grown[50] = "x"
    grown[50] = nil
    #expect(grown == table)
    grown[3] = "d"
    #expect(grown != table)
  }
}
