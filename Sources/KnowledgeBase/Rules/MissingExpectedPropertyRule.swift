import BibModel

/// An entity should have the properties its kind `expects`.
struct MissingExpectedPropertyRule: CheckRule {
  public static let info = RuleInfo(
    id: "missing-expected-property", severity: .warning,
    summary: "An entity lacks a property its kind lists under `expects:`.",
    fix: "Add a sourced statement for the property, or `unknown-value: true` with a source saying it is unknown.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for entity in context.knowledge.entities {
      guard let kind = context.schema.kinds[entity.kind] else { continue }
      let present = Set(entity.statements.map(\.property))
      for property in kind.expects where !present.contains(property) {
        found.append(
          info.finding("\(entity.kind) '\(entity.id)' has no '\(property)' statement", at: entity.kindLocation))
      }
    }
    return found
  }
}
