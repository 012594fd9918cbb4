import KnowledgeBase

/// A levels figure: boxes one above the other, each with the values of some properties of one
/// entity (the LSG schema: the vertical structure of a typical leading small group).
enum LevelsFigure {
  private static func values(
    _ entity: Entity?, _ shown: FigureSpec.Shown, qualifier: String?, _ context: ReportContext
  ) -> [String] {
    guard let entity else { return [] }
    return entity.statements(of: shown.property).filter { $0.rank != .deprecated }.map { statement in
      var text: String
      switch statement.value {
      case .entity(let id), .enumeration(let id): text = context.name(id)
      default: text = context.value(statement.value).map(\.plainText).joined()
      }
      if let qualifier, let value = statement.qualifier(qualifier)?.value.display { text += " (" + value + ")" }
      return shown.prefix + text
    }
  }

  static func make(
    _ spec: FigureSpec, _ figure: FigureSpec.Levels, number: Int, _ context: ReportContext
  )
    -> DocBlock
  {
    let entity = figure.anchorProperty.flatMap { property in
      context.knowledge.entities.first { !$0.statements(of: property).isEmpty }
    }
    let levels = figure.levels.map { level in
      (title: level.label, lines: level.show.flatMap { values(entity, $0, qualifier: figure.qualifier, context) })
    }
    let width = 760.0
    let boxWidth = 520.0
    let boxHeight = 66.0
    let gap = 26.0
    let x = (width - boxWidth) / 2
    var children: [HTMLNode] = []
    var description: [String] = []
    for (index, level) in levels.enumerated() {
      let y = 20 + Double(index) * (boxHeight + gap)
      if index > 0 { children.append(SVG.line(width / 2, y - gap, width / 2, y)) }
      let joined = level.lines.isEmpty ? "not recorded in the knowledge base" : level.lines.joined(separator: "; ")
      let lines = [level.title] + SVG.wrap(joined, width: 78, maxLines: 2)
      children.append(
        SVG.box(
          x: x, y: y, width: boxWidth, height: boxHeight, lines: lines, tooltip: level.title + ": " + joined,
          fill: index == 0 ? "#dde8f6" : "#f4f7fb", dashed: level.lines.isEmpty, bold: true))
      description.append(level.title + ": " + joined)
    }
    let height = 20 + Double(levels.count) * (boxHeight + gap)
    let source = entity.map { " (from \(context.name($0.id)))" } ?? ""
    let title = Figure.title(spec, number: number)
    return .figure(
      id: "figure-" + Anchor.slug(spec.id), caption: title + source + ".",
      svg: SVG.root(width: width, height: height, title: title, children), description: description)
  }
}
