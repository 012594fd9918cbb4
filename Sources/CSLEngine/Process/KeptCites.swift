/// An item's citation renderings from disambiguation, kept so that the citations print them
/// without rendering the item again: one tree per context the item was compared in
/// (`Disambiguation.contexts`), with whether it reached a text variable. The pass renders
/// every cited item once under its settings; most items keep those settings to the end, and
/// their first cite (no locator) is one of those contexts. A cite's prefix and suffix are not
/// part of its rendering (they are added around it), so they do not matter here.
struct KeptCites: Sendable {
  /// The item rendered: a twin's renderings serve its twins' disambiguation (`ItemTwin`),
  /// never their citations.
  let item: Int
  let contexts: [CiteContext]
  private var nodes: [Node] = []
  private var reached: [Bool] = []

  init(item: Int, contexts: [CiteContext]) {
    self.item = item
    self.contexts = contexts
    nodes.reserveCapacity(contexts.count)
    reached.reserveCapacity(contexts.count)
  }

  mutating func append(_ node: Node, reachedTextVariable: Bool) {
    nodes.append(node)
    reached.append(reachedTextVariable)
  }

  /// The rendering made in `context`; nil when the item was not rendered in it.
  func rendering(in context: CiteContext) -> (node: Node, reachedTextVariable: Bool)? {
    guard let index = contexts.firstIndex(of: context), index < nodes.count else { return nil }
    return (nodes[index], reached[index])
  }
}
