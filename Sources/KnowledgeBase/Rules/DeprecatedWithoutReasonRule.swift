import BibModel

/// A deprecated statement must say why (`reason:`).
struct DeprecatedWithoutReasonRule: CheckRule {
  public static let info = RuleInfo(
    id: "deprecated-without-reason", severity: .error,
    summary: "A statement has `rank: deprecated` but no `reason:`.",
    fix: "Add `reason:` saying what contradicts or supersedes the value.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    context.forEachStatement { _, statement, index in
      guard statement.rank == .deprecated, (statement.reason ?? "").trimmingCharacters(in: " ").isEmpty else { return }
      found.append(
        info.finding("deprecated statement \(statement.label(index: index)) has no reason", at: statement.location))
    }
    return found
  }
}
