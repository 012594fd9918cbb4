import KnowledgeBase

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A network figure: one entity in the middle and the entities its relation properties name
/// (the LSG schema: a cross-sectional commission, its leaders, the systems it spans, the organs it
/// reports to, its office). Draws what the knowledge base knows, no more; a relation declared
/// `unnamed` that no statement names is drawn dashed.
enum NetworkFigure {
  /// The preferred entity when it qualifies, else the first with the subject's property value.
  static func subject(_ network: FigureSpec.Network, _ knowledge: Knowledge) -> Entity? {
    let candidates = knowledge.entities.filter { entity in
      entity.statements(of: network.property).contains { $0.value.display == network.value && $0.rank != .deprecated }
    }
    return candidates.first { $0.id == network.prefer } ?? candidates.first
  }

  static func make(
    _ spec: FigureSpec, _ network: FigureSpec.Network, number: Int, _ context: ReportContext
  )
    -> DocBlock
  {
    let width = 760.0
    let height = 460.0
    let title = Figure.title(spec, number: number)
    let id = "figure-" + Anchor.slug(spec.id)
    guard let entity = subject(network, context.knowledge) else {
      return .figure(
        id: id, caption: title + ": not recorded in the knowledge base.",
        svg: SVG.root(width: width, height: 60, title: title, [SVG.text(Figure.notRecorded, x: width / 2, y: 34)]),
        description: [Figure.notRecorded])
    }
    var neighbours: [(relation: String, id: String)] = []
    var seen: Set<String> = []
    for property in network.relations {
      for statement in entity.statements(of: property) where statement.rank != .deprecated {
        for (id, _) in statement.value.entityReferences(at: statement.valueLocation)
        where seen.insert(property + "/" + id).inserted {
          neighbours.append((property, id))
        }
      }
    }
    let placeholders = network.unnamed.filter { box in !neighbours.contains { $0.relation == box.property } }
    let centerX = width / 2
    let centerY = height / 2
    var edges: [HTMLNode] = []
    var boxes: [HTMLNode] = []
    var description: [String] = []
    let slots = neighbours.count + placeholders.count
    for index in 0..<slots {
      let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(slots, 1))
      let x = centerX + 280 * cos(angle)
      let y = centerY + 170 * sin(angle)
      if index < neighbours.count {
        let (relation, id) = neighbours[index]
        let label = context.propertyLabel(relation)
        let relationShort = label.split(separator: "(").first.map { String($0).trimmingWhitespace() } ?? label
        edges.append(SVG.line(centerX, centerY, x, y))
        edges.append(SVG.text(relationShort, x: (centerX + x) / 2, y: (centerY + y) / 2 - 4, size: 10, fill: "#555"))
        let name = context.name(id)
        boxes.append(
          SVG.box(
            x: x - 85, y: y - 22, width: 170, height: 44, lines: SVG.wrap(name, width: 24, maxLines: 2),
            tooltip: relationShort + ": " + name))
        description.append(relationShort + ": " + name)
      } else {
        let box = placeholders[index - neighbours.count]
        edges.append(SVG.line(centerX, centerY, x, y, dashed: true))
        boxes.append(
          SVG.box(
            x: x - 85, y: y - 22, width: 170, height: 44, lines: box.lines, tooltip: box.tooltip, dashed: true))
        description.append(box.description)
      }
    }
    var centerLines = SVG.wrap(entity.labels.preferred ?? entity.id, width: 26, maxLines: 2)
    if let original = context.originalName(entity.labels) { centerLines.append(original) }
    boxes.append(
      SVG.box(
        x: centerX - 110, y: centerY - 32, width: 220, height: 64, lines: centerLines,
        tooltip: entity.labels.preferred ?? entity.id, fill: "#dde8f6", bold: true))
    let caption = Figure.fill(network.caption ?? spec.title, [("name", context.name(entity.id))])
    return .figure(
      id: id, caption: "Figure \(number): " + caption + " (from the knowledge base).",
      svg: SVG.root(width: width, height: height, title: title, edges + boxes), description: description)
  }
}
