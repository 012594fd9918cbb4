import KnowledgeBase

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A hub figure: the entities one entity's list property names (the LSG schema: the categories
/// of leading small groups), drawn around that entity.
enum HubFigure {
  static func make(_ spec: FigureSpec, _ hub: FigureSpec.Hub, number: Int, _ context: ReportContext) -> DocBlock {
    let knowledge = context.knowledge
    // The first entity holding the list, else every entity of the declared kind.
    var hubLabel = hub.hubLabel ?? hub.kind.map(context.kindLabel) ?? ""
    var hubOriginal: String?
    var memberIDs: [String] = []
    for entity in knowledge.entities {
      for statement in entity.statements(of: hub.list) where statement.rank != .deprecated {
        if case .list(let items) = statement.value {
          memberIDs = items.compactMap {
            if case .entity(let id) = $0.value { return id }
            if case .enumeration(let id) = $0.value { return id }
            return nil
          }
          hubLabel = entity.labels.preferred ?? hubLabel
          hubOriginal = context.originalName(entity.labels)
        }
      }
      if !memberIDs.isEmpty { break }
    }
    if memberIDs.isEmpty, let kind = hub.kind {
      memberIDs = knowledge.entities.filter { $0.kind == kind }.map(\.id)
    }
    let width = 760.0
    let height = 420.0
    let centerX = width / 2
    let centerY = height / 2
    var children: [HTMLNode] = []
    var description: [String] = []
    let count = max(memberIDs.count, 1)
    var boxes: [HTMLNode] = []
    for (index, id) in memberIDs.enumerated() {
      let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
      let x = centerX + 270 * cos(angle)
      let y = centerY + 150 * sin(angle)
      let name = context.name(id)
      let original = knowledge.entity(id).flatMap { context.originalName($0.labels) }
      children.append(SVG.line(centerX, centerY, x, y))
      var lines = SVG.wrap(name, width: 26, maxLines: 2)
      if let original { lines.append(original) }
      boxes.append(
        SVG.box(
          x: x - 105, y: y - 30, width: 210, height: 60, lines: lines,
          tooltip: name + (original.map { " (" + $0 + ")" } ?? "")))
      description.append(name + (original.map { " (" + $0 + ")" } ?? ""))
    }
    var hubLines = SVG.wrap(hubLabel, width: 26, maxLines: 2)
    if let hubOriginal { hubLines.append(hubOriginal) }
    boxes.append(
      SVG.box(
        x: centerX - 115, y: centerY - 32, width: 230, height: 64, lines: hubLines, tooltip: hubLabel,
        fill: "#dde8f6", bold: true))
    if memberIDs.isEmpty {
      boxes.append(SVG.text(Figure.notRecorded, x: centerX, y: centerY + 70))
      description.append(Figure.notRecorded)
    }
    let title = Figure.title(spec, number: number, [("count", "\(memberIDs.count)")])
    return .figure(
      id: "figure-" + Anchor.slug(spec.id), caption: title + " (from the knowledge base).",
      svg: SVG.root(width: width, height: height, title: title, children + boxes), description: description)
  }
}
