import BibModel
import Testing

@testable import CSLStyle

/// A `type` condition answers from a word of bits for the known types: it must answer as its
/// set of types does, for every type, known or not, listed or not.
@Suite struct ConditionTypeTests {
  static let unknown: [ItemType] = ["x-podcast", "Book", "", "article-journal-x"]

  @Test(arguments: [0, 1, 2, 5, 45])
  func bitsAnswerAsTheSetDoes(count: Int) {
    let known = CSLVariables.itemTypes.sorted()
    for round in 0..<40 {
      // A different subset of `count` known types each round.
      var listed = known.indices.filter { ($0 * 7 + round) % known.count < count }.map { known[$0] }
      if round % 3 == 0 { listed.append(Self.unknown[round % Self.unknown.count]) }
      let condition = CSL.Condition(
        tests: listed.map { .type($0) } + [.variable(.title)], match: round % 2 == 0 ? .any : .all)
      for type in known + Self.unknown {
        #expect(condition.listsType(type) == condition.types.contains(type), "type \(type.rawValue)")
        #expect(condition.listsType(type) == listed.contains(type))
      }
      #expect(condition.otherTests.count == 1)
    }
  }
}
