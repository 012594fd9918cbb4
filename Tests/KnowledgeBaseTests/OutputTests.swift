import BibModel
import Testing

@testable import KnowledgeBase

@Suite struct OutputTests {
  static let result = Fixture.check([
    "kb/lsg/g.yaml": Fixture.lsg(
      """
        head:
          - value: xi
            references:
              - source: book2011

      """)
  ])

  @Test func textQuotesTheLineWithACaret() {
    let source = Fixture.lsg(
      """
        head:
          - value: xi
            references:
              - source: book2011

      """)
    let text = TextReport.render(Self.result, sources: ["kb/lsg/g.yaml": source])
    #expect(
      text.contains(
        """
        kb/lsg/g.yaml
          13:19: error: unknown citation key 'book2011' [unknown-source]
            13 |         - source: book2011
               |                   ^
              hint: did you mean 'book2010'?
        """))
    #expect(text.contains("entities: 2, statements: 3, sources: 4 (1 cited), statements without a source: 0"))
  }

  @Test func sarifHasTheRequiredShape() throws {
    let text = SARIFReport.render(Self.result)
    let root = try JSONParser.parse(Array(text.utf8))
    let object = try #require(root.objectValue)
    #expect(object["version"] == .string("2.1.0"))
    #expect(object["$schema"]?.stringValue?.hasPrefix("https://") == true)
    let run = try #require(object["runs"]?.arrayValue?.first?.objectValue)
    let driver = try #require(run["tool"]?.objectValue?["driver"]?.objectValue)
    #expect(driver["name"] == .string("cited"))
    let ruleIDs = driver["rules"]?.arrayValue?.compactMap { $0.objectValue?["id"]?.stringValue } ?? []
    #expect(ruleIDs.contains("unknown-source") && ruleIDs.contains("yaml-alias"))
    let results = try #require(run["results"]?.arrayValue)
    let first = try #require(results.compactMap(\.objectValue).first { $0["ruleId"] == .string("unknown-source") })
    #expect(first["level"] == .string("error"))
    let physical = first["locations"]?.arrayValue?.first?.objectValue?["physicalLocation"]?.objectValue
    #expect(physical?["artifactLocation"]?.objectValue?["uri"] == .string("kb/lsg/g.yaml"))
    #expect(physical?["region"]?.objectValue?["startLine"] == .number("13"))
    #expect(physical?["region"]?.objectValue?["startColumn"] == .number("19"))
    let levels = Set(results.compactMap { $0.objectValue?["level"]?.stringValue })
    #expect(levels.isSubset(of: ["error", "warning", "note"]))
  }

  @Test func githubAnnotations() {
    let text = GitHubAnnotations.render(Self.result)
    #expect(
      text.contains(
        "::error file=kb/lsg/g.yaml,line=13,col=19,title=unknown-source::unknown citation key 'book2011' "
          + "(did you mean 'book2010'?)\n"))
    #expect(text.contains("::notice file=bib.json"))
    #expect(GitHubAnnotations.escapeData("50%\na") == "50%25%0Aa")
    #expect(GitHubAnnotations.escapeProperty("a:b,c") == "a%3Ab%2Cc")
  }

  @Test func jsonReport() throws {
    let root = try JSONParser.parse(Array(JSONReport.render(Self.result).utf8))
    let findings = root.objectValue?["findings"]?.arrayValue ?? []
    let first = findings.compactMap(\.objectValue).first { $0["rule"] == .string("unknown-source") }
    #expect(first?["line"] == .number("13"))
    #expect(root.objectValue?["summary"]?.objectValue?["statements"] == .number("3"))
  }

  @Test func coverageFindsGapsBusySourcesAndSecondaryOnlyStatements() {
    let knowledge = KnowledgeLoader.load(
      [
        SourceFile(path: "kb/schema.yaml", text: Fixture.schema),
        SourceFile(
          path: "kb/g.yaml",
          text: Fixture.lsg(
            """
              head:
                - value: xi
              established:
                - value: "1980"
                  references:
                    - source: blog2022
                    - source: web2020

            """)),
      ], root: "kb")
    let bibliography = Bibliography.read([SourceFile(path: "bib.json", text: Fixture.bibliography)])
    let context = CheckContext(
      knowledge: knowledge, bibliography: bibliography, config: CheckConfig(today: Fixture.today))
    let coverage = CoverageReport(context)
    #expect(coverage.gaps.map { "\($0.entity).\($0.property)@\($0.location.line)" } == ["g.head@11"])
    #expect(coverage.busiestSources.first?.key == "blog2022" || coverage.busiestSources.first?.key == "book2010")
    #expect(coverage.secondaryOnly.map(\.statement) == ["g.established #1"])
    var config = CheckConfig(today: Fixture.today)
    config.secondarySourceTypes = ["webpage"]
    let narrower = CoverageReport(CheckContext(knowledge: knowledge, bibliography: bibliography, config: config))
    #expect(narrower.secondaryOnly.isEmpty)
  }

  @Test func kbShowFormatsSources() {
    let knowledge = KnowledgeLoader.load(
      [SourceFile(path: "kb/schema.yaml", text: Fixture.schema), SourceFile(path: "kb/p.yaml", text: Fixture.people)],
      root: "kb")
    let bibliography = Bibliography.read([SourceFile(path: "bib.json", text: Fixture.bibliography)])
    guard let entity = knowledge.entity("xi") else {
      Issue.record("no entity")
      return
    }
    let text = EntityFormatter.show(entity, knowledge: knowledge, bibliography: bibliography)
    #expect(text.contains("affiliation\n  • CCP\n      ← [book2010] 2010. A Book\n"))
    #expect(EntityFormatter.list(knowledge) == "ID  KIND    LABEL  STATEMENTS\nxi  person  Xi     1\n")
  }
}
