import BibModel
import KnowledgeBase

/// The report's overview: counts by kind and by the expected properties (type, category, level),
/// the provenance summary and the legend of provenance marks.
enum Overview {
  static func blocks(_ context: ReportContext, conflicts: Int, openConflicts: Int) -> [DocBlock] {
    let knowledge = context.knowledge
    let statements = knowledge.statements
    var blocks: [DocBlock] = [.heading(level: 2, id: "overview", content: [.text("Overview")])]
    let citedKeys = Set(statements.flatMap { $0.references.map(\.source) })
    blocks.append(
      .paragraph([
        .text(
          "\(knowledge.entities.count) entities and \(statements.count) statements, citing \(citedKeys.count) "
            + "sources (\(context.references.count) in the bibliography)."
        )
      ]))

    var kindRows: [[[DocInline]]] = []
    for kind in Report.orderedKinds(knowledge) {
      let entities = knowledge.entities.filter { $0.kind == kind }
      guard !entities.isEmpty else { continue }
      kindRows.append([
        [.anchorLink(id: "kind-" + Anchor.slug(kind), content: [.text(context.kindLabel(kind))])],
        [.text("\(entities.count)")], [.text("\(entities.reduce(0) { $0 + $1.statements.count })")],
      ])
    }
    blocks.append(.heading(level: 3, id: "counts-by-kind", content: [.text("Entities by kind")]))
    blocks.append(
      .table(DocBlock.Table(header: [[.text("Kind")], [.text("Entities")], [.text("Statements")]], rows: kindRows)))

    for kind in Report.orderedKinds(knowledge) {
      guard let expects = knowledge.schema.kinds[kind]?.expects, !expects.isEmpty else { continue }
      let entities = knowledge.entities.filter { $0.kind == kind }
      for property in expects {
        let groups = Report.grouped(entities, by: property, context)
        blocks.append(
          .heading(
            level: 3, id: "counts-by-" + Anchor.slug(property),
            content: [.text(context.kindLabel(kind) + " by " + context.propertyLabel(property))]))
        blocks.append(
          .table(
            DocBlock.Table(
              header: [[.text(property)], [.text("Count")]],
              rows: groups.map { value, members in [[.text(value.label)], [.text("\(members.count)")]] })))
      }
    }

    // Each statement's marks are found on all cores (this runs beside the citations' rendering).
    let secondarySources = context.secondarySources
    let marks = ParallelMap.map(statements, minimumCount: 256) { statement in
      ProvenanceMark.marks(statement, secondarySources: secondarySources)
    }
    var counts: [ProvenanceMark: Int] = [:]
    for mark in marks.joined() { counts[mark, default: 0] += 1 }
    let total = max(statements.count, 1)
    let sourced = statements.count - (counts[.unsourced] ?? 0)
    func percent(_ count: Int) -> String {
      let value = Double(count) * 1000 / Double(total)
      return String(Int(value.rounded()) / 10) + "." + String(Int(value.rounded()) % 10) + " %"
    }
    let rows: [[[DocInline]]] = [
      [[.text("Sourced statements")], [.text("\(sourced)")], [.text(percent(sourced))]],
      [
        [.text("Unsourced statements")], [.text("\(counts[.unsourced] ?? 0)")],
        [.text(percent(counts[.unsourced] ?? 0))],
      ],
      [
        [.text("Single-source statements")], [.text("\(counts[.singleSource] ?? 0)")],
        [.text(percent(counts[.singleSource] ?? 0))],
      ],
      [
        [.text("Only secondary sources")], [.text("\(counts[.onlySecondary] ?? 0)")],
        [.text(percent(counts[.onlySecondary] ?? 0))],
      ],
      [
        [.text("Seen only through a copy")], [.text("\(counts[.viaCopy] ?? 0)")],
        [.text(percent(counts[.viaCopy] ?? 0))],
      ],
      [
        [.text("Deprecated statements")], [.text("\(counts[.deprecated] ?? 0)")],
        [.text(percent(counts[.deprecated] ?? 0))],
      ],
      [
        [.anchorLink(id: "conflicts", content: [.text("Conflicts")])],
        [.text("\(conflicts) (\(openConflicts) open, \(conflicts - openConflicts) settled by rank)")], [.text("")],
      ],
    ]
    blocks.append(.heading(level: 3, id: "provenance-summary", content: [.text("Provenance")]))
    blocks.append(
      .table(DocBlock.Table(header: [[.text("Statements")], [.text("Count")], [.text("Share")]], rows: rows)))
    blocks.append(.heading(level: 3, id: "legend", content: [.text("Legend of provenance marks")]))
    blocks.append(
      .list(
        ordered: false,
        items: ProvenanceMark.allCases.map { mark in
          [.paragraph([.span(className: mark.className, content: [.text(mark.label)]), .text(" " + mark.meaning)])]
        }))
    return blocks
  }
}
