import BibModel

/// An entity-valued statement or qualifier must name an entity of the kinds the schema allows.
struct EntityKindRule: CheckRule {
  public static let info = RuleInfo(
    id: "entity-kind", severity: .error,
    summary: "An entity value names an entity whose kind is not in the property's `entity-kinds:`.",
    fix: "Name an entity of an allowed kind, or extend `entity-kinds:` in the schema.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    context.forEachTypedValue { value, location, spec, what in
      guard case .entity(let id) = value, let kinds = spec.entityKinds, let target = context.knowledge.entity(id),
        !kinds.contains(target.kind)
      else { return }
      found.append(
        info.finding("\(what): '\(id)' is a \(target.kind), not \(kinds.joined(separator: " or "))", at: location))
    }
    return found
  }
}
