import BibModel

/// Statement ids (`F08`) are unique across the knowledge base, so they can be cited and tracked.
struct DuplicateStatementIDRule: CheckRule {
  public static let info = RuleInfo(
    id: "duplicate-statement-id", severity: .error,
    summary: "Two statements share an `id:` (ids are unique across the knowledge base).",
    fix: "Give each statement its own id; split facts get suffixes (`F16-1`, `F16-2`).")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    var first: [String: SourceLocation] = [:]
    context.forEachStatement { _, statement, _ in
      guard let id = statement.id else { return }
      if let previous = first[id] {
        found.append(
          info.finding(
            "statement id '\(id)' is already used at \(previous)", at: statement.location,
            notes: ["first used at \(previous)"]))
      } else {
        first[id] = statement.location
      }
    }
    return found
  }
}
