import Testing

@testable import CSLEngine

/// `Node.startsWith(tag:)` walks once to the first text that prints; it answers as the
/// definition does, written here the slow way: skip the children that print nothing, and a
/// node with the tag starts with it when it prints anything.
@Suite struct NodeStartTests {
  static func reference(_ node: Node, _ wanted: NodeTag) -> Bool {
    switch node {
    case .text: return false
    case .tagged(let tag, let children):
      if tag == wanted { return !node.isEmpty }
      return children.first(where: { !$0.isEmpty }).map { reference($0, wanted) } ?? false
    case .styled(_, let children), .quoted(let children), .nocase(let children), .display(_, let children),
      .sequence(let children), .link(_, let children):
      return children.first(where: { !$0.isEmpty }).map { reference($0, wanted) } ?? false
    }
  }

  /// A random tree: texts drawn from `leaves`, nodes tagged with one of `tags`, quoted,
  /// italic, linked or plain sequences.
  static func tree(
    _ generator: inout TextCaserTests.SplitMix, depth: Int, tags: [NodeTag] = [.term, .title],
    leaves: [String] = ["", "x", "x"]
  ) -> Node {
    let leaf = depth == 0 || generator.next() % 4 == 0
    if leaf { return .text(leaves[Int(generator.next() % UInt64(leaves.count))]) }
    let children = (0..<Int(generator.next() % 4)).map { _ in
      tree(&generator, depth: depth - 1, tags: tags, leaves: leaves)
    }
    let kind = Int(generator.next() % UInt64(tags.count + 4))
    if kind < tags.count { return .tagged(tags[kind], children) }
    switch kind - tags.count {
    case 0: return .quoted(children)
    case 1: return .styled(.italic, children)
    case 2: return .link("https://example.org", children)
    default: return .sequence(children)
    }
  }

  @Test func generatedTreesAnswerAsTheDefinition() {
    var generator = TextCaserTests.SplitMix(state: 33)
    var starts = 0
    for _ in 0..<5_000 {
      let node = Self.tree(&generator, depth: 5)
      let answer = node.startsWith(tag: .term)
      #expect(answer == Self.reference(node, .term), "\(node)")
      if answer { starts += 1 }
    }
    #expect(starts > 500, "\(starts) trees start with a term")
  }

  @Test func emptyTermsAndTextBeforeThemDecide() {
    #expect(!Node.sequence([.tagged(.term, [.text("")]), .text("a")]).startsWith(tag: .term))
    #expect(
      Node.sequence([.tagged(.term, []), .styled(.italic, [.tagged(.term, [.text("s.d.")])])]).startsWith(tag: .term))
    #expect(!Node.sequence([.text("a"), .tagged(.term, [.text("b")])]).startsWith(tag: .term))
    #expect(!Node.text("a").startsWith(tag: .term))
  }
}
