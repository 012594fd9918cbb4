import BibModel

/// An entity-valued statement or qualifier must name an entity of the knowledge base.
struct UnknownEntityRule: CheckRule {
  public static let info = RuleInfo(
    id: "unknown-entity", severity: .error,
    summary: "An entity-valued statement or qualifier names an id no entity has.",
    fix: "Correct the id (a close match is suggested) or add the entity.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    let ids = context.knowledge.entities.map(\.id)
    context.forEachStatement { _, statement, _ in
      var references = statement.value.entityReferences(at: statement.valueLocation)
      for qualifier in statement.qualifiers {
        references += qualifier.value.entityReferences(at: qualifier.valueLocation)
      }
      for (id, location) in references where context.knowledge.entity(id) == nil {
        found.append(
          info.finding(
            "unknown entity '\(id)'", at: location,
            hint: Suggestions.closest(to: id, among: ids).map { "did you mean '\($0)'?" }))
      }
    }
    return found
  }
}
