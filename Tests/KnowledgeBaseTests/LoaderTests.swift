import BibModel
import Testing

@testable import KnowledgeBase

@Suite struct LoaderTests {
  @Test func aBadStatementCostsOnlyThatStatement() {
    let result = Fixture.check([
      "kb/lsg/g.yaml": Fixture.lsg(
        """
          head:
            - rank: preferred
            - value: xi
              unknown-value: true
            - value:
              references:
                - source: book2010
            - value: xi
              refrences: []
              references:
                - source: book2010
                - 12

        """)
    ])
    let structure = result.findings.filter { $0.code == "kb-structure" }
    #expect(
      structure.map(\.place) == [
        "kb/lsg/g.yaml:11:7", "kb/lsg/g.yaml:12:7", "kb/lsg/g.yaml:14:7", "kb/lsg/g.yaml:18:7",
        "kb/lsg/g.yaml:21:11",
      ])
    #expect(structure[2].message.hasPrefix("'value' is empty"))
    #expect(structure[3].hint == "did you mean 'references'?")
    #expect(result.summary.statements == 3)  // with the clean `type` and the person's statement
  }

  @Test func aBadFileCostsOnlyThatFile() {
    let result = Fixture.check([
      "kb/lsg/g.yaml": Fixture.lsg(),
      "kb/lsg/bad.yaml": "id: bad\nkind: lsg\nid: again\n",
      "kb/lsg/noid.yaml": "kind: lsg\nlabels:\n  en: X\n",
    ])
    #expect(result.findings.filter { $0.code == "yaml-duplicate-key" }.map(\.place) == ["kb/lsg/bad.yaml:3:1"])
    #expect(result.findings.filter { $0.code == "kb-structure" }.map(\.place) == ["kb/lsg/noid.yaml:1:1"])
    #expect(result.summary.entities == 2)
  }

  @Test func emptyEntityFilesAreReported() {
    let result = Fixture.check(["kb/lsg/empty.yaml": "# nothing yet\n", "kb/lsg/null.yaml": "~\n"])
    let found = result.findings.filter { $0.code == "kb-structure" }
    #expect(found.map(\.place) == ["kb/lsg/empty.yaml:1:1", "kb/lsg/null.yaml:1:1"])
  }

  @Test func duplicateEntityIds() {
    let result = Fixture.check(["kb/lsg/g.yaml": Fixture.lsg(), "kb/lsg/h.yaml": Fixture.lsg()])
    let found = result.findings.filter { $0.code == "duplicate-entity" }
    #expect(found.map(\.place) == ["kb/lsg/h.yaml:1:1"])
    #expect(found.first?.notes == ["first defined at kb/lsg/g.yaml:1:1"])
  }

  @Test func readsTheWholeFormat() throws {
    let knowledge = KnowledgeLoader.load(
      [
        SourceFile(path: "kb/schema.yaml", text: Fixture.schema),
        SourceFile(
          path: "kb/g.yaml",
          text: """
            id: g
            kind: lsg
            labels:
              en: Group
              zh-Hans: 小组
            aliases:
              en: [The Group, G]
            former-names:
              - labels:
                  en: Old Group
                end: "2018-03"
            description: A group.
            statements:
              head:
                - id: F1
                  value: xi
                  rank: preferred
                  qualifiers:
                    start: "2013"
                    occasion: a meeting
                  note: checked
                  references:
                    - source: book2010
                      locator: "15"
                      label: page
                      quote: "Xi chairs"
                      retrieved: "2024-01-02"
                      via: a mirror
                      note: first-hand
              established:
                - unknown-value: true
                  references:
                    - source: book2010
              disbanded:
                - no-value: true
                  references:
                    - source: book2010

            """),
      ], root: "kb")
    #expect(knowledge.diagnostics.isEmpty)
    let entity = try #require(knowledge.entity("g"))
    #expect(entity.labels["zh-Hans"] == "小组")
    #expect(entity.aliases.forms.map(\.text) == ["The Group", "G"])
    #expect(entity.formerNames.first?.end == FactDate(year: 2018, month: 3))
    let head = try #require(entity.statements.first)
    #expect(head.value == .entity("xi"))
    #expect(head.id == "F1")
    #expect(head.rank == .preferred)
    #expect(head.qualifier("start")?.value == .date(FactDate(year: 2013)))
    #expect(head.qualifier("occasion")?.value == .text("a meeting"))
    let reference = try #require(head.references.first)
    #expect(reference.locator == "15")
    #expect(reference.retrieved == FactDate(year: 2024, month: 1, day: 2))
    #expect(reference.via == "a mirror")
    #expect(reference.sourceLocation == SourceLocation(file: "kb/g.yaml", line: 23, column: 19))
    #expect(entity.statements.map(\.value) == [.entity("xi"), .unknownValue, .noValue])
  }

  @Test func missingSchemaIsReported() {
    let knowledge = KnowledgeLoader.load([SourceFile(path: "kb/g.yaml", text: Fixture.lsg())], root: "kb")
    #expect(knowledge.diagnostics.map(\.place) == ["kb/schema.yaml"])
  }

  @Test func schemaMistakesArePlaced() {
    let knowledge = KnowledgeLoader.load(
      [
        SourceFile(
          path: "kb/schema.yaml",
          text: "kinds:\n  lsg: {}\nproperties:\n  head:\n    type: entiy\n"
            + "    singel-valued: true\n")
      ], root: "kb")
    #expect(knowledge.diagnostics.map(\.place) == ["kb/schema.yaml:5:11"])
    #expect(knowledge.schema.properties["head"] == nil)
  }

  @Test func yearsBetweenDates() {
    #expect(abs(FactDate(year: 1999, month: 12).years(until: FactDate(year: 2000, month: 1)) - 1.0 / 12) < 1e-9)
    #expect(FactDate(year: 2000).years(until: FactDate(year: 2003, month: 7)) == 3.5)
    #expect(FactDate(year: 2003).years(until: FactDate(year: 2000)) == -3)
  }

  @Test func datesParseStrictly() {
    #expect(FactDate.parse("1980-03") == FactDate(year: 1980, month: 3))
    #expect(FactDate.parse("-0044") == FactDate(year: -44))
    #expect(FactDate.parse("2023-02-29") == nil)
    #expect(FactDate.parse("1980-3") == nil)
    #expect(FactDate.parse("March 1980") == nil)
  }
}
