import BibModel
import PandocFilter
import Testing

/// `cited-check`: citation problems with the text around them; `strict` refuses.
@Suite struct PandocCheckTests {
  typealias F = PandocFixtures

  static func document(check: String) -> String {
    F.document(
      meta: [#""cited-check":\#(F.metaString(check))"#, #""nocite":\#(F.metaString("@gone"))"#],
      F.para(
        F.str("Policy"), F.space, F.str("changed"), F.space, F.cite(F.citation("nobody"), F.citation("smith")),
        F.space, F.str("in"), F.space, F.str("2008.")),
      F.para(F.str("Later"), F.space, F.cite(F.citation("nobody"))))
  }

  @Test func reportsEachUnknownCitationWithItsText() throws {
    let output = try F.filter.process(try PandocDocument.read(Array(Self.document(check: "true").utf8)))
    #expect(!output.refused)
    let checks = output.warnings.filter { $0.hasPrefix("check:") }
    #expect(checks.count == 3)
    #expect(checks[0].contains("nobody") && checks[0].contains("Policy changed [@nobody; @smith] in 2008."))
    #expect(checks[1].contains("Later [@nobody]"))
    #expect(checks[2].contains("gone"))
    // The document is still rendered.
    #expect(F.citeTexts(output.document).first?.contains("Smith") == true)
  }

  @Test func strictRefusesAndCleanDocumentsPass() throws {
    let refused = try F.filter.process(try PandocDocument.read(Array(Self.document(check: "strict").utf8)))
    #expect(refused.refused)
    let clean = F.document(
      meta: [#""cited-check":\#(F.metaString("strict"))"#], F.para(F.cite(F.citation("smith"))))
    let output = try F.filter.process(try PandocDocument.read(Array(clean.utf8)))
    #expect(!output.refused && output.warnings.isEmpty)
  }

  @Test func reportsACitedSourceCheckWouldFlagWithItsFirstCitation() throws {
    let flawed = CSLJSON.read(
      """
      [{"id": "weak", "type": "article-journal", "author": [{"family": "Roe", "given": "Rick"}],
        "title": "Weak", "issued": {"date-parts": [[2001, 2, 30]]}}]
      """, file: "flawed.json"
    ).references
    let filter = PandocCiteproc(loadReferences: { _ in (F.references + flawed, []) })
    let json = F.document(
      meta: [#""cited-check":\#(F.metaString("strict"))"#],
      F.para(F.str("First"), F.space, F.cite(F.citation("weak"), F.citation("smith"))),
      F.para(F.str("Again"), F.space, F.cite(F.citation("weak"))))
    let output = try filter.process(try PandocDocument.read(Array(json.utf8)))
    let checks = output.warnings.filter { $0.hasPrefix("check: cited source") }
    #expect(checks.count == 2)  // smith is clean; weak has two problems, reported once each
    #expect(checks.allSatisfy { $0.contains("'weak'") && $0.contains("First [@weak; @smith]") })
    #expect(checks.contains { $0.contains("without 'container-title' [missing-field]") })
    #expect(checks.contains { $0.contains("[invalid-date]") })
    #expect(output.refused)
  }

  @Test func withoutCheckAnUnknownKeyIsOneWarning() throws {
    let json = Self.document(check: "false")
    let output = try F.filter.process(try PandocDocument.read(Array(json.utf8)))
    #expect(output.warnings.filter { $0.contains("nobody") } == ["citation nobody not found"])
    #expect(!output.refused)
  }
}
