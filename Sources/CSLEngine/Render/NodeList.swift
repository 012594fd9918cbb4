/// The nodes of a list as `Renderer.render(_:delimiter:)` builds it. The first node is held
/// alone and an array is made only when a second one comes: most lists (a macro's body, a
/// branch, a group) print one node or none, and an array made for one node was allocated,
/// filled, emptied and freed for nothing.
struct NodeList {
  private var single: Node?
  private var nodes: [Node] = []
  /// The room to make when the array is made (`reserveCapacity`).
  private var room = 0

  var isEmpty: Bool { single == nil && nodes.isEmpty }

  /// How many nodes (delimiters counted) the list holds.
  var count: Int { single == nil ? nodes.count : 1 }

  /// Room for `capacity` nodes, made if the list comes to hold more than one.
  mutating func reserveCapacity(_ capacity: Int) { room = capacity }

  mutating func append(_ node: consuming Node) {
    switch single.take() {
    case .some(let held):
      nodes.reserveCapacity(Swift.max(2, room))
      nodes.append(consume held)
      nodes.append(consume node)
    case .none:
      if nodes.isEmpty { single = consume node } else { nodes.append(consume node) }
    }
  }

  /// Replaces the node at `index` with `change` of it; an index past the end changes nothing.
  mutating func update(at index: Int, _ change: (Node) -> Node) {
    if let held = single {
      if index == 0 { single = change(held) }
    } else if nodes.indices.contains(index) {
      nodes[index] = change(nodes[index])
    }
  }

  /// The list as one node, moved out: its only node, else a sequence of them (empty for
  /// none).
  mutating func takeNode() -> Node {
    if let node = single.take() { return node }
    return .sequence(nodes)
  }
}
