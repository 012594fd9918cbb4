import BibModel

/// An entity's kind must be declared in the schema.
struct UnknownKindRule: CheckRule {
  public static let info = RuleInfo(
    id: "unknown-kind", severity: .error,
    summary: "An entity's `kind` is not declared under `kinds:` in schema.yaml.",
    fix: "Use a declared kind (a close match is suggested) or declare the kind in the schema.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    let kinds = context.schema.kinds
    return context.knowledge.entities.compactMap { entity in
      guard kinds[entity.kind] == nil else { return nil }
      return info.finding(
        "entity '\(entity.id)' has unknown kind '\(entity.kind)'", at: entity.kindLocation,
        hint: Suggestions.closest(to: entity.kind, among: kinds.keys.sorted()).map { "did you mean '\($0)'?" })
    }
  }
}
