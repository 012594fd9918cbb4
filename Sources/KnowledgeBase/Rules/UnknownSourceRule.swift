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
      // By index: a reference as a whole is a copy of every string in it, and most are known.
      let references = statement.references
      for index in references.indices where !context.bibliography.contains(references[index].source) {
        let source = references[index].source
        let suggestion = Suggestions.closest(to: source, among: keys)
        found.append(
          info.finding(
            "unknown citation key '\(source)'", at: references[index].sourceLocation,
            hint: suggestion.map { "did you mean '\($0)'?" }))
      }
    }
    return found
  }
}
