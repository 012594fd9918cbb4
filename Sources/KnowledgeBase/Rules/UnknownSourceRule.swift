import BibModel

/// A reference's citation key must exist in the bibliography.
struct UnknownSourceRule: CheckRule {
  public static let info = RuleInfo(
    id: "unknown-source", severity: .error,
    summary: "A reference cites a key that no bibliography item has.",
    fix: "Correct the key (a close match is suggested) or add the item to the bibliography.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    let keys = context.bibliography.keys
    context.forEachStatement { _, statement, _ in
      for reference in statement.references where !context.bibliography.contains(reference.source) {
        let suggestion = Suggestions.closest(to: reference.source, among: keys)
        found.append(
          info.finding(
            "unknown citation key '\(reference.source)'", at: reference.sourceLocation,
            hint: suggestion.map { "did you mean '\($0)'?" }))
      }
    }
    return found
  }
}
