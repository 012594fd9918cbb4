import BibModel

/// A value (or qualifier value) must be readable as the type the schema gives it.
struct ValueTypeRule: CheckRule {
  public static let info = RuleInfo(
    id: "value-type", severity: .error,
    summary:
      "A value or qualifier does not fit its type (a date that is not YYYY[-MM[-DD]], text where a list is due, …).",
    fix: "Write the value in the form the property's type asks for (Docs/knowledge-base.md, Value types).")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    let schema = context.schema
    context.forEachStatement { _, statement, _ in
      guard let property = schema.properties[statement.property] else { return }
      if case .uninterpreted(let node) = statement.value,
        case .failure(let problem) = ValueReader.read(node, as: property.value)
      {
        found.append(info.finding("\(statement.property): \(problem.message)", at: problem.location))
      }
      for qualifier in statement.qualifiers {
        guard case .uninterpreted(let node) = qualifier.value else { continue }
        let spec = schema.qualifierSpec(qualifier.name, of: statement.property)
        if case .failure(let problem) = ValueReader.read(node, as: spec) {
          found.append(info.finding("qualifier \(qualifier.name): \(problem.message)", at: problem.location))
        }
      }
    }
    return found
  }
}
