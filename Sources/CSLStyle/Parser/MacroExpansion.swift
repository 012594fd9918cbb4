/// How many macro calls a macro makes once every call inside it is followed. Macros that fan
/// out without a cycle (each calling the next one twice) stay small as text and grow
/// exponentially when rendered: 30 such macros mean 2^29 calls. Sizes saturate at the limit,
/// so the count itself cannot overflow; calls that close a cycle count once (cycles are
/// reported and cut elsewhere).
public enum MacroExpansion {
  /// The largest number of macro calls one macro may expand to.
  public static let limit = 100_000

  /// The macros that expand to `limit` calls or more.
  public static func oversized(_ style: CSL.Style, limit: Int = limit) -> Set<String> {
    var size: [String: Int] = [:]
    var visiting = Set<String>()
    for root in style.macros.keys.sorted() where size[root] == nil {
      // Iterative post-order walk: a 15,000-macro chain must not exhaust the stack.
      var stack: [(name: String, expanded: Bool)] = [(root, false)]
      while let (name, expanded) = stack.popLast() {
        if size[name] != nil { continue }
        let calls = CSL.Element.macroCalls(in: style.macros[name] ?? []).filter { style.macros[$0] != nil }
        if expanded {
          visiting.remove(name)
          var total = 1
          for call in calls { total = min(limit, total + (size[call] ?? 1)) }
          size[name] = total
          continue
        }
        guard visiting.insert(name).inserted else { continue }
        stack.append((name, true))
        for call in calls where size[call] == nil && !visiting.contains(call) { stack.append((call, false)) }
      }
    }
    return Set(size.filter { $0.value >= limit }.keys)
  }
}
