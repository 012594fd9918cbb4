import BibModel

/// A typology by time horizon (Zhou Wang's permanent / medium-term / short-term LSGs) implies a
/// lifetime; the recorded start and end dates should agree with it. The bounds live in the
/// schema (`lifetime:` on the enum property), not in code.
struct TypeLifetimeRule: CheckRule {
  public static let info = RuleInfo(
    id: "type-lifetime", severity: .warning,
    summary: "An entity's type (by time horizon) disagrees with its recorded start and end dates.",
    fix: "Check the type and the dates; if the entity really breaks the typology, say so in a `note:`.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for entity in context.knowledge.entities {
      for spec in context.schema.properties.values.sorted(by: { $0.name < $1.name }) {
        guard let lifetime = spec.lifetime else { continue }
        for statement in current(entity.statements(of: spec.name)) {
          guard case .enumeration(let type) = statement.value, let bounds = lifetime.bounds[type],
            let start = firstDate(entity.statements(of: lifetime.start))
          else { continue }
          let end = firstDate(entity.statements(of: lifetime.end))
          let years = start.years(until: end ?? context.config.today)
          let span = "\(start)–\(end?.description ?? "today")"
          var problem: String?
          if let max = bounds.maxYears, years > max {
            problem =
              "\(entity.id) is \(type) (at most \(format(max)) years) but \(end == nil ? "has existed" : "existed") "
              + "\(format(years)) years (\(span))"
          } else if let min = bounds.minYears, let end, years < min {
            problem =
              "\(entity.id) is \(type) (at least \(format(min)) years) but existed \(format(years)) years "
              + "(\(start)–\(end))"
          }
          guard let problem else { continue }
          found.append(
            info.finding(
              problem, at: statement.valueLocation,
              notes: lifetime.citation.map { ["typology: \($0)"] } ?? []))
        }
      }
    }
    return found
  }

  private func current(_ statements: [Statement]) -> [Statement] {
    let live = statements.filter { $0.rank != .deprecated }
    let preferred = live.filter { $0.rank == .preferred }
    return preferred.isEmpty ? live : preferred
  }

  private func firstDate(_ statements: [Statement]) -> FactDate? {
    current(statements).lazy.compactMap(\.value.date).first
  }

  private func format(_ years: Double) -> String {
    let tenths = (years * 10).rounded() / 10
    return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
  }
}
