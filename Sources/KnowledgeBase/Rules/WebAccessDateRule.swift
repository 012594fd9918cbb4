import BibModel

/// Web sources change; a citation of one needs the date it was read.
struct WebAccessDateRule: CheckRule {
  public static let info = RuleInfo(
    id: "web-access-date", severity: .warning,
    summary: "A web source (webpage, post, post-weblog, or any item with a URL) is cited without an access date.",
    fix: "Add `accessed` to the bibliography item, or `retrieved:` to the reference.")
  public init() {}
  public var info: RuleInfo { Self.info }

  /// CSL item types that are web sources whatever their fields.
  public static let webTypes: Set<ItemType> = [.webpage, .post, .postWeblog]

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    let undated = Set(
      context.bibliography.references.filter { _, item in
        item.dates["accessed"] == nil && (Self.webTypes.contains(item.type) || item.has("URL"))
      }.keys)
    guard !undated.isEmpty else { return [] }
    context.forEachStatement { _, statement, _ in
      for reference in statement.references where reference.retrieved == nil {
        guard undated.contains(reference.source) else { continue }
        found.append(
          info.finding(
            "web source '\(reference.source)' cited without an access date", at: reference.sourceLocation,
            hint: "add 'retrieved: YYYY-MM-DD' to the reference or 'accessed' to the bibliography item"))
      }
    }
    return found
  }
}
