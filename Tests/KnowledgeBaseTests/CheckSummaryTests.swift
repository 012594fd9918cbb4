import BibModel
import Testing

@testable import KnowledgeBase

/// The check's counts by kind and by property agree with counting the statements one by one.
@Suite struct CheckSummaryTests {
  @Test func talliesCountEveryStatementOnce() {
    let synthetic = SyntheticKnowledgeBase.generate(statements: 600)
    let knowledge = KnowledgeLoader.load(synthetic.filter { $0.path.hasSuffix(".yaml") }, root: "Knowledge")
    let bibliography = Bibliography.read(synthetic.filter { $0.path.hasSuffix(".json") })
    let summary = Checker.check(knowledge, bibliography, config: CheckConfig(today: FactDate(year: 2026))).summary
    var kinds: [String: CheckSummary.Tally] = [:]
    var properties: [String: CheckSummary.Tally] = [:]
    for entity in knowledge.entities {
      kinds[entity.kind, default: CheckSummary.Tally()].entities += 1
      for statement in entity.statements {
        let sourced = !statement.references.isEmpty
        kinds[entity.kind, default: CheckSummary.Tally()].statements += 1
        properties[statement.property, default: CheckSummary.Tally()].statements += 1
        if sourced {
          kinds[entity.kind, default: CheckSummary.Tally()].sourced += 1
          properties[statement.property, default: CheckSummary.Tally()].sourced += 1
        }
      }
      for property in Set(entity.statements.map(\.property)) {
        properties[property, default: CheckSummary.Tally()].entities += 1
      }
    }
    #expect(summary.byKind == kinds)
    #expect(summary.byProperty == properties)
    #expect(summary.statements == knowledge.entities.reduce(0) { $0 + $1.statements.count })
    #expect(summary.sourcedStatements == properties.values.reduce(0) { $0 + $1.sourced })
    #expect(summary.statements > 500 && kinds.count >= 2 && properties.count >= 4)
    // Some entity states a property more than once, so the per-entity count is tested too.
    #expect(properties.values.contains { $0.statements > $0.entities })
  }
}
