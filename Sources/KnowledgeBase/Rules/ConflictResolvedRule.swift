import BibModel

/// A conflict of a single-valued property that rank resolves: reported for the record.
struct ConflictResolvedRule: CheckRule {
  public static let info = RuleInfo(
    id: "conflict-resolved", severity: .info,
    summary:
      "Competing values at overlapping times that rank settles: a preferred value of a single-valued property, "
      + "or a value deprecated (with its reason) in favour of another.",
    fix: "Nothing to fix; consider deprecating the losing value with a `reason:`.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    ConflictFinder.conflicts(context).compactMap { conflict in
      guard let preferred = conflict.resolvedBy else { return nil }
      let values = conflict.statements.map(\.value.display)
      let how: String
      if conflict.deprecated.isEmpty {
        how = "\(preferred.value.display) is preferred"
      } else {
        how = conflict.deprecated.map { "\($0.value.display) is deprecated (\($0.reason ?? "no reason given"))" }
          .joined(separator: "; ")
      }
      return info.finding(
        "competing values for \(conflict.entity.id).\(conflict.property) (\(values.joined(separator: " vs "))) "
          + "resolved by rank: \(how)",
        at: preferred.valueLocation, notes: ConflictFinder.notes(conflict, context))
    }
  }
}
