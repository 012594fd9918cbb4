import BibModel
import Testing

@testable import KnowledgeBase

@Suite struct SchemaRuleTests {
  @Test func unknownKind() {
    let file = Fixture.lsg(header: "id: g\nkind: lgs\nlabels:\n  en: G\n")
    let found = Fixture.check(["kb/lsg/g.yaml": file]).findings.filter { $0.code == "unknown-kind" }
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:2:7"])
    #expect(found.first?.hint == "did you mean 'lsg'?")
    #expect(Fixture.findings("unknown-kind", lsg: "").isEmpty)
  }

  @Test func unknownProperty() {
    let found = Fixture.findings(
      "unknown-property",
      lsg: """
          haed:
            - value: xi
              references:
                - source: book2010

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:10:3"])
    #expect(found.first?.hint == "did you mean 'head'?")
    #expect(Fixture.findings("unknown-property", lsg: "").isEmpty)
  }

  @Test func propertyNotForKind() {
    let found = Fixture.findings(
      "property-not-for-kind",
      lsg: """
          affiliation:
            - value: CCP
              references:
                - source: book2010

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:10:3"])
    #expect(Fixture.check([:]).findings.filter { $0.code == "property-not-for-kind" }.isEmpty)
  }

  @Test func valueTypeOfValuesAndQualifiers() {
    let found = Fixture.findings(
      "value-type",
      lsg: """
          established:
            - value: March 1980
              qualifiers:
                start: soon
              references:
                - source: book2010
          member-count:
            - value: "1.10"
              references:
                - source: book2010
          members:
            - value: xi
              references:
                - source: book2010

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:11:14", "kb/lsg/g.yaml:13:16", "kb/lsg/g.yaml:21:14"])
    #expect(found.first?.message == "established: 'March 1980' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
  }

  @Test func wellTypedValuesPass() {
    let found = Fixture.findings(
      "value-type",
      lsg: """
          established:
            - value: "1980-03"
              references:
                - source: book2010
          member-count:
            - value: 6
              references:
                - source: book2010
          members:
            - value: [xi]
              references:
                - source: book2010

        """)
    #expect(found.isEmpty)
  }

  @Test func valueNotAllowed() {
    let file = Fixture.lsg(
      header: "id: g\nkind: lsg\nlabels:\n  en: G\nstatements:\n  type:\n    - value: permanant\n"
        + "      references:\n        - source: book2010\n")
    let found = Fixture.check(["kb/lsg/g.yaml": file]).findings.filter { $0.code == "value-not-allowed" }
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:7:14"])
    #expect(found.first?.hint == "did you mean 'permanent'?")
    #expect(Fixture.findings("value-not-allowed", lsg: "").isEmpty)
  }

  @Test func unknownEntityInValuesListsAndQualifiers() {
    let found = Fixture.findings(
      "unknown-entity",
      lsg: """
          head:
            - value: xj
              references:
                - source: book2010
          members:
            - value: [xi, nobody]
              references:
                - source: book2010

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:11:14", "kb/lsg/g.yaml:15:19"])
    #expect(found.first?.hint == "did you mean 'xi'?")
  }

  @Test func entityKindMismatch() {
    let found = Fixture.findings(
      "entity-kind",
      lsg: """
          head:
            - value: g
              references:
                - source: book2010
            - value: xi
              references:
                - source: book2010

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:11:14"])
    #expect(found.first?.message == "head: 'g' is a lsg, not person")
  }

  @Test func deprecatedWithoutReason() {
    let found = Fixture.findings(
      "deprecated-without-reason",
      lsg: """
          head:
            - value: xi
              rank: deprecated
              references:
                - source: book2010
            - value: xi
              rank: deprecated
              reason: contradicted by article2014
              references:
                - source: book2010

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:11:7"])
  }

  @Test func missingExpectedProperty() {
    let file = "id: g\nkind: lsg\nlabels:\n  en: G\n"
    let found = Fixture.check(["kb/lsg/g.yaml": file]).findings.filter { $0.code == "missing-expected-property" }
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:2:7"])
    #expect(found.first?.severity == .warning)
    #expect(Fixture.findings("missing-expected-property", lsg: "").isEmpty)
  }
}
