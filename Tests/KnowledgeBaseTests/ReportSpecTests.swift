import BibModel
import KnowledgeBase
import Testing

/// The schema's `report:` section: what a report shows, read with positions like the rest.
@Suite struct ReportSpecTests {
  static func schema(_ report: String) -> Knowledge {
    KnowledgeLoader.load(
      [SourceFile(path: "kb/schema.yaml", text: "kinds:\n  river: {}\nreport:\n" + report)], root: "kb")
  }

  @Test func readsNamesAndEveryKindOfFigure() {
    let knowledge = Self.schema(
      """
        names:
          - {label: Native name, languages: [nb, nn]}
        figures:
          - {id: tributaries, type: hub, title: "The {count} tributaries", list: tributaries, kind: river}
          - id: course
            type: levels
            title: Course
            qualifier: extent
            levels:
              - {label: Source, show: [source, {property: source-height, prefix: "at "}]}
          - id: basin
            type: network
            title: Basin
            subject: {property: main, value: "true", prefer: rhine}
            relations: [flows-into]
            unnamed:
              flows-into: {lines: [mouth unknown]}
          - {id: dams, type: timeline, title: Dams, start: built, end: {property: removed, label: taken down}}
      """)
    #expect(knowledge.diagnostics.isEmpty, "\(knowledge.diagnostics)")
    let report = knowledge.schema.report
    #expect(report.names == [NameFormSpec(label: "Native name", languages: ["nb", "nn"])])
    #expect(report.figures.map(\.id) == ["tributaries", "course", "basin", "dams"])
    guard report.figures.count == 4 else { return }
    #expect(report.figures[0].drawing == .hub(FigureSpec.Hub(list: "tributaries", kind: "river")))
    #expect(
      report.figures[1].drawing
        == .levels(
          FigureSpec.Levels(
            levels: [
              FigureSpec.Level(
                label: "Source",
                show: [
                  FigureSpec.Shown(property: "source"), FigureSpec.Shown(property: "source-height", prefix: "at "),
                ])
            ], qualifier: "extent")))
    guard case .network(let network) = report.figures[2].drawing else {
      Issue.record("not a network: \(report.figures[2].drawing)")
      return
    }
    #expect(network.prefer == "rhine")
    #expect(network.unnamed.map(\.tooltip) == ["mouth unknown"])
    #expect(
      report.figures[3].drawing
        == .timeline(
          FigureSpec.Timeline(
            start: FigureSpec.Mark(property: "built"), end: FigureSpec.Mark(property: "removed", label: "taken down"))))
  }

  @Test func mistakesArePlacedAndTheFigureDropped() {
    let knowledge = Self.schema(
      """
        figures:
          - {id: x, type: pie, title: X}
          - {id: y, type: hub, title: Y}
          - {id: z, type: timeline, title: Z, start: a, end: b, colour: red}
      """)
    #expect(knowledge.diagnostics.map(\.place) == ["kb/schema.yaml:5:7", "kb/schema.yaml:6:7", "kb/schema.yaml:7:59"])
    #expect(knowledge.schema.report.figures.map(\.id) == ["z"])
  }

  @Test func pickPrefersTheListedTagsThenTheSameLanguageAndScript() {
    let form = NameFormSpec(label: "Characters", languages: ["zh-Hans", "zh"])
    #expect(
      form.pick(MultilingualText([.init(language: "zh", text: "乙"), .init(language: "zh-Hans", text: "甲")])) == "甲")
    #expect(
      form.pick(
        MultilingualText([.init(language: "zh-Latn-pinyin", text: "Jia"), .init(language: "zh-TW", text: "丙")])) == "丙")
    #expect(form.pick(MultilingualText([.init(language: "en", text: "A")])) == nil)
    #expect(NameFormSpec(label: "Pinyin", languages: ["zh-Latn-pinyin"]).isRomanization)
  }
}
