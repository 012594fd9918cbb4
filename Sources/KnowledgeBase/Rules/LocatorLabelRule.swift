import BibModel

/// A reference's `label` must be a CSL locator type.
struct LocatorLabelRule: CheckRule {
  public static let info = RuleInfo(
    id: "unknown-locator-label", severity: .warning,
    summary: "A reference's `label:` is not one of the CSL 1.0.2 locator types.",
    fix: "Use a CSL locator type (page, chapter, section, paragraph, figure, line, note, volume, …).")
  public init() {}
  public var info: RuleInfo { Self.info }

  /// The CSL 1.0.2 locator types.
  public static let locatorTypes: [String] = [
    "act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation", "equation", "figure",
    "folio", "issue", "line", "note", "opus", "page", "paragraph", "part", "rule", "scene", "section", "sub-verbo",
    "supplement", "table", "timestamp", "title-locator", "verse", "version", "volume",
  ]

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    let known = Set(Self.locatorTypes)
    context.forEachStatement { _, statement, _ in
      for reference in statement.references {
        guard let label = reference.label, !known.contains(label) else { continue }
        found.append(
          info.finding(
            "unknown locator type '\(label)'", at: reference.labelLocation ?? reference.location,
            hint: Suggestions.closest(to: label, among: Self.locatorTypes).map { "did you mean '\($0)'?" }))
      }
    }
    return found
  }
}
