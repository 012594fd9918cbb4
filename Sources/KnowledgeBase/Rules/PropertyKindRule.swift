import BibModel

/// A property may only be used on the kinds the schema lists for it.
struct PropertyKindRule: CheckRule {
  public static let info = RuleInfo(
    id: "property-not-for-kind", severity: .error,
    summary: "A property is used on an entity whose kind is not in the property's `kinds:`.",
    fix: "Move the statement to the right entity, or add the kind to the property's `kinds:`.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for entity in context.knowledge.entities where context.schema.kinds[entity.kind] != nil {
      for (property, location) in entity.propertyLocations.sorted(by: { $0.value < $1.value }) {
        guard let kinds = context.schema.properties[property]?.kinds, !kinds.contains(entity.kind) else { continue }
        found.append(
          info.finding(
            "property '\(property)' is not for entities of kind '\(entity.kind)' "
              + "(only \(kinds.joined(separator: ", ")))",
            at: location))
      }
    }
    return found
  }
}
