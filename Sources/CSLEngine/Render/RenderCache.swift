/// Memoized results shared by the renderers of one processing run (one thread). Names
/// repeat across items and renderings; their initials are worked out once.
final class RenderCache {
  private var initialsTable: [InitialsKey: String] = [:]

  func initials(_ given: String, with mark: String, hyphen: Bool, initialize: Bool) -> String {
    let key = InitialsKey(given: given, mark: mark, hyphen: hyphen, initialize: initialize)
    if let found = initialsTable[key] { return found }
    let value = Renderer.initials(given, with: mark, hyphen: hyphen, initialize: initialize)
    initialsTable[key] = value
    return value
  }
}

/// The arguments of one `initials` call.
private struct InitialsKey: Hashable {
  var given: String
  var mark: String
  var hyphen: Bool
  var initialize: Bool
}
