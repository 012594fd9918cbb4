import Testing

@testable import CSLEngine

/// `NodeList` holds one node without an array and gives back what an array of the same nodes
/// gave: the node itself for one, a sequence for none or several.
@Suite struct NodeListTests {
  @Test func oneNodeComesBackAsItselfAndSeveralAsASequence() {
    var empty = NodeList()
    #expect(empty.isEmpty && empty.count == 0)
    #expect(empty.takeNode() == .sequence([]))

    var one = NodeList()
    one.reserveCapacity(5)
    one.append(.text("a"))
    #expect(!one.isEmpty && one.count == 1)
    #expect(one.takeNode() == .text("a"))

    var three = NodeList()
    three.reserveCapacity(1)
    for text in ["a", ", ", "b"] { three.append(.text(text)) }
    #expect(three.count == 3)
    #expect(three.takeNode() == .sequence([.text("a"), .text(", "), .text("b")]))
  }

  @Test func updatesReachEveryPositionAndNoneBeyond() {
    let mark: (Node) -> Node = { .sequence([.tagged(.styledSuffixEnd, []), $0]) }
    var one = NodeList()
    one.append(.text("a"))
    one.update(at: 1, mark)
    one.update(at: 0, mark)
    #expect(one.takeNode() == mark(.text("a")))

    var two = NodeList()
    two.append(.text("a"))
    two.append(.text("b"))
    two.update(at: 1, mark)
    two.update(at: 2, mark)
    #expect(two.takeNode() == .sequence([.text("a"), mark(.text("b"))]))
  }

  /// Built node by node, a list equals the array of its nodes made into one node as the
  /// renderer made it before (`count == 1 ? node : .sequence(nodes)`), at every length.
  @Test func listsOfEveryLengthMatchArrays() {
    for length in 0..<6 {
      var list = NodeList()
      var array: [Node] = []
      for index in 0..<length {
        let node = Node.tagged(.term, [.text("\(index)")])
        if index == 0 { list.reserveCapacity(length) }
        list.append(node)
        array.append(node)
        #expect(list.count == array.count)
      }
      #expect(list.takeNode() == (array.count == 1 ? array[0] : .sequence(array)))
    }
  }
}
