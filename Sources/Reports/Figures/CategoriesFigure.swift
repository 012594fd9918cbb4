import KnowledgeBase

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Figure 1: the categories of leading small groups around the system they belong to.
enum CategoriesFigure {
  static func make(_ context: ReportContext) -> DocBlock {
    let knowledge = context.knowledge
    // The system that lists the categories, else every entity of kind `category`.
    var hub = "Leading small groups"
    var hubCharacters: String?
    var categoryIDs: [String] = []
    for entity in knowledge.entities {
      for statement in entity.statements(of: "categories") where statement.rank != .deprecated {
        if case .list(let items) = statement.value {
          categoryIDs = items.compactMap {
            if case .entity(let id) = $0.value { return id }
            if case .enumeration(let id) = $0.value { return id }
            return nil
          }
          hub = entity.labels.preferred ?? hub
          hubCharacters = ReportContext.characters(entity.labels)
        }
      }
      if !categoryIDs.isEmpty { break }
    }
    if categoryIDs.isEmpty { categoryIDs = knowledge.entities.filter { $0.kind == "category" }.map(\.id) }
    let width = 760.0
    let height = 420.0
    let centerX = width / 2
    let centerY = height / 2
    var children: [HTMLNode] = []
    var description: [String] = []
    let count = max(categoryIDs.count, 1)
    var boxes: [HTMLNode] = []
    for (index, id) in categoryIDs.enumerated() {
      let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
      let x = centerX + 270 * cos(angle)
      let y = centerY + 150 * sin(angle)
      let english = context.name(id)
      let characters = knowledge.entity(id).flatMap { ReportContext.characters($0.labels) }
      children.append(SVG.line(centerX, centerY, x, y))
      var lines = SVG.wrap(english, width: 26, maxLines: 2)
      if let characters { lines.append(characters) }
      boxes.append(
        SVG.box(
          x: x - 105, y: y - 30, width: 210, height: 60, lines: lines,
          tooltip: english + (characters.map { " (" + $0 + ")" } ?? "")))
      description.append(english + (characters.map { " (" + $0 + ")" } ?? ""))
    }
    var hubLines = SVG.wrap(hub, width: 26, maxLines: 2)
    if let hubCharacters { hubLines.append(hubCharacters) }
    boxes.append(
      SVG.box(
        x: centerX - 115, y: centerY - 32, width: 230, height: 64, lines: hubLines, tooltip: hub, fill: "#dde8f6",
        bold: true))
    if categoryIDs.isEmpty {
      boxes.append(SVG.text("The knowledge base records no categories.", x: centerX, y: centerY + 70))
      description.append("The knowledge base records no categories.")
    }
    let title = "Figure 1: The \(categoryIDs.count) categories of leading small groups"
    return .figure(
      id: "figure-categories", caption: title + " (from the knowledge base).",
      svg: SVG.root(width: width, height: height, title: title, children + boxes), description: description)
  }
}
