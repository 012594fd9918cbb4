import BibModel

/// A bibliography item no statement cites.
struct UncitedSourceRule: CheckRule {
  public static let info = RuleInfo(
    id: "uncited-source", severity: .info,
    summary: "A bibliography item is cited by no statement.",
    fix: "Cite it where it supports a statement, or remove it if it is not needed.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var cited: Set<String> = []
    context.forEachStatement { _, statement, _ in
      for reference in statement.references { cited.insert(reference.source) }
    }
    return context.bibliography.keys.filter { !cited.contains($0) }.map { key in
      info.finding("source '\(key)' is never cited", at: context.bibliography.locations[key])
    }
  }
}
