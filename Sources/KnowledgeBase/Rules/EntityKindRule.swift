import BibModel

/// An entity-valued statement or qualifier must name an entity of the kinds the schema allows.
public struct EntityKindRule: CheckRule {
  public static let info = RuleInfo(
    id: "entity-kind", severity: .error,
    summary: "An entity value names an entity whose kind is not in the property's `entity-kinds:`.",
    fix: "Name an entity of an allowed kind, or extend `entity-kinds:` in the schema.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    func visit(_ value: StatementValue, _ location: SourceLocation, _ spec: ValueSpec, _ what: String) {
      switch value {
      case .entity(let id):
        guard let kinds = spec.entityKinds, let target = context.knowledge.entity(id), !kinds.contains(target.kind)
        else { return }
        found.append(
          info.finding(
            "\(what): '\(id)' is a \(target.kind), not \(kinds.joined(separator: " or "))", at: location))
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
