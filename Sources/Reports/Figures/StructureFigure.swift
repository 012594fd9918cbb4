import KnowledgeBase

/// Figure 2: the vertical structure of a typical leading small group, from the typical-structure
/// statements (typical leader, deputy leaders, members, office and its director).
enum StructureFigure {
  private struct Level {
    var title: String
    var lines: [String]
  }

  private static func values(_ entity: Entity?, _ property: String, _ context: ReportContext) -> [String] {
    guard let entity else { return [] }
    return entity.statements(of: property).filter { $0.rank != .deprecated }.map { statement in
      var text: String
      switch statement.value {
      case .entity(let id), .enumeration(let id): text = context.name(id)
      default: text = context.value(statement.value).map(\.plainText).joined()
      }
      if let extent = statement.qualifier("extent")?.value.display { text += " (" + extent + ")" }
      return text
    }
  }

  static func make(_ context: ReportContext) -> DocBlock {
    let entity = context.knowledge.entities.first { !$0.statements(of: "typical-head").isEmpty }
    var deputies = values(entity, "typical-deputy-head", context)
    if let most = values(entity, "max-deputy-heads", context).first { deputies.append("at most " + most) }
    var members = values(entity, "typical-member", context)
    members += values(entity, "typical-member-count", context).map { "number: " + $0 }
    let levels = [
      Level(title: "Leader (组长)", lines: values(entity, "typical-head", context)),
      Level(title: "Deputy leaders (副组长)", lines: deputies),
      Level(title: "Members (成员)", lines: members),
      Level(title: "Office (办公室)", lines: values(entity, "typical-office-function", context)),
      Level(
        title: "Office director (办公室主任)", lines: values(entity, "typical-office-director-duties", context)),
    ]
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
    let title = "Figure 2: The vertical structure of a typical leading small group"
    return .figure(
      id: "figure-structure", caption: title + source + ".",
      svg: SVG.root(width: width, height: height, title: title, children), description: description)
  }
}
