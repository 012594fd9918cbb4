import KnowledgeBase

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Figure 3: a cross-sectional commission and what it connects to: its leaders, the systems it
/// spans, the organs it reports to, its office. Draws what the knowledge base knows, no more.
enum NetworkFigure {
  static let relations = [
    "head", "chaired-by", "deputy-head", "spans-system", "subordinate-to", "reports-to", "executive-office",
    "office-director", "head-held-by-office", "deputy-head-held-by-office", "predecessor",
  ]

  /// The National Security Commission when the knowledge base has it, else the first cross-sectional LSG.
  static func subject(_ knowledge: Knowledge) -> Entity? {
    let crossSectional = knowledge.entities.filter { entity in
      entity.statements(of: "cross-sectional").contains { $0.value.display == "true" && $0.rank != .deprecated }
    }
    return crossSectional.first { ($0.labels.preferred ?? "").contains("National Security") } ?? crossSectional.first
  }

  static func make(_ context: ReportContext) -> DocBlock {
    let width = 760.0
    let height = 460.0
    let title = "Figure 3: A cross-sectional commission and the systems it spans"
    guard let entity = subject(context.knowledge) else {
      return .figure(
        id: "figure-network", caption: title + ": the knowledge base records no cross-sectional LSG.",
        svg: SVG.root(
          width: width, height: 60, title: title, [SVG.text("No cross-sectional LSG recorded.", x: width / 2, y: 34)]),
        description: ["No cross-sectional LSG recorded."])
    }
    var neighbours: [(relation: String, id: String)] = []
    var seen: Set<String> = []
    for property in relations {
      for statement in entity.statements(of: property) where statement.rank != .deprecated {
        for (id, _) in statement.value.entityReferences(at: statement.valueLocation)
        where seen.insert(property + "/" + id).inserted {
          neighbours.append((property, id))
        }
      }
    }
    let spansKnown = neighbours.contains { $0.relation == "spans-system" }
    let centerX = width / 2
    let centerY = height / 2
    var edges: [HTMLNode] = []
    var boxes: [HTMLNode] = []
    var description: [String] = []
    let slots = neighbours.count + (spansKnown ? 0 : 1)
    for index in 0..<slots {
      let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(slots, 1))
      let x = centerX + 280 * cos(angle)
      let y = centerY + 170 * sin(angle)
      if index < neighbours.count {
        let (relation, id) = neighbours[index]
        let label = context.propertyLabel(relation)
        let relationShort = label.split(separator: "(").first.map { String($0).trimmingWhitespace } ?? label
        edges.append(SVG.line(centerX, centerY, x, y))
        edges.append(SVG.text(relationShort, x: (centerX + x) / 2, y: (centerY + y) / 2 - 4, size: 10, fill: "#555"))
        let name = context.name(id)
        boxes.append(
          SVG.box(
            x: x - 85, y: y - 22, width: 170, height: 44, lines: SVG.wrap(name, width: 24, maxLines: 2),
            tooltip: relationShort + ": " + name))
        description.append(relationShort + ": " + name)
      } else {
        edges.append(SVG.line(centerX, centerY, x, y, dashed: true))
        boxes.append(
          SVG.box(
            x: x - 85, y: y - 22, width: 170, height: 44, lines: ["systems spanned:", "not named by any source"],
            tooltip: "The sources say the commission encompasses multiple systems but name none.", dashed: true))
        description.append("systems spanned: not named by any source read")
      }
    }
    var centerLines = SVG.wrap(entity.labels.preferred ?? entity.id, width: 26, maxLines: 2)
    if let characters = ReportContext.characters(entity.labels) { centerLines.append(characters) }
    boxes.append(
      SVG.box(
        x: centerX - 110, y: centerY - 32, width: 220, height: 64, lines: centerLines,
        tooltip: entity.labels.preferred ?? entity.id, fill: "#dde8f6", bold: true))
    return .figure(
      id: "figure-network",
      caption: "Figure 3: \(context.name(entity.id)) and what it connects (from the knowledge base).",
      svg: SVG.root(width: width, height: height, title: title, edges + boxes), description: description)
  }
}
