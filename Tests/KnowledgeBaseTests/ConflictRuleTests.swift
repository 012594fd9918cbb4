import BibModel
import Testing

@testable import KnowledgeBase

@Suite struct ConflictRuleTests {
  @Test func overlappingValuesWithoutPreferenceConflict() {
    let result = Fixture.check([
      "kb/lsg/g.yaml": Fixture.lsg(
        """
          head:
            - value: xi
              references:
                - source: book2010
            - value: g
              references:
                - source: article2014
                - source: web2020

        """)
    ])
    let found = result.findings.filter { $0.code == "conflict" }
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:11:14"])
    #expect(
      found.first?.notes == [
        "xi at kb/lsg/g.yaml:11:14: book2010 (2010)", "g at kb/lsg/g.yaml:14:14: article2014 (2014), web2020 (2020)",
      ])
    #expect(result.summary.conflicts == 1)
  }

  @Test func rankResolvesAConflictAsInfo() {
    let result = Fixture.check([
      "kb/lsg/g.yaml": Fixture.lsg(
        """
          head:
            - value: xi
              references:
                - source: book2010
            - value: g
              rank: preferred
              references:
                - source: article2014

        """)
    ])
    #expect(result.findings.filter { $0.code == "conflict" }.isEmpty)
    let resolved = result.findings.filter { $0.code == "conflict-resolved" }
    #expect(resolved.map(\.place) == ["kb/lsg/g.yaml:14:14"])
    #expect(resolved.first?.severity == .info)
  }

  @Test func aDeprecatedRivalIsReportedAsResolvedWithItsReason() {
    let result = Fixture.check([
      "kb/lsg/g.yaml": Fixture.lsg(
        """
          head:
            - value: xi
              references:
                - source: book2010
            - value: g
              rank: deprecated
              reason: press speculation
              references:
                - source: article2014

        """)
    ])
    #expect(result.findings.filter { $0.code == "conflict" }.isEmpty)
    let resolved = result.findings.filter { $0.code == "conflict-resolved" }
    #expect(resolved.map(\.place) == ["kb/lsg/g.yaml:11:14"])
    #expect(resolved.first?.message.contains("g is deprecated (press speculation)") == true)
    #expect(result.summary.conflicts == 0)
  }

  @Test func aDeprecatedValueThatAgreesIsNoRival() {
    let result = Fixture.check([
      "kb/lsg/g.yaml": Fixture.lsg(
        """
          head:
            - value: xi
              references:
                - source: book2010
            - value: xi
              rank: deprecated
              reason: duplicate of a better-sourced statement
              references:
                - source: article2014

        """)
    ])
    #expect(result.findings.filter { $0.code.hasPrefix("conflict") }.isEmpty)
  }

  @Test func successiveValuesAndDeprecatedOnesDoNotConflict() {
    let found = Fixture.findings(
      "conflict",
      lsg: """
          head:
            - value: xi
              qualifiers:
                start: "1979"
                end: "1987"
              references:
                - source: book2010
            - value: g
              qualifiers:
                start: "1987"
              references:
                - source: book2010
            - value: h
              rank: deprecated
              reason: wrong
              references:
                - source: book2010
          established:
            - value: "1980"
              references:
                - source: book2010
            - value: "1980"
              references:
                - source: article2014
            - value: "1980-03"
              references:
                - source: article2014

        """)
    #expect(found.isEmpty)
  }

  @Test func datesOfDifferentMonthsConflict() {
    let found = Fixture.findings(
      "conflict",
      lsg: """
          established:
            - value: "1980-03"
              references:
                - source: book2010
            - value: "1980-04-02"
              references:
                - source: article2014

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:11:14"])
  }
}
