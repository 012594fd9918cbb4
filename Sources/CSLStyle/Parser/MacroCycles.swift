/// Cycles in a style's macro calls, found without recursion: a chain of 15,000 macros takes
/// linear time and no deep stack (hostile styles must not crash the parser).
public enum MacroCycles {
  /// The macros on a cycle of calls (they would never finish rendering): the strongly
  /// connected components with more than one macro, or a macro calling itself. Tarjan's
  /// algorithm, iterative, so a chain of 15,000 macros takes linear time and no deep stack.
  public static func recursive(_ style: CSL.Style) -> Set<String> {
    let names = style.macros.keys.sorted()
    var calls: [String: [String]] = [:]
    for name in names {
      calls[name] = CSL.Element.macroCalls(in: style.macros[name] ?? []).filter { style.macros[$0] != nil }
    }
    var index: [String: Int] = [:]
    var low: [String: Int] = [:]
    var onStack = Set<String>()
    var stack: [String] = []
    var next = 0
    var result = Set<String>()
    for root in names where index[root] == nil {
      // Each frame: a macro and how many of its calls have been followed.
      var frames: [(name: String, position: Int)] = [(root, 0)]
      index[root] = next
      low[root] = next
      next += 1
      stack.append(root)
      onStack.insert(root)
      while var frame = frames.popLast() {
        let callees = calls[frame.name] ?? []
        if frame.position < callees.count {
          let callee = callees[frame.position]
          frame.position += 1
          frames.append(frame)
          if index[callee] == nil {
            index[callee] = next
            low[callee] = next
            next += 1
            stack.append(callee)
            onStack.insert(callee)
            frames.append((callee, 0))
          } else if onStack.contains(callee) {
            low[frame.name] = min(low[frame.name] ?? 0, index[callee] ?? 0)
          }
          continue
        }
        if let parent = frames.last {
          low[parent.name] = min(low[parent.name] ?? 0, low[frame.name] ?? 0)
        }
        guard low[frame.name] == index[frame.name] else { continue }
        var component: [String] = []
        while let member = stack.popLast() {
          onStack.remove(member)
          component.append(member)
          if member == frame.name { break }
        }
        if component.count > 1 || callees.contains(frame.name) { result.formUnion(component) }
      }
    }
    return result
  }

  /// A cycle from `name` back to itself through the macros in `members`, shortest first
  /// (breadth-first), as the path of calls.
  static func path(from name: String, in style: CSL.Style, within members: Set<String>) -> [String] {
    var previous: [String: String] = [:]
    var queue = [name]
    var head = 0
    while head < queue.count {
      let current = queue[head]
      head += 1
      for callee in CSL.Element.macroCalls(in: style.macros[current] ?? []) where members.contains(callee) {
        if callee == name {
          var path = [current]
          var step = current
          while step != name, let before = previous[step] {
            path.append(before)
            step = before
          }
          return path.reversed() + [name]
        }
        if previous[callee] == nil {
          previous[callee] = current
          queue.append(callee)
        }
      }
    }
    return [name, name]
  }
}
