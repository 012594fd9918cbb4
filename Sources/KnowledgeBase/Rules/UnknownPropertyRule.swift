import BibModel

/// A statement's property must be declared in the schema.
struct UnknownPropertyRule: CheckRule {
  public static let info = RuleInfo(
    id: "unknown-property", severity: .error,
    summary: "A property under `statements:` is not declared under `properties:` in schema.yaml.",
    fix: "Use a declared property (a close match is suggested) or declare it in the schema.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    let properties = context.schema.properties
    var found: [Diagnostic] = []
    for entity in context.knowledge.entities {
      for (property, location) in entity.propertyLocations.sorted(by: { $0.value < $1.value })
      where properties[property] == nil {
        found.append(
          info.finding(
            "unknown property '\(property)'", at: location,
            hint: Suggestions.closest(to: property, among: properties.keys.sorted()).map { "did you mean '\($0)'?" }))
      }
    }
    return found
  }
}
