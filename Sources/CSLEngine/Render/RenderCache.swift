/// Memoized results shared by the renderers of one processing run (one thread). Names
/// repeat across items and renderings; their initials are worked out once.
final class RenderCache {
  private var initialsTable: [String: String] = [:]

  func initials(_ given: String, with mark: String, hyphen: Bool, initialize: Bool) -> String {
    let key = given + "\u{0}" + mark + (hyphen ? "\u{1}" : "\u{2}") + (initialize ? "\u{1}" : "\u{2}")
    if let found = initialsTable[key] { return found }
    let value = Renderer.initials(given, with: mark, hyphen: hyphen, initialize: initialize)
    initialsTable[key] = value
    return value
  }
}
