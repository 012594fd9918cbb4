import BibModel
import Testing

@testable import Reports

/// The index of sources labels each source through the CSL engine's embedded label style.
@Suite struct SourceLabelsTests {
  static let references: [Reference] = [
    Reference(
      id: "two", names: [.author: [Name(family: "Tsai", given: "Wen-Hsuan"), Name(family: "Zhou", given: "Wang")]],
      dates: [.issued: DateValue(year: 2019)]),
    Reference(
      id: "three",
      names: [.author: [Name(family: "Ostrom"), Name(family: "Gardner"), Name(family: "Walker")]],
      dates: [.issued: DateValue(year: 1990, month: 5)]),
    Reference(
      id: "edited", names: [.editor: [Name(family: "Hoff", given: "Jacobus", nonDroppingParticle: "van 't")]],
      dates: [.issued: DateValue(year: 1978)]),
    Reference(id: "wire", variables: [.containerTitle: "Reuters", .title: "A report"]),
    Reference(id: "untitled", variables: [.title: "Leading groups converted to commissions"]),
    Reference(
      id: "agency", names: [.author: [Name(literal: "World Health Organization")]],
      dates: [.issued: DateValue(literal: "in press")]),
  ]

  static var byKey: [String: Reference] { Dictionary(uniqueKeysWithValues: references.map { ($0.id, $0) }) }

  @Test func labelsAreShortAuthorAndYear() {
    let labels = SourceLabels.labels(Self.references.map(\.id), references: Self.byKey)
    #expect(labels["two"] == "Tsai and Zhou 2019")
    #expect(labels["three"] == "Ostrom et al. 1990")
    #expect(labels["edited"] == "van ’t Hoff 1978")
    #expect(labels["wire"] == "Reuters n.d.")
    #expect(labels["untitled"] == "Leading groups converted to commissions n.d.")
    #expect(labels["agency"] == "World Health Organization in press")
  }

  @Test func unknownKeysGetNoLabel() {
    let labels = SourceLabels.labels(["two", "missing"], references: Self.byKey)
    #expect(labels.count == 1)
    #expect(labels["missing"] == nil)
    #expect(SourceLabels.labels([], references: Self.byKey).isEmpty)
  }

  @Test func embeddedStyleIsCleanCSL() {
    let (renderer, diagnostics) = CSLEngineRenderer.make(
      styleText: SourceLabels.style, file: "cited-source-label.csl", locale: nil, references: Self.references)
    #expect(renderer != nil)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
  }
}
