import BibModel

/// Every statement needs at least one reference, unless the schema exempts its property (`sourced: false`).
struct UnsourcedStatementRule: CheckRule {
  public static let info = RuleInfo(
    id: "unsourced-statement", severity: .error,
    summary: "A statement has no references and its property is not exempt (`sourced: false`).",
    fix: "Add a `references:` list citing the source the value comes from, or mark the property `sourced: false`.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    context.forEachStatement { _, statement, index in
      guard statement.references.isEmpty, context.schema.properties[statement.property]?.sourced ?? true else { return }
      found.append(
        info.finding(
          "statement \(statement.label(index: index)) (\(statement.value.display)) has no source",
          at: statement.location, hint: "add 'references: [{source: <citation key>}]'"))
    }
    return found
  }
}
