import Testing

@testable import CSLEngine

/// A group's questions answered pair by pair (small groups) agree with the answers through
/// tables (large ones), on random groups with shared texts, several texts an item and twins.
@Suite struct DisambiguationGroupTests {
  static let words = ["Cohen 2018", "Cohen 2019", "Smith", "Smith 2018", "", "Cohen, H. 2018", "Kim"]

  static func randomGroup(_ generator: inout TextCaserTests.SplitMix) -> (texts: [[HashedText]], owners: [Int]) {
    let count = 1 + Int(generator.next() % 12)
    var texts: [[HashedText]] = []
    var owners: [Int] = []
    for item in 0..<count {
      let lists = 1 + Int(generator.next() % 3)
      texts.append((0..<lists).map { _ in HashedText(words[Int(generator.next() % UInt64(words.count))]) })
      // Some items share an owner (twins).
      owners.append(generator.next() % 4 == 0 && item > 0 ? owners[item - 1] : 100 + item)
    }
    return (texts, owners)
  }

  @Test func pairsAndTablesAgree() {
    var generator = TextCaserTests.SplitMix(state: 23)
    var someUnique = 0
    var someShared = 0
    for _ in 0..<5_000 {
      let (texts, owners) = Self.randomGroup(&generator)
      let byPairs = DisambiguationGroup.uniqueByPairs(texts, owners: owners)
      #expect(byPairs == DisambiguationGroup.uniqueByTable(texts, owners: owners), "\(texts) \(owners)")
      someUnique += byPairs.count(where: { $0 })
      someShared += byPairs.count(where: { !$0 })
      #expect(DisambiguationGroup.classes(texts) == Set(texts).count)
    }
    #expect(someUnique > 1_000 && someShared > 1_000)
  }

  /// A search's ambiguous positions, walked from its flags, are the flagged indices in order.
  @Test func positionsAreTheFlaggedIndicesInOrder() {
    var generator = TextCaserTests.SplitMix(state: 41)
    for _ in 0..<500 {
      let flags = (0..<Int(generator.next() % 20)).map { _ in generator.next() % 3 == 0 }
      let walked = Array(DisambiguationGroup.Search.Positions(flags: flags))
      #expect(walked == flags.indices.filter { flags[$0] }, "\(flags)")
    }
    #expect(Array(DisambiguationGroup.Search.Positions(flags: [])).isEmpty)
  }
}
