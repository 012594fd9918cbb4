import BibModel

/// A source cannot attest a fact that began after it was published.
struct AnachronismRule: CheckRule {
  public static let info = RuleInfo(
    id: "anachronistic-source", severity: .warning,
    summary: "A source was issued before the fact it supports began (its `start`/`point-in-time`, or the date value).",
    fix: "Check the source's `issued` date and the statement's dates; a prediction belongs in a deprecated statement.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    var issuedDates: [String: FactDate] = [:]
    for (key, item) in context.bibliography.references {
      if let issued = FactDate(item.dates["issued"]?.start) { issuedDates[key] = issued }
    }
    context.forEachStatement { _, statement, index in
      guard statement.rank != .deprecated else { return }
      let factDate = statement.startDate ?? statement.value.date
      guard let factDate else { return }
      for reference in statement.references {
        guard let issued = issuedDates[reference.source], issued.isSurelyBefore(factDate) else { continue }
        found.append(
          info.finding(
            "\(reference.source) (issued \(issued)) predates the fact it supports: "
              + "\(statement.label(index: index)) dates from \(factDate)",
            at: reference.sourceLocation))
      }
    }
    return found
  }
}
