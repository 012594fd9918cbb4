import BibModel

/// A property the schema marks `corroboration: N` wants N independent sources per statement.
struct CorroborationRule: CheckRule {
  public static let info = RuleInfo(
    id: "corroboration", severity: .warning,
    summary: "A statement of a property with `corroboration: N` cites fewer than N distinct sources.",
    fix: "Find another independent source and cite it.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    context.forEachStatement { _, statement, index in
      guard statement.rank != .deprecated, let wanted = context.schema.properties[statement.property]?.corroboration,
        wanted > 1, !statement.references.isEmpty
      else { return }
      let distinct = Set(statement.references.map(\.source)).count
      guard distinct < wanted else { return }
      found.append(
        info.finding(
          "\(statement.label(index: index)) has \(distinct) independent source\(distinct == 1 ? "" : "s"); "
            + "the schema wants \(wanted)",
          at: statement.location))
    }
    return found
  }
}
