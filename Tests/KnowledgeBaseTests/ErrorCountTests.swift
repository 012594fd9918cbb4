import BibModel
import Foundation
import Testing

@testable import KnowledgeBase

/// `Checker.errorCount`, which the report's warning uses, runs only the rules that can report an
/// error: it must count exactly the errors of a whole check, under any configuration.
@Suite struct ErrorCountTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let repository = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Knowledge bases with errors, warnings and notes of many rules.
  static func cases() throws -> [(Knowledge, Bibliography)] {
    var cases: [(Knowledge, Bibliography)] = []
    for (knowledge, bibliography) in [
      (fixtures.path + "/broken/Knowledge", fixtures.path + "/broken/Bibliography/sources.json"),
      (repository.path + "/Knowledge", repository.path + "/Bibliography/lsg-sources.json"),
    ] {
      let (loaded, _) = try KnowledgeDirectory.load(knowledge)
      let read = Bibliography.read([SourceFile(path: bibliography, text: try KnowledgeDirectory.read(bibliography))])
      cases.append((loaded, read))
    }
    let synthetic = SyntheticKnowledgeBase.generate(statements: 600)
    let files = synthetic.filter { $0.path.hasSuffix(".yaml") }
    let sources = synthetic.filter { $0.path.hasSuffix(".json") }
    cases.append((KnowledgeLoader.load(files, root: "Knowledge"), Bibliography.read(sources)))
    return cases
  }

  /// Every rule id raised to error, and the default severities.
  static let configurations: [CheckConfig] = {
    let today = FactDate(year: 2026, month: 11, day: 29)
    let everything = Dictionary(uniqueKeysWithValues: Checker.catalog.map { ($0.id, Severity.error) })
    let errorRules = Checker.rules.map(\.info).filter { $0.severity == .error }.map(\.id)
    return [
      CheckConfig(today: today),
      CheckConfig(severities: everything, today: today),
      CheckConfig(disabled: Set(errorRules.prefix(3)), severities: ["conflict": .error], today: today),
      CheckConfig(
        severities: Dictionary(uniqueKeysWithValues: errorRules.map { ($0, Severity.warning) }), today: today),
    ]
  }()

  @Test func countsTheErrorsOfAWholeCheck() throws {
    var seen = Set<Int>()
    for (knowledge, bibliography) in try Self.cases() {
      for config in Self.configurations {
        let full = Checker.check(knowledge, bibliography, config: config).findings.filter { $0.severity == .error }
        #expect(Checker.errorCount(knowledge, bibliography, config: config) == full.count)
        seen.insert(full.count)
      }
    }
    // The cases differ: the counts are not all zero.
    #expect(seen.count > 2)
  }

  /// What `errorCount` rests on: a rule reports its own identifier at its default severity.
  @Test func everyRuleReportsItsOwnIdentifierAtItsSeverity() throws {
    for (knowledge, bibliography) in try Self.cases() {
      let context = CheckContext(
        knowledge: knowledge, bibliography: bibliography, config: CheckConfig(today: FactDate(year: 2026)))
      for rule in Checker.rules.dropFirst() {
        for finding in rule.check(context) {
          #expect(finding.code == rule.info.id && finding.severity == rule.info.severity, "\(finding)")
        }
      }
    }
  }
}
