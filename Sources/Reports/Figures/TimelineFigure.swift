import KnowledgeBase

/// A timeline figure: a bar per entity from its start date to its end date (dashed while no end
/// is recorded), the marker date as a diamond, entities known only by a year as a ring (the LSG
/// schema: lifetimes of leading small groups, conversions into commissions).
enum TimelineFigure {
  struct Row: Sendable {
    var id: String
    var name: String
    var start: Double?
    var end: Double?
    var converted: Double?
    var points: [Double]
  }

  static func year(_ date: FactDate) -> Double {
    Double(date.year) + Double((date.month ?? 1) - 1) / 12 + Double((date.day ?? 1) - 1) / 365
  }

  private static func firstDate(_ entity: Entity, _ property: String) -> FactDate? {
    let statements = entity.statements(of: property).filter { $0.rank != .deprecated }
    let best = statements.first { $0.rank == .preferred } ?? statements.first
    return best?.value.date
  }

  static func rows(_ timeline: FigureSpec.Timeline, _ knowledge: Knowledge) -> [Row] {
    var rows: [Row] = []
    for entity in knowledge.entities {
      let start = firstDate(entity, timeline.start.property).map(year)
      let end = firstDate(entity, timeline.end.property).map(year)
      let converted = timeline.marker.flatMap { firstDate(entity, $0.property) }.map(year)
      let points =
        timeline.points.map { mark in entity.statements(of: mark.property).compactMap { $0.value.date.map(year) } }
        ?? []
      guard start != nil || end != nil || converted != nil || !points.isEmpty else { continue }
      rows.append(
        Row(
          id: entity.id, name: entity.labels.preferred ?? entity.id, start: start, end: end, converted: converted,
          points: points))
    }
    return rows.sorted {
      ($0.start ?? $0.points.first ?? $0.converted ?? $0.end ?? 0, $0.name) < (
        $1.start ?? $1.points.first ?? $1.converted ?? $1.end ?? 0, $1.name
      )
    }
  }

  static func make(
    _ spec: FigureSpec, _ timeline: FigureSpec.Timeline, number: Int, _ context: ReportContext
  )
    -> DocBlock
  {
    let rows = rows(timeline, context.knowledge)
    let title = Figure.title(spec, number: number)
    let id = "figure-" + Anchor.slug(spec.id)
    func words(_ mark: FigureSpec.Mark) -> String { mark.label ?? context.propertyLabel(mark.property) }
    let startLabel = words(timeline.start)
    let endLabel = words(timeline.end)
    let all = rows.flatMap { [$0.start, $0.end, $0.converted].compactMap { $0 } + $0.points }
    let width = 760.0
    let labelWidth = 270.0
    let rowHeight = 18.0
    guard let minimum = all.min(), let maximum = all.max() else {
      return .figure(
        id: id, caption: title + ": no dates recorded.",
        svg: SVG.root(width: width, height: 60, title: title, [SVG.text("No dates recorded.", x: width / 2, y: 34)]),
        description: ["No dates recorded."])
    }
    var step = 5.0
    while (maximum - minimum) / step > 30 { step *= 2 }
    let first = (minimum / step).rounded(.down) * step
    let last = max((maximum / step).rounded(.up) * step, first + step)
    let plotLeft = labelWidth + 10
    let plotWidth = width - plotLeft - 20
    func x(_ year: Double) -> Double { plotLeft + (year - first) / (last - first) * plotWidth }
    let height = 40 + Double(rows.count) * rowHeight + 30
    var children: [HTMLNode] = []
    var tick = first
    while tick <= last {
      children.append(SVG.line(x(tick), 24, x(tick), height - 26, stroke: "#ddd", width: 1))
      children.append(SVG.text(String(Int(tick)), x: x(tick), y: height - 10, size: 10, fill: "#555"))
      children.append(SVG.text(String(Int(tick)), x: x(tick), y: 16, size: 10, fill: "#555"))
      tick += step
    }
    var description: [String] = []
    for (index, row) in rows.enumerated() {
      let y = 30 + Double(index) * rowHeight
      let label = row.name.count > 44 ? String(row.name.prefix(43)) + "…" : row.name
      children.append(
        .el(
          "a", [("href", "#" + ReportContext.entityAnchor(row.id))],
          [SVG.text(label, x: labelWidth, y: y + 12, anchor: "end", size: 11)]))
      var parts: [String] = []
      if let start = row.start {
        let end = row.end ?? last
        var bar = SVG.rect(
          x: x(start), y: y + 3, width: max(x(end) - x(start), 2), height: rowHeight - 6,
          fill: row.end == nil ? "#9cc1e8" : "#4a7fb5", stroke: "#2c5282", dashed: row.end == nil)
        if case .element(let name, let attributes, _) = bar {
          bar = .element(name: name, attributes: attributes, children: [.el("title", [], [.text(row.name)])])
        }
        children.append(bar)
        parts.append(startLabel + " " + format(start))
        parts.append(row.end.map { endLabel + " " + format($0) } ?? "no end recorded")
      } else if let end = row.end {
        children.append(
          .el(
            "circle",
            [("cx", SVG.format(x(end))), ("cy", SVG.format(y + rowHeight / 2)), ("r", "4"), ("fill", "#2c5282")]))
        parts.append(endLabel + " " + format(end) + " (start not recorded)")
      }
      if let converted = row.converted, let marker = timeline.marker {
        children.append(
          .el(
            "polygon",
            [("points", diamond(x(converted), y + rowHeight / 2)), ("fill", "#d97706"), ("stroke", "#7c2d12")]))
        parts.append(words(marker) + " " + format(converted))
      }
      for point in row.points {
        children.append(
          .el(
            "circle",
            [
              ("cx", SVG.format(x(point))), ("cy", SVG.format(y + rowHeight / 2)), ("r", "4"), ("fill", "#fff"),
              ("stroke", "#2c5282"),
            ]))
        parts.append((timeline.points.map(words) ?? "") + " " + format(point))
      }
      description.append(row.name + ": " + parts.joined(separator: ", "))
    }
    var legend = ["bar: " + startLabel + " to " + endLabel, "dashed: no end recorded"]
    if let marker = timeline.marker { legend.append("diamond: " + words(marker)) }
    if let points = timeline.points { legend.append("ring: " + words(points) + " a year") }
    return .figure(
      id: id, caption: title + " (" + legend.joined(separator: "; ") + ").",
      svg: SVG.root(width: width, height: height, title: title, children), description: description)
  }

  private static func diamond(_ cx: Double, _ cy: Double) -> String {
    [(cx, cy - 6), (cx + 6, cy), (cx, cy + 6), (cx - 6, cy)].map { SVG.format($0.0) + "," + SVG.format($0.1) }.joined(
      separator: " ")
  }

  /// A position back as `YYYY` or `YYYY-MM`. Positions are year + (month - 1) / 12, which
  /// floating point leaves a hair under the month (2018 + 2/12 is 2018.1666…6), so a small
  /// tolerance comes before flooring or March would print as February.
  static func format(_ year: Double) -> String {
    let nudged = year + 1e-6
    // Years beyond what a figure can place (and not-a-number) print as they are, never trap.
    guard nudged.isFinite, abs(nudged) < 1e15 else { return String(year) }
    let whole = nudged.rounded(.down)
    let fraction = nudged - whole
    let month = min(12, Int((fraction * 12).rounded(.down)) + 1)
    let yearText = String(Int(whole))
    return month == 1 && fraction < 0.01 ? yearText : yearText + "-" + (month < 10 ? "0" : "") + String(month)
  }
}
