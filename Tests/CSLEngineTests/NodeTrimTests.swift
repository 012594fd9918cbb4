import Testing

@testable import CSLEngine

/// `Node.trimmingTrailingSpaces` returns a tree that ends in no space as it is. Over generated
/// trees (`NodeStartTests.tree`: texts with and without trailing spaces, quotes, links, empty
/// nodes, nesting) it must agree
/// with the trim that rebuilds the last path of every tree.
@Suite struct NodeTrimTests {
  /// The trim rebuilt along the last path whatever the tree (the reference).
  static func rebuiltTrim(_ node: Node) -> (Node, Bool) {
    func last(_ children: [Node], _ rebuild: ([Node]) -> Node) -> (Node, Bool) {
      guard let index = children.lastIndex(where: { !$0.isEmpty }) else { return (rebuild(children), false) }
      var copy = children
      let (trimmed, changed) = rebuiltTrim(copy[index])
      copy[index] = trimmed
      return (rebuild(copy), changed)
    }
    switch node {
    case .text(let text):
      let trimmed = text.droppingTrailingSpaces()
      return (.text(trimmed), trimmed.utf8.count != text.utf8.count)
    case .styled(let style, let children): return last(children) { .styled(style, $0) }
    case .quoted: return (node, false)
    case .nocase(let children): return last(children) { .nocase($0) }
    case .display(let display, let children): return last(children) { .display(display, $0) }
    case .tagged(let tag, let children): return last(children) { .tagged(tag, $0) }
    case .sequence(let children): return last(children) { .sequence($0) }
    case .link(let url, let children): return last(children) { .link(url, $0) }
    }
  }

  static let texts = ["", " ", "a", "a ", "a  ", "b.", "\u{301} ", "x\u{A0}", "\u{600} ", "end"]

  @Test func agreesWithTheTrimThatRebuilds() {
    var generator = TextCaserTests.SplitMix(state: 0x7219)
    var changed = 0
    for _ in 0..<5_000 {
      let node = NodeStartTests.tree(&generator, depth: 5, tags: [.title, .name], leaves: Self.texts)
      let (fast, fastChanged) = node.trimmingTrailingSpaces()
      let (reference, referenceChanged) = Self.rebuiltTrim(node)
      #expect(fast == reference && fastChanged == referenceChanged, "\(node)")
      if referenceChanged { changed += 1 }
    }
    // Both answers occur often.
    #expect(changed > 500 && changed < 4_500, "\(changed) trees trimmed")
  }
}
