import BibModel

/// A conflict of a single-valued property that rank resolves: reported for the record.
public struct ConflictResolvedRule: CheckRule {
  public static let info = RuleInfo(
    id: "conflict-resolved", severity: .info,
    summary: "A single-valued property has competing values at overlapping times, resolved by a preferred rank.",
    fix: "Nothing to fix; consider deprecating the losing value with a `reason:`.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    ConflictFinder.conflicts(context).compactMap { conflict in
      guard let preferred = conflict.resolvedBy else { return nil }
      let values = conflict.statements.map(\.value.display)
      return info.finding(
        "competing values for \(conflict.entity.id).\(conflict.property) (\(values.joined(separator: " vs "))) "
          + "resolved by rank: \(preferred.value.display) is preferred",
        at: preferred.valueLocation, notes: ConflictFinder.notes(conflict, context))
    }
  }
}
