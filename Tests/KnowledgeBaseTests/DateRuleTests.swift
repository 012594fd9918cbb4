import BibModel
import Testing

@testable import KnowledgeBase

@Suite struct DateRuleTests {
  @Test func anachronisticSource() {
    let found = Fixture.findings(
      "anachronistic-source",
      lsg: """
          head:
            - value: xi
              qualifiers:
                start: "2012-11"
              references:
                - source: book2010
                - source: article2014
            - value: xi
              rank: deprecated
              reason: a prediction
              qualifiers:
                start: "2012"
              references:
                - source: book2010
          established:
            - value: "2010"
              references:
                - source: book2010

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:15:19"])
    #expect(found.first?.message.contains("issued 2010") == true)
  }

  @Test func dateOrder() {
    let found = Fixture.findings(
      "date-order",
      lsg: """
          head:
            - value: xi
              qualifiers:
                start: "2012"
                end: "2010"
              references:
                - source: book2010
            - value: xi
              qualifiers:
                start: "2012-05"
                end: "2012"
              references:
                - source: book2010

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:14:14"])
    #expect(found.first?.severity == .error)
  }

  @Test func formerNamesEndingBeforeTheyStart() {
    let file =
      "id: g\nkind: lsg\nlabels:\n  en: G\nformer-names:\n  - labels:\n      en: Old\n"
      + "    start: \"2000\"\n    end: \"1999\"\n"
    let found = Fixture.check(["kb/lsg/g.yaml": file]).findings.filter { $0.code == "date-order" }
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:6:5"])
  }

  @Test func futureDates() {
    let found = Fixture.findings(
      "future-date",
      lsg: """
          established:
            - value: "2030"
              references:
                - source: book2010
                  retrieved: "2027-01-01"
            - value: "2025-12-31"
              references:
                - source: book2010
                  retrieved: "2026-01-01"

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:11:14", "kb/lsg/g.yaml:14:22"])
  }

  @Test func datePrecision() {
    let found = Fixture.findings(
      "date-precision",
      lsg: """
          established:
            - value: "2018-03"
              precision: day
              references:
                - source: book2010
            - value: "2018-03-05"
              precision: month
              references:
                - source: book2010
            - value: "2018"
              precision: decade
              references:
                - source: book2010
          head:
            - value: xi
              precision: year
              references:
                - source: book2010

        """)
    #expect(found.map(\.place) == ["kb/lsg/g.yaml:12:18", "kb/lsg/g.yaml:20:18", "kb/lsg/g.yaml:25:18"])
  }

  private func lifetimeFile(type: String, established: String, disbanded: String?) -> String {
    var text =
      "id: g\nkind: lsg\nlabels:\n  en: G\nstatements:\n  type:\n    - value: \(type)\n"
      + "      references:\n        - source: book2010\n"
      + "  established:\n    - value: \"\(established)\"\n      references:\n        - source: book2010\n"
    if let disbanded {
      text += "  disbanded:\n    - value: \"\(disbanded)\"\n      references:\n        - source: book2010\n"
    }
    return text
  }

  @Test func typeVersusLifetime() {
    func lifetime(_ type: String, _ start: String, _ end: String?) -> [Diagnostic] {
      Fixture.check(["kb/lsg/g.yaml": lifetimeFile(type: type, established: start, disbanded: end)])
        .findings.filter { $0.code == "type-lifetime" }
    }
    let tooLong = lifetime("medium-term", "1990", nil)
    #expect(tooLong.map(\.place) == ["kb/lsg/g.yaml:7:14"])
    #expect(tooLong.first?.notes == ["typology: Zhou Wang's typology"])
    #expect(lifetime("permanent", "2000", "2003").map(\.place) == ["kb/lsg/g.yaml:7:14"])
    #expect(lifetime("short-term", "2000", "2004").count == 1)
    #expect(lifetime("medium-term", "2000", "2005").isEmpty)
    #expect(lifetime("permanent", "1980", nil).isEmpty)
    #expect(lifetime("short-term", "2020-01", "2020-06").isEmpty)
  }
}
