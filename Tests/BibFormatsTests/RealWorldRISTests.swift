import BibModel
import Testing

@testable import BibFormats

/// RIS as Ovid, Embase, Scopus, Web of Science and PubMed write it.
@Suite struct RealWorldRISTests {
  func read(_ text: String) -> BibReadResult { readText(text, .ris, file: "x.ris") }

  @Test func linesAfterERBelongToThePreviousRecord() throws {
    let text = """
      TY  - JOUR
      AU  - Smith, Ann
      TI  - First
      ER  - 
      NL  - https://ovidsp.example/link1

      TY  - JOUR
      TI  - Second
      ER  - 
      NL  - https://ovidsp.example/link2
      """
    let result = read(text)
    #expect(result.references.count == 2)
    #expect(result.references[0]["ris:NL"] == "https://ovidsp.example/link1")
    #expect(result.references[1]["ris:NL"] == "https://ovidsp.example/link2")
    #expect(result.diagnostics.allSatisfy { $0.severity < .error })
  }

  @Test func recordsWithoutTYAreReadAsGeneric() throws {
    let text = "AU  - Doe, Jane\nTI  - No Type\nPY  - 2001\nER  - \nTY  - BOOK\nTI  - Typed\nER  - \n"
    let result = read(text)
    #expect(result.references.map(\.id) == ["doe2001no", "anonndtyped"])
    #expect(result.references[0].type == "document")
    #expect(result.references[0]["title"] == "No Type")
    let warning = try #require(result.diagnostics.first { $0.code == "ris-missing-ty" })
    #expect(warning.location?.line == 1)
  }

  @Test func carriageReturnOnlyLineEndsAndOneSpaceTags() {
    let result = read("TY - JOUR\rTI - Old Mac\rAU - Doe, J.\rER - \r")
    #expect(result.references.first?["title"] == "Old Mac")
    #expect(result.references.first?.names["author"]?.first?.family == "Doe")
  }

  @Test func webOfScienceTaggedFormat() throws {
    let text = """
      FN Clarivate Analytics Web of Science
      VR 1.0
      PT J
      AU Milazzo, A
         Rossi, B
      AF Milazzo, Anna
         Rossi, Bruno
      TI Bridges over
         troubled water
      SO JOURNAL OF BRIDGES
      DE steel; arches
      PY 2017
      VL 12
      IS 3
      BP 100
      EP 110
      DI 10.1000/bridge.1
      UT WOS:000123456700001
      ER

      PT B
      AU Doe, J
      TI A Book
      PY 2001
      ER

      EF
      """
    let result = read(text)
    #expect(result.references.count == 2)
    let article = try #require(result.references.first)
    #expect(article.id == "milazzo2017bridges")
    #expect(article.type == "article-journal")
    #expect(article.names["author"]?.map(\.given) == ["Anna", "Bruno"])
    #expect(article["title"] == "Bridges over troubled water")
    #expect(article["container-title"] == "JOURNAL OF BRIDGES")
    #expect(article["page"] == "100-110")
    #expect(article["DOI"] == "10.1000/bridge.1")
    #expect(article["keyword"] == "steel, arches")
    #expect(article.dates["issued"]?.year == 2017)
    #expect(result.references[1].type == "book")
    #expect(BibFormats.sniff(Substring(text)) == .ris)
  }

  @Test func pubMedMedlineFormat() throws {
    let text = """
      PMID- 31234567
      OWN - NLM
      TI  - Steel bridges and
            their arches.
      PG  - 100-10
      DP  - 2019 Mar 15
      FAU - Milazzo, Anna
      AU  - Milazzo A
      FAU - Rossi, Bruno
      AU  - Rossi B
      LA  - eng
      PT  - Journal Article
      TA  - J Bridges
      JT  - Journal of bridges
      VI  - 12
      IP  - 3
      IS  - 1234-5678 (Electronic)
      AID - 10.1000/bridge.2 [doi]
      PMC - PMC7654321
      OT  - steel

      PMID- 31234568
      TI  - Second.
      AU  - Doe J
      DP  - 2020
      """
    let result = read(text)
    #expect(result.references.count == 2)
    let first = try #require(result.references.first)
    #expect(first["PMID"] == "31234567")
    #expect(first["PMCID"] == "PMC7654321")
    #expect(first["DOI"] == "10.1000/bridge.2")
    #expect(first["title"] == "Steel bridges and their arches.")
    #expect(first["container-title"] == "Journal of bridges")
    #expect(first["container-title-short"] == "J Bridges")
    #expect(first["page"] == "100-10")
    #expect(first["ISSN"] == "1234-5678")
    #expect(first["language"] == "en")
    #expect(first.dates["issued"] == DateValue(year: 2019, month: 3, day: 15))
    #expect(first.names["author"]?.map(\.family) == ["Milazzo", "Rossi"])
    #expect(result.references[1].names["author"] == [Name(family: "Doe", given: "J")])
    #expect(BibFormat.guess(fromPath: "pubmed-export.nbib") == .ris)
  }
}
