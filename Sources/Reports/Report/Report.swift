import BibModel
import KnowledgeBase

/// The annotated report of a knowledge base: overview, figures, every entity with every statement
/// cited, conflicts side by side, provenance marks with a legend, an index of sources and the
/// bibliography of exactly the cited sources.
public enum Report {
  /// The report and numbers about it.
  public struct Result: Sendable {
    public var doc: Doc
    public var citationCount: Int
    public var citedSources: [String]
    public var diagnostics: [Diagnostic]
  }

  /// Builds the report; pure (no I/O). `format` is the output format the citations are rendered in.
  public static func build(
    knowledge: Knowledge, references: [Reference], renderer: any CitationRendering, format: DocumentFormat,
    title: String = "Knowledge base report"
  ) -> Result {
    let context = ReportContext(knowledge: knowledge, references: references)
    var builder = ReportBuilder(context: context)
    let conflicts = ConflictGroup.find(knowledge)
    // The sections that cite come first, so that every citation is known and the engine renders
    // them on another thread while the overview, the figures and the index are built here.
    // Each statement's cites are found on all cores; the slots are then numbered here, in
    // document order, and the entity blocks around them are built on all cores.
    let sections = entitySections(context)
    let found = ParallelMap.map(sections, minimumCount: 16) { part -> [ReportBuilder.StatementCites] in
      guard case .entity(let entity, _) = part else { return [] }
      return entity.statements.map { ReportBuilder.statementCites($0, context) }
    }
    let parts = zip(sections, found).map { part, found -> SectionPart in
      guard case .entity(let entity, _) = part else { return part }
      return .entity(entity, cites: found.map { builder.cite($0) })
    }
    let conflictBlocks = builder.conflictBlocks(conflicts)
    let (citations, citedKeys) = (builder.citations, builder.citedKeys)
    let rendering = Background { renderer.render(citations, bibliographyKeys: citedKeys, format: format) }
    let entityBlocks = ParallelMap.map(parts, minimumCount: 16) { part -> DocBlock in
      switch part {
      case .block(let block): block
      case .entity(let entity, let cites): ReportBuilder.entityBlock(entity, cites: cites, context)
      }
    }
    var blocks = overviewAndFigures(context, conflicts)
    blocks += entityBlocks
    blocks.append(.heading(level: 2, id: "conflicts", content: [.text("Conflicts")]))
    blocks.append(.paragraph([.text(conflictsIntroduction)]))
    blocks += conflictBlocks
    blocks.append(.heading(level: 2, id: "source-index", content: [.text("Index of sources")]))
    blocks += builder.sourceIndex()

    let rendered = rendering.wait()
    blocks.append(.heading(level: 2, id: "bibliography", content: [.text("Bibliography")]))
    blocks.append(.bibliography(id: "refs", entries: rendered.bibliography))
    // In-text citations are printed in their slots by the writers; footnotes are numbered in
    // document order, so a note style's slots are filled here, walking every block once.
    var slotCitations = rendered.citations
    if renderer.isNoteStyle {
      var filler = SlotFiller(rendered: rendered.citations)
      blocks = blocks.map { filler.fill($0) }
      if !filler.notes.isEmpty { blocks.append(.notes(filler.notes)) }
      slotCitations = []
    }
    let subtitle = [
      "\(knowledge.entities.count) entities, \(knowledge.statements.count) statements; "
        + "citations in \(renderer.styleName)."
    ]
    return Result(
      doc: Doc(title: title, subtitle: subtitle, blocks: blocks, citations: slotCitations),
      citationCount: citations.count, citedSources: citedKeys, diagnostics: rendered.diagnostics)
  }

  static let conflictsIntroduction =
    "Statements of a single-valued property that disagree for overlapping times, "
    + "side by side with their ranks and sources."

  /// The overview, then the schema's figures under their heading.
  private static func overviewAndFigures(_ context: ReportContext, _ conflicts: [ConflictGroup]) -> [DocBlock] {
    var blocks = Overview.blocks(
      context, conflicts: conflicts.count, openConflicts: conflicts.filter { $0.settledBy == nil }.count)
    let figures = context.knowledge.schema.report.figures
    if !figures.isEmpty {
      blocks.append(.heading(level: 2, id: "figures", content: [.text("Figures")]))
      blocks += figures.enumerated().map { Figure.make($0.element, number: $0.offset + 1, context) }
    }
    return blocks
  }

  /// A part of the entity sections: a block as it is, or an entity to write with the citation
  /// of each of its statements (filled in once the entity's place in the document is known).
  enum SectionPart: Sendable {
    case block(DocBlock)
    case entity(Entity, cites: [[DocInline]])
  }

  /// The primary kind (the first with expected properties) grouped by its expected properties,
  /// then every other kind; an entity grouped under several values appears under each.
  private static func entitySections(_ context: ReportContext) -> [SectionPart] {
    let knowledge = context.knowledge
    var parts: [SectionPart] = []
    let kinds = orderedKinds(knowledge)
    let primary = kinds.first { !(knowledge.schema.kinds[$0]?.expects.isEmpty ?? true) }
    for kind in kinds {
      let entities = knowledge.entities.filter { $0.kind == kind }.sorted {
        ($0.labels.preferred ?? $0.id) < ($1.labels.preferred ?? $1.id)
      }
      guard !entities.isEmpty else { continue }
      let kindLabel = context.kindLabel(kind)
      if kind == primary, let expects = knowledge.schema.kinds[kind]?.expects, let grouping = expects.first {
        parts.append(
          .block(
            .heading(
              level: 2, id: "kind-" + Anchor.slug(kind),
              content: [.text(kindLabel + " by " + context.propertyLabel(grouping))])))
        for (value, members) in grouped(entities, by: grouping, context) {
          parts.append(valueHeading(grouping, value, count: members.count))
          parts += members.map { .entity($0, cites: []) }
        }
        for property in expects.dropFirst() {
          parts.append(
            .block(
              .heading(
                level: 2, id: "by-" + Anchor.slug(property),
                content: [.text(kindLabel + " by " + context.propertyLabel(property))])))
          for (value, members) in grouped(entities, by: property, context) {
            parts.append(valueHeading(property, value, count: members.count))
            parts.append(
              .block(.list(ordered: false, items: members.map { [.paragraph([context.entityLink($0.id)])] })))
          }
        }
      } else {
        parts.append(
          .block(
            .heading(
              level: 2, id: "kind-" + Anchor.slug(kind), content: [.text(kindLabel + " (\(entities.count))")])))
        parts += entities.map { .entity($0, cites: []) }
      }
    }
    return parts
  }

  /// The heading of the entities that have one value of a property ("Permanent (12)").
  private static func valueHeading(_ property: String, _ value: GroupValue, count: Int) -> SectionPart {
    .block(
      .heading(
        level: 3, id: "by-" + Anchor.slug(property) + "-" + Anchor.slug(value.key),
        content: [.text(value.label + " (\(count))")]))
  }

  /// Kinds in schema order where known (primary first), then any others in entity order.
  static func orderedKinds(_ knowledge: Knowledge) -> [String] {
    var kinds: [String] = knowledge.schema.kinds.values.sorted { $0.location < $1.location }.map(\.name)
    for entity in knowledge.entities where !kinds.contains(entity.kind) { kinds.append(entity.kind) }
    if let primary = kinds.firstIndex(where: { !(knowledge.schema.kinds[$0]?.expects.isEmpty ?? true) }) {
      kinds.insert(kinds.remove(at: primary), at: 0)
    }
    return kinds
  }

  struct GroupValue: Hashable {
    var key: String
    var label: String
  }

  /// Entities grouped by the value of a property: in the schema's enum order, then "not recorded".
  static func grouped(_ entities: [Entity], by property: String, _ context: ReportContext) -> [(GroupValue, [Entity])] {
    var groups: [String: [Entity]] = [:]
    var missing: [Entity] = []
    for entity in entities {
      let values = entity.statements(of: property).filter { $0.rank != .deprecated }.map(\.value.display)
      if values.isEmpty { missing.append(entity) }
      for value in Set(values) { groups[value, default: []].append(entity) }
    }
    let declared = context.knowledge.schema.properties[property]?.value.values ?? []
    let order = declared + groups.keys.filter { !declared.contains($0) }.sorted()
    var result: [(GroupValue, [Entity])] = []
    for value in order {
      guard let members = groups[value] else { continue }
      let label = context.knowledge.entity(value)?.labels.preferred ?? value
      result.append((GroupValue(key: value, label: label), members))
    }
    if !missing.isEmpty { result.append((GroupValue(key: "not-recorded", label: "Not recorded"), missing)) }
    return result
  }
}
