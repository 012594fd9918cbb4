import BibModel

/// Dates of facts and retrievals cannot lie in the future.
struct FutureDateRule: CheckRule {
  public static let info = RuleInfo(
    id: "future-date", severity: .warning,
    summary: "A date value, date qualifier or `retrieved` date is after today.",
    fix: "Correct the date (a typo in the year is the usual cause).")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    let today = context.config.today
    func visit(_ value: StatementValue, _ location: SourceLocation, _ what: String) {
      switch value {
      case .date(let date) where today.isSurelyBefore(date):
        found.append(info.finding("\(what) \(date) is in the future (today is \(today))", at: location))
      case .list(let items):
        for item in items { visit(item.value, item.location, what) }
      default: return
      }
    }
    context.forEachStatement { _, statement, _ in
      visit(statement.value, statement.valueLocation, statement.property)
      for qualifier in statement.qualifiers { visit(qualifier.value, qualifier.valueLocation, qualifier.name) }
      for reference in statement.references {
        if let retrieved = reference.retrieved {
          visit(.date(retrieved), reference.retrievedLocation ?? reference.location, "retrieved")
        }
      }
    }
    return found
  }
}
