import BibModel

/// An enum value (or qualifier) must be one of the schema's `values`.
public struct ValueNotAllowedRule: CheckRule {
  public static let info = RuleInfo(
    id: "value-not-allowed", severity: .error,
    summary: "An enum value is not among the property's (or qualifier's) `values:`.",
    fix: "Use one of the allowed values (a close match is suggested) or extend `values:` in the schema.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    func visit(_ value: StatementValue, _ location: SourceLocation, _ spec: ValueSpec, _ what: String) {
      switch value {
      case .enumeration(let text):
        guard let values = spec.values, !values.contains(text) else { return }
        found.append(
          info.finding(
            "\(what): '\(text)' is not one of \(values.joined(separator: ", "))", at: location,
            hint: Suggestions.closest(to: text, among: values).map { "did you mean '\($0)'?" }))
      case .list(let items):
        for item in items { visit(item.value, item.location, spec.element, what) }
      default: return
      }
    }
    context.forEachStatement { _, statement, _ in
      guard let property = context.schema.properties[statement.property] else { return }
      visit(statement.value, statement.valueLocation, property.value, statement.property)
      for qualifier in statement.qualifiers {
        visit(
          qualifier.value, qualifier.valueLocation,
          context.schema.qualifierSpec(qualifier.name, of: statement.property), "qualifier \(qualifier.name)")
      }
    }
    return found
  }
}
