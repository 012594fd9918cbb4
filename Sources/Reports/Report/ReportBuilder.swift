import BibModel
import KnowledgeBase

/// Builds the annotated report of a knowledge base as a `Doc` with citation slots.
///
/// Every statement appears once, in its entity's section, with a citation of all its sources
/// (or a visible "unsourced" mark); `citations` collects the citations in document order.
struct ReportBuilder {
  let context: ReportContext
  private(set) var citations: [Citation] = []
  /// For each citation slot, the keys that were not in the bibliography (shown as `(@key?)`).
  private(set) var citedKeys: [String] = []
  private var citedSet: Set<String> = []

  init(context: ReportContext) { self.context = context }

  var knowledge: Knowledge { context.knowledge }

  /// What a statement cites: the cites of its sources in the bibliography, each (source,
  /// locator) once, and a visible mark for each key the bibliography lacks. Reads the statement
  /// and the bibliography alone, so the statements are read on all cores (`Report.build`).
  struct StatementCites: Sendable {
    var cites: [Cite] = []
    var unknown: [DocInline] = []
  }

  static func statementCites(_ statement: Statement, _ context: ReportContext) -> StatementCites {
    var found = StatementCites()
    for reference in firstOccurrences(statement.references) {
      guard context.references.index(forKey: reference.source) != nil else {
        found.unknown.append(.span(className: "unknown-citation", content: [.text("(@" + reference.source + "?)")]))
        continue
      }
      found.cites.append(
        Cite(
          id: reference.source, locator: reference.locator,
          label: reference.locator == nil ? nil : LocatorType(reference.label ?? "page")))
    }
    return found
  }

  /// The references, each (source, locator) pair at its first occurrence. A statement has a
  /// few references: they are compared directly, and through a set only when there are many.
  private static func firstOccurrences(_ references: [SourceReference]) -> [SourceReference] {
    guard references.count > 1 else { return references }
    func same(_ lhs: SourceReference, _ rhs: SourceReference) -> Bool {
      lhs.source == rhs.source && (lhs.locator ?? "") == (rhs.locator ?? "")
    }
    guard references.count > 16 else {
      var first: [SourceReference] = []
      for reference in references where !first.contains(where: { same($0, reference) }) { first.append(reference) }
      return first
    }
    var seen: Set<SourceAndLocator> = []
    return references.filter { seen.insert(SourceAndLocator(source: $0.source, locator: $0.locator ?? "")).inserted }
  }

  /// A citation of the statement's sources, as a slot (or a visible mark for unknown keys).
  mutating func cite(_ statement: Statement) -> [DocInline] {
    cite(Self.statementCites(statement, context))
  }

  /// The citation of cites found earlier: the next slot, numbered in document order.
  mutating func cite(_ found: StatementCites) -> [DocInline] {
    for cite in found.cites where citedSet.insert(cite.id).inserted { citedKeys.append(cite.id) }
    guard !found.cites.isEmpty else { return found.unknown }
    let slot = citations.count
    citations.append(Citation(id: "s" + String(slot), cites: found.cites))
    return [.slot(slot)] + found.unknown
  }

  func marks(_ statement: Statement) -> [DocInline] { Self.marks(statement, context) }

  /// The provenance marks of a statement.
  static func marks(_ statement: Statement, _ context: ReportContext) -> [DocInline] {
    var output: [DocInline] = []
    for mark in ProvenanceMark.marks(statement, secondarySources: context.secondarySources) {
      if !output.isEmpty { output.append(.text(" ")) }
      output.append(.span(className: mark.className, content: [.text("[" + mark.label + "]")]))
    }
    return output
  }

  // MARK: - Entities

  /// One entity: names, description, former names and a table of its statements, each with its
  /// citation (`cites`, one per statement in order, from `cite`).
  static func entityBlock(_ entity: Entity, cites: [[DocInline]], _ context: ReportContext) -> DocBlock {
    let knowledge = context.knowledge
    var blocks: [DocBlock] = [
      .heading(
        level: 4, id: ReportContext.entityAnchor(entity.id), content: [.text(entity.labels.preferred ?? entity.id)])
    ]
    var names: [DocInline] = []
    for form in knowledge.schema.report.names {
      guard let text = form.pick(entity.labels) else { continue }
      if !names.isEmpty { names.append(.text(" · ")) }
      // A romanization in italics; a form in its own script marked with its language for fonts.
      let shown: DocInline =
        form.isRomanization
        ? .emphasis([.text(text)]) : .span(className: form.language ?? "", content: [.text(text)])
      names += [.strong([.text(form.label + ":")]), .text(" "), shown]
    }
    if !names.isEmpty { names.append(.text(" · ")) }
    names += [
      .strong([.text("Kind:")]), .text(" "), .text(context.kindLabel(entity.kind)), .text(" · "),
      .strong([.text("Id:")]), .text(" "), .code(entity.id),
    ]
    blocks.append(.paragraph(names))
    for former in entity.formerNames {
      var text = "Formerly: " + (former.labels.preferred ?? "")
      if let original = context.originalName(former.labels) { text += " (" + original + ")" }
      if let end = former.end { text += ", until " + end.description }
      blocks.append(.paragraph([.text(text)]))
    }
    if let description = entity.description { blocks.append(.paragraph([.emphasis([.text(description)])])) }
    if entity.statements.isEmpty {
      blocks.append(.paragraph([.text("No statements recorded.")]))
    } else {
      var rows: [[[DocInline]]] = []
      for (index, statement) in entity.statements.enumerated() {
        var valueCell = context.value(statement.value)
        if statement.rank == .preferred { valueCell.append(.text(" (preferred)")) }
        if let reason = statement.reason { valueCell.append(.text(" — deprecated: " + reason)) }
        var note: [DocInline] = context.qualifiers(statement)
        if let text = statement.note {
          if !note.isEmpty { note.append(.text("; ")) }
          note.append(.emphasis([.text(text)]))
        }
        let idCell: [DocInline] = statement.id.map { [.code($0)] } ?? []
        rows.append([
          [.text(context.propertyLabel(statement.property))], valueCell, note, index < cites.count ? cites[index] : [],
          marks(statement, context) + (idCell.isEmpty ? [] : [.text(" ")] + idCell),
        ])
      }
      blocks.append(
        .table(
          DocBlock.Table(
            header: [
              [.text("Property")], [.text("Value")], [.text("Qualifiers and notes")], [.text("Sources")],
              [.text("Provenance")],
            ], rows: rows)))
    }
    return .section(id: nil, className: "entity", content: blocks)
  }

  // MARK: - Conflicts

  mutating func conflictBlocks(_ groups: [ConflictGroup]) -> [DocBlock] {
    guard !groups.isEmpty else { return [.paragraph([.text("No conflicting statements.")])] }
    var blocks: [DocBlock] = []
    for group in groups {
      blocks.append(
        .heading(
          level: 3, id: "conflict-" + Anchor.slug(group.entity.id + "-" + group.property),
          content: [
            .text(
              context.name(group.entity.id) + ": " + context.propertyLabel(group.property)
                + (group.settledBy == nil ? " (open)" : " (settled by rank)"))
          ]))
      let header: [[DocInline]] =
        [[.text("")]] + group.statements.enumerated().map { [.text("Statement \($0.offset + 1)")] }
      var valueRow: [[DocInline]] = [[.strong([.text("Value")])]]
      var rankRow: [[DocInline]] = [[.strong([.text("Rank")])]]
      var qualifierRow: [[DocInline]] = [[.strong([.text("Qualifiers")])]]
      var sourceRow: [[DocInline]] = [[.strong([.text("Sources")])]]
      var noteRow: [[DocInline]] = [[.strong([.text("Note")])]]
      for statement in group.statements {
        valueRow.append(context.value(statement.value))
        rankRow.append([.text(statement.rank.rawValue + (statement.reason.map { " — " + $0 } ?? ""))])
        qualifierRow.append(context.qualifiers(statement))
        sourceRow.append(cite(statement) + [.text(" ")] + marks(statement))
        noteRow.append(statement.note.map { [.text($0)] } ?? [])
      }
      blocks.append(
        .section(
          id: nil, className: "conflict",
          content: [
            .table(DocBlock.Table(header: header, rows: [valueRow, rankRow, qualifierRow, sourceRow, noteRow]))
          ]))
    }
    return blocks
  }

  // MARK: - Index of sources

  func sourceIndex() -> [DocBlock] {
    // Positions, not copies: a large knowledge base has hundreds of thousands of references.
    var supported: [String: [(entity: Int, statement: Int, reference: Int)]] = [:]
    for (entityIndex, entity) in knowledge.entities.enumerated() {
      for (statementIndex, statement) in entity.statements.enumerated() {
        let references = statement.references
        for referenceIndex in references.indices {
          supported[references[referenceIndex].source, default: []].append(
            (entityIndex, statementIndex, referenceIndex))
        }
      }
    }
    let keys = supported.keys.sorted(by: { $0.lowercased() < $1.lowercased() })
    let labels = SourceLabels.labels(keys, references: context.references)
    let (context, positions) = (context, supported)
    // Each source's entry reads only shared data, so the entries are built on all cores.
    return ParallelMap.map(keys) { key in
      Self.sourceEntry(key, label: labels[key] ?? key, supported: positions[key] ?? [], context)
    }.flatMap { $0 }
  }

  /// One source in the index: its heading and every statement it supports.
  private static func sourceEntry(
    _ key: String, label: String, supported entries: [(entity: Int, statement: Int, reference: Int)],
    _ context: ReportContext
  ) -> [DocBlock] {
    let knowledge = context.knowledge
    var heading: [DocInline] = [.code(key)]
    if context.references[key] != nil {
      heading += [.text(" — "), .anchorLink(id: "ref-" + Anchor.slug(key), content: [.text(label)])]
    } else {
      heading.append(.span(className: "unknown-citation", content: [.text(" (not in the bibliography)")]))
    }
    let items: [[DocBlock]] = entries.map { position in
      let statement = knowledge.entities[position.entity].statements[position.statement]
      let references = statement.references
      var line = context.sentence(statement)
      // Field by field: a copy of the whole reference retains every string and place in it.
      if let locator = references[position.reference].locator {
        line.append(.text(" (" + (references[position.reference].label ?? "page") + " " + locator + ")"))
      }
      if let quote = references[position.reference].quote {
        line.append(.text(" — \u{201C}" + quote + "\u{201D}"))
      }
      if let via = references[position.reference].via { line.append(.emphasis([.text(" (via: " + via + ")")])) }
      return [.paragraph(line)]
    }
    return [
      .heading(level: 3, id: ReportContext.sourceAnchor(key), content: heading), .list(ordered: false, items: items),
    ]
  }
}

/// A source with the place in it a statement cites: each is cited once per statement.
private struct SourceAndLocator: Hashable {
  var source: String
  var locator: String
}
