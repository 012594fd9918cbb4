import BibModel
import KnowledgeBase

/// A small knowledge base for the rule tests: a schema, a person, and an LSG file whose first
/// statement (lines 6-9) is clean; `lsg(_:)` appends statements from line 10 on.
enum Fixture {
  static let schema = """
    kinds:
      lsg:
        label: LSG
        expects: [type]
      person:
        label: Person
    properties:
      type:
        kinds: [lsg]
        type: enum
        values: [permanent, medium-term, short-term]
        single-valued: true
        lifetime:
          start: established
          end: disbanded
          citation: Zhou Wang's typology
          values:
            permanent: {min-years: 10}
            medium-term: {min-years: 1, max-years: 10}
            short-term: {max-years: 1}
      head:
        kinds: [lsg]
        type: entity
        entity-kinds: [person]
        single-valued: true
      established: {kinds: [lsg], type: date, single-valued: true}
      disbanded: {kinds: [lsg], type: date, single-valued: true}
      structure: {type: text, sourced: false}
      meeting-frequency: {kinds: [lsg], type: text, corroboration: 2}
      members: {kinds: [lsg], type: list, element-type: entity, entity-kinds: [person]}
      member-count: {kinds: [lsg], type: number}
      affiliation: {kinds: [person], type: text}

    """

  static let bibliography = """
    [
      {"id": "book2010", "type": "book", "title": "A Book", "issued": {"date-parts": [[2010]]},
       "number-of-pages": "300"},
      {"id": "article2014", "type": "article-journal", "title": "An Article", "issued": {"date-parts": [[2014]]},
       "page": "14-28", "DOI": "10.1017/S0305741014000290"},
      {"id": "blog2022", "type": "post-weblog", "title": "A post", "URL": "https://example.org/post",
       "issued": {"date-parts": [[2022, 2, 1]]}},
      {"id": "web2020", "type": "webpage", "title": "A page", "URL": "https://example.org/page",
       "accessed": {"date-parts": [[2021, 1, 1]]}, "issued": {"date-parts": [[2020]]}}
    ]

    """

  static let people = """
    id: xi
    kind: person
    labels:
      en: Xi
    statements:
      affiliation:
        - value: CCP
          references:
            - source: book2010

    """

  /// An LSG entity `g` in `kb/lsg/g.yaml`; `statements` are property blocks indented by two
  /// spaces and start at line 10.
  static func lsg(_ statements: String = "", header: String? = nil) -> String {
    (header ?? """
      id: g
      kind: lsg
      labels:
        en: Group
      statements:
        type:
          - value: permanent
            references:
              - source: book2010

      """) + statements
  }

  static let today = FactDate(year: 2026, month: 1, day: 1)

  /// Loads the files (paths under `kb/`) and the bibliography, and checks them.
  static func check(
    _ files: [String: String], bibliography: String = Fixture.bibliography, config: CheckConfig? = nil
  ) -> Checker.Result {
    var all = files
    if all["kb/schema.yaml"] == nil { all["kb/schema.yaml"] = schema }
    if all["kb/person/xi.yaml"] == nil { all["kb/person/xi.yaml"] = people }
    let sources = all.keys.sorted().compactMap { key in all[key].map { SourceFile(path: key, text: $0) } }
    let knowledge = KnowledgeLoader.load(sources, root: "kb")
    let bib = Bibliography.read([SourceFile(path: "bib.json", text: bibliography)])
    return Checker.check(knowledge, bib, config: config ?? CheckConfig(today: today))
  }

  /// The findings of one rule for an LSG file.
  static func findings(
    _ rule: String, lsg statements: String, bibliography: String = Fixture.bibliography
  )
    -> [Diagnostic]
  {
    check(["kb/lsg/g.yaml": lsg(statements)], bibliography: bibliography).findings.filter { $0.code == rule }
  }
}

extension Diagnostic {
  /// `file:line:column` for assertions.
  var place: String { location?.description ?? "-" }
}
