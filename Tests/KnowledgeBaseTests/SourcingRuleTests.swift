import BibModel
import Testing

@testable import KnowledgeBase

@Suite struct SourcingRuleTests {
  @Test func unsourcedStatementFires() {
    let found = Fixture.findings(
      "unsourced-statement",
      lsg: """
          head:
            - value: xi

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:11:7"])
    #expect(found.first?.severity == .error)
  }

  @Test func unsourcedStatementRespectsExemptionsAndReferences() {
    let found = Fixture.findings(
      "unsourced-statement",
      lsg: """
          structure:
            - value: a chair and members
          head:
            - value: xi
              references:
                - source: book2010

        """)
    #expect(found.isEmpty)
  }

  @Test func unknownSourceSuggestsTheClosestKey() {
    let found = Fixture.findings(
      "unknown-source",
      lsg: """
          head:
            - value: xi
              references:
                - source: book2011
                - source: nothing-like-it

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:13:19", "kb/lsg/g.yaml:14:19"])
    #expect(found.first?.hint == "did you mean 'book2010'?")
    #expect(found.last?.hint == nil)
  }

  @Test func knownSourcesAreFine() {
    #expect(Fixture.findings("unknown-source", lsg: "").isEmpty)
  }

  @Test func corroborationWantsDistinctSources() {
    let found = Fixture.findings(
      "corroboration",
      lsg: """
          meeting-frequency:
            - value: monthly
              references:
                - source: book2010
                - source: book2010
            - value: weekly
              references:
                - source: book2010
                - source: article2014

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:11:7"])
    #expect(found.first?.severity == .warning)
  }

  @Test func viaOnlyFiresWhenEveryReferenceIsACopy() {
    let found = Fixture.findings(
      "via-only",
      lsg: """
          head:
            - value: xi
              references:
                - source: book2010
                  via: a repost
            - value: xi
              references:
                - source: book2010
                  via: a repost
                - source: article2014

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:11:7"])
    #expect(found.first?.notes == ["book2010 via a repost"])
  }

  @Test func webSourcesNeedAnAccessDate() {
    let found = Fixture.findings(
      "web-access-date",
      lsg: """
          head:
            - value: xi
              references:
                - source: blog2022
                - source: blog2022
                  retrieved: "2025-02-01"
                - source: web2020

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:13:19"])
  }

  @Test func uncitedSourcesAreInfo() {
    let result = Fixture.check(["kb/lsg/g.yaml": Fixture.lsg()])
    let found = result.findings.filter { $0.code == "uncited-source" }
    #expect(
      found.map(\.message) == [
        "source 'article2014' is never cited", "source 'blog2022' is never cited", "source 'web2020' is never cited",
      ])
    #expect(found.allSatisfy { $0.severity == .info && $0.location?.file == "bib.json" })
    #expect(found.first?.location?.line == 4)
  }
}

@Suite struct StatementIDRuleTests {
  @Test func duplicateStatementIDsAcrossFiles() {
    let other =
      "id: h\nkind: lsg\nlabels:\n  en: H\nstatements:\n  type:\n    - id: F1\n      value: permanent\n"
      + "      references:\n        - source: book2010\n"
    let result = Fixture.check([
      "kb/lsg/g.yaml": Fixture.lsg(
        "  head:\n    - id: F1\n      value: xi\n      references:\n        - source: book2010\n"),
      "kb/lsg/h.yaml": other,
    ])
    let found = result.findings.filter { $0.code == "duplicate-statement-id" }
    #expect(found.map(\.place) == ["kb/lsg/h.yaml:7:7"])
    #expect(found.first?.notes == ["first used at kb/lsg/g.yaml:11:7"])
  }

  @Test func distinctIDsAreFine() {
    let found = Fixture.findings(
      "duplicate-statement-id", lsg: "  head:\n    - id: F1-1\n      value: xi\n    - id: F1-2\n      value: xi\n")
    #expect(found.isEmpty)
  }
}
