import BibModel
import Testing

@testable import KnowledgeBase

@Suite struct ConfigTests {
  @Test func readsDisableAndSeverity() {
    let text = "check:\n  disable: [uncited-source]\n  severity:\n    unsourced-statement: warning\n"
    let (config, problems) = CheckConfig.read(text, file: ".cited.yaml", base: CheckConfig(today: Fixture.today))
    #expect(problems.isEmpty)
    #expect(config.disabled == ["uncited-source"])
    let result = Fixture.check(["kb/lsg/g.yaml": Fixture.lsg("  head:\n    - value: xi\n")], config: config)
    #expect(result.findings.filter { $0.code == "uncited-source" }.isEmpty)
    #expect(result.findings.first { $0.code == "unsourced-statement" }?.severity == .warning)
    #expect(result.summary.errors == 0)
  }

  @Test func reportsUnknownRulesAndLevels() {
    let text = "check:\n  disable: [uncited-sources]\n  severity:\n    conflict: fatal\n"
    let (_, problems) = CheckConfig.read(text, file: ".cited.yaml", base: CheckConfig(today: Fixture.today))
    #expect(problems.map(\.place) == [".cited.yaml:2:13", ".cited.yaml:4:15"])
    #expect(problems.first?.hint == "did you mean 'uncited-source'?")
  }

  @Test func everyRuleHasAUniqueIdAndDocumentation() {
    let ids = Checker.catalog.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(Checker.catalog.allSatisfy { !$0.summary.isEmpty && !$0.fix.isEmpty })
  }
}
