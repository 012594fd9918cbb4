import BibModel

/// A single-valued property with different values at overlapping times, none preferred.
struct ConflictRule: CheckRule {
  public static let info = RuleInfo(
    id: "conflict", severity: .warning,
    summary:
      "A single-valued property has two or more non-deprecated values at overlapping times and no preferred one.",
    fix: "Decide: mark the better-supported value `rank: preferred`, deprecate the other with a `reason:`, "
      + "or give each value its `start`/`end`.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    ConflictFinder.conflicts(context).filter { $0.resolvedBy == nil }.compactMap { conflict in
      guard let first = conflict.statements.first else { return nil }
      let values = conflict.statements.map(\.value.display)
      return info.finding(
        "conflicting values for \(conflict.entity.id).\(conflict.property): \(values.joined(separator: " vs "))",
        at: first.valueLocation, notes: ConflictFinder.notes(conflict, context))
    }
  }
}
