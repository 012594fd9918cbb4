import BibModel

/// A statement whose every reference was seen only through a copy (`via:`).
struct ViaOnlyRule: CheckRule {
  public static let info = RuleInfo(
    id: "via-only", severity: .warning,
    summary: "Every reference of a statement was seen only through a copy, mirror or repost (`via:`).",
    fix: "Find and cite the original, or a source read first-hand.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    context.forEachStatement { _, statement, index in
      guard statement.rank != .deprecated, !statement.references.isEmpty,
        statement.references.allSatisfy({ $0.via != nil })
      else { return }
      let copies = statement.references.map { "\($0.source) via \($0.via ?? "")" }
      found.append(
        info.finding(
          "\(statement.label(index: index)) rests only on copies of its sources", at: statement.location,
          notes: copies))
    }
    return found
  }
}
