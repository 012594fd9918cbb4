import BibModel

/// An end cannot come before its start (statement qualifiers, former names).
struct DateOrderRule: CheckRule {
  public static let info = RuleInfo(
    id: "date-order", severity: .error,
    summary: "An `end` date is before the `start` date (in a statement's qualifiers or a former name).",
    fix: "Swap or correct the dates.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    context.forEachStatement { _, statement, index in
      guard let start = statement.qualifier("start"), let end = statement.qualifier("end"),
        let startDate = start.value.date, let endDate = end.value.date, endDate.isSurelyBefore(startDate)
      else { return }
      found.append(
        info.finding(
          "\(statement.label(index: index)) ends (\(endDate)) before it starts (\(startDate))", at: end.valueLocation))
    }
    for entity in context.knowledge.entities {
      for name in entity.formerNames {
        guard let start = name.start, let end = name.end, end.isSurelyBefore(start) else { continue }
        found.append(
          info.finding("former name of '\(entity.id)' ends (\(end)) before it starts (\(start))", at: name.location))
      }
    }
    return found
  }
}
