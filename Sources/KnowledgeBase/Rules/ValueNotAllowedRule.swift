import BibModel

/// An enum value (or qualifier) must be one of the schema's `values`.
struct ValueNotAllowedRule: CheckRule {
  public static let info = RuleInfo(
    id: "value-not-allowed", severity: .error,
    summary: "An enum value is not among the property's (or qualifier's) `values:`.",
    fix: "Use one of the allowed values (a close match is suggested) or extend `values:` in the schema.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    context.forEachTypedValue { value, location, spec, what in
      guard case .enumeration(let text) = value, let values = spec.values, !values.contains(text) else { return }
      found.append(
        info.finding(
          "\(what): '\(text)' is not one of \(values.joined(separator: ", "))", at: location,
          hint: Suggestions.closest(to: text, among: values).map { "did you mean '\($0)'?" }))
    }
    return found
  }
}
