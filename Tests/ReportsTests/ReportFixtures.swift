import BibModel
import KnowledgeBase

@testable import Reports

/// A small knowledge base and bibliography for the report tests, written inline.
enum ReportFixtures {
  static let schema = """
    kinds:
      lsg:
        label: Leading small group
        expects: [type, level]
      person:
        label: Person
      system:
        label: System
      category:
        label: LSG category
    properties:
      type:
        label: type
        kinds: [lsg]
        type: enum
        values: [permanent, short-term]
        single-valued: true
      level:
        label: level
        kinds: [lsg]
        type: enum
        values: [central, provincial]
        single-valued: true
      head:
        label: leader
        kinds: [lsg]
        type: entity
        entity-kinds: [person]
        single-valued: true
      established:
        label: established
        kinds: [lsg]
        type: date
        single-valued: true
      disbanded:
        label: disbanded
        kinds: [lsg]
        type: date
        single-valued: true
      cross-sectional:
        label: cross-sectional
        kinds: [lsg]
        type: enum
        values: ["true", "false"]
      motto:
        label: motto
        kinds: [lsg]
        type: text
        sourced: false
      typical-head:
        label: typical leader
        kinds: [system]
        type: text
      categories:
        label: categories
        kinds: [system]
        type: list
        element-type: entity
        entity-kinds: [category]
    report:
      names:
        - label: Characters
          languages: [zh-Hans, zh-Hant, zh]
        - label: Pinyin
          languages: [zh-Latn-pinyin]
      figures:
        - {id: categories, type: hub, title: "The {count} categories", list: categories, kind: category}
        - id: structure
          type: levels
          title: A typical group
          levels:
            - {label: Leader, show: [typical-head]}
        - id: network
          type: network
          title: A cross-sectional group
          subject: {property: cross-sectional, value: "true"}
          relations: [head]
        - {id: timeline, type: timeline, title: Lifetimes, start: established, end: disbanded}
    """

  static func entity(_ id: String, _ text: String) -> SourceFile { SourceFile(path: "kb/\(id).yaml", text: text) }

  static func knowledge(extra: [SourceFile] = []) -> Knowledge {
    let files =
      [
        SourceFile(path: "kb/schema.yaml", text: schema),
        entity(
          "alpha",
          """
          id: alpha
          kind: lsg
          labels:
            en: Alpha Commission
            zh-Hans: 阿尔法委员会
            zh-Latn-pinyin: Aerfa Weiyuanhui
          statements:
            type:
              - value: permanent
                references:
                  - source: smith2004
                    locator: "33"
            established:
              - value: "1990-03"
                references:
                  - source: doe2010
            head:
              - value: bob
                references:
                  - source: smith2004
                  - source: doe2010
              - value: carol
                references:
                  - source: doe2010
            cross-sectional:
              - value: "true"
                references:
                  - source: smith2004
            motto:
              - value: Nobody wrote this down
          """),
        entity(
          "beta",
          """
          id: beta
          kind: lsg
          labels:
            en: Beta Group
          statements:
            established:
              - value: "2003"
                references:
                  - source: smith2004
            disbanded:
              - value: "2005"
                references:
                  - source: smith2004
                    via: a mirror
          """),
        entity("bob", "id: bob\nkind: person\nlabels:\n  en: Bob Example\n"),
        entity("carol", "id: carol\nkind: person\nlabels:\n  en: Carol Example\n"),
        entity(
          "sys",
          """
          id: sys
          kind: system
          labels:
            en: The groups
          statements:
            typical-head:
              - value: the party secretary
                references:
                  - source: doe2010
            categories:
              - value: [econ]
                references:
                  - source: doe2010
          """),
        entity("econ", "id: econ\nkind: category\nlabels:\n  en: Economy\n  zh-Hans: 财经\n"),
      ] + extra
    return KnowledgeLoader.load(files, root: "kb")
  }

  static let references = [
    Reference(
      id: "smith2004", type: "book", variables: ["title": "Leading Groups", "publisher": "Press"],
      names: ["author": [Name(family: "Smith", given: "Ann")]], dates: ["issued": DateValue(year: 2004)]),
    Reference(
      id: "doe2010", type: "article-journal", variables: ["title": "Small Groups", "container-title": "Journal"],
      names: ["author": [Name(family: "Doe", given: "Jo")]], dates: ["issued": DateValue(year: 2010)]),
    Reference(id: "uncited", type: "book", variables: ["title": "Nobody Cites Me"]),
  ]

  static func report(
    _ knowledge: Knowledge, references: [Reference] = references, notes: Bool = false, format: DocumentFormat
  ) throws -> Report.Result {
    Report.build(
      knowledge: knowledge, references: references, renderer: try engine(notes: notes, references: references),
      format: format)
  }

  /// The CSL engine with Cited's bundled author-date or notes style (the styles are embedded,
  /// so this does not depend on the working directory).
  static func engine(notes: Bool = false, references: [Reference]) throws -> CSLEngineRenderer {
    try StyleChoice.renderer(
      for: notes ? "notes" : "author-date", locale: nil, references: references,
      catalog: InputFiles.catalog(project: nil), locales: InputFiles.locales(project: nil)
    ).0
  }
}
