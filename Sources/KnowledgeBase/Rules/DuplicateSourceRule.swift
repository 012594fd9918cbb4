import BibFormats
import BibModel

/// Two bibliography items are the same work (same DOI, same ISBN, or the same normalized
/// title, year and first author), found the way `cited bib dedupe` finds them.
struct DuplicateSourceRule: CheckRule {
  public static let info = RuleInfo(
    id: "duplicate-source", severity: .warning,
    summary:
      "Two or more bibliography items are the same work (same DOI or ISBN, or same title, year and first author).",
    fix: "Keep one item and point the knowledge base at its key (`cited bib dedupe --merge`, then "
      + "`cited bib keys --apply --knowledge Knowledge`).")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    let bibliography = context.bibliography
    let references = bibliography.keys.compactMap { bibliography[$0] }
    return Dedupe.groups(references).compactMap { group in
      guard let first = group.ids.first, group.ids.count > 1 else { return nil }
      let others = group.ids.dropFirst().map { "'\($0)'" }.joined(separator: ", ")
      return info.finding(
        "item '\(first)' and \(others) look like the same work (\(group.reasons.joined(separator: "; ")))",
        at: bibliography.locations[group.ids[1]] ?? bibliography.locations[first],
        notes: group.ids.compactMap { id in bibliography.locations[id].map { "\(id) at \($0)" } })
    }
  }
}
