import BibModel

/// Reads the schema's `report:` section into a `ReportSpec`, collecting structure findings.
enum ReportSpecDecoder {
  static let fields = ["names", "figures"]
  static let figureTypes = ["hub", "levels", "network", "timeline"]
  static let figureFields: [String: [String]] = [
    "hub": ["list", "kind", "hub"],
    "levels": ["levels", "qualifier"],
    "network": ["subject", "relations", "unnamed", "caption"],
    "timeline": ["start", "end", "marker", "points"],
  ]

  static func decode(_ node: YAMLNode, _ reading: inout NodeReading) -> ReportSpec {
    var spec = ReportSpec()
    for pair in reading.mapping(node, "report") ?? [] {
      switch pair.key {
      case "names":
        for item in sequence(pair.value, "names", &reading) {
          guard let fields = reading.mapping(item, "a name form") else { continue }
          let label = required(fields, "label", in: "a name form", at: item.location, &reading)
          let languages = fields.first { $0.key == "languages" }.flatMap { reading.strings($0.value, "languages") }
          for field in fields where !["label", "languages"].contains(field.key) {
            reading.unknownField(field, in: "a name form", known: ["label", "languages"])
          }
          guard let label, let languages, !languages.isEmpty else {
            if languages?.isEmpty ?? true { reading.problem("a name form needs languages", at: item.location) }
            continue
          }
          spec.names.append(NameFormSpec(label: label, languages: languages))
        }
      case "figures":
        for item in sequence(pair.value, "figures", &reading) {
          if let figure = decodeFigure(item, &reading) { spec.figures.append(figure) }
        }
      default: reading.unknownField(pair, in: "report", known: fields)
      }
    }
    return spec
  }

  static func decodeFigure(_ node: YAMLNode, _ reading: inout NodeReading) -> FigureSpec? {
    guard let fields = reading.mapping(node, "a figure") else { return nil }
    let what = "a figure"
    guard let type = required(fields, "type", in: what, at: node.location, &reading) else { return nil }
    guard let own = figureFields[type] else {
      reading.problem(
        "unknown figure type '\(type)'", at: node.location, hint: "one of " + figureTypes.joined(separator: ", "))
      return nil
    }
    let known = ["id", "type", "title"] + own
    for field in fields where !known.contains(field.key) { reading.unknownField(field, in: what, known: known) }
    guard let id = required(fields, "id", in: what, at: node.location, &reading),
      let title = required(fields, "title", in: what, at: node.location, &reading)
    else { return nil }
    let drawing: FigureSpec.Drawing?
    switch type {
    case "hub":
      drawing = required(fields, "list", in: "figure '\(id)'", at: node.location, &reading).map { list in
        .hub(
          FigureSpec.Hub(
            list: list, kind: optional(fields, "kind", &reading), hubLabel: optional(fields, "hub", &reading)))
      }
    case "levels": drawing = decodeLevels(fields, id: id, at: node.location, &reading).map { .levels($0) }
    case "network": drawing = decodeNetwork(fields, id: id, at: node.location, &reading).map { .network($0) }
    default: drawing = decodeTimeline(fields, id: id, at: node.location, &reading).map { .timeline($0) }
    }
    return drawing.map { FigureSpec(id: id, title: title, drawing: $0, location: node.location) }
  }

  static func decodeLevels(
    _ fields: [YAMLPair], id: String, at location: SourceLocation, _ reading: inout NodeReading
  ) -> FigureSpec.Levels? {
    guard let node = fields.first(where: { $0.key == "levels" })?.value else {
      reading.problem("figure '\(id)' has no levels", at: location)
      return nil
    }
    var levels: [FigureSpec.Level] = []
    for item in sequence(node, "levels", &reading) {
      guard let pairs = reading.mapping(item, "a level") else { continue }
      for pair in pairs where !["label", "show"].contains(pair.key) {
        reading.unknownField(pair, in: "a level", known: ["label", "show"])
      }
      guard let label = required(pairs, "label", in: "a level", at: item.location, &reading) else { continue }
      let show = pairs.first { $0.key == "show" }.map { shown($0.value, &reading) } ?? []
      levels.append(FigureSpec.Level(label: label, show: show))
    }
    return FigureSpec.Levels(levels: levels, qualifier: optional(fields, "qualifier", &reading))
  }

  /// `show:` items: a property name, or `{property: NAME, prefix: TEXT}`.
  static func shown(_ node: YAMLNode, _ reading: inout NodeReading) -> [FigureSpec.Shown] {
    sequence(node, "show", &reading).compactMap { item in
      if let name = item.scalar { return FigureSpec.Shown(property: name) }
      guard let pairs = reading.mapping(item, "an element of show") else { return nil }
      for pair in pairs where !["property", "prefix"].contains(pair.key) {
        reading.unknownField(pair, in: "an element of show", known: ["property", "prefix"])
      }
      guard let property = required(pairs, "property", in: "an element of show", at: item.location, &reading)
      else { return nil }
      return FigureSpec.Shown(property: property, prefix: optional(pairs, "prefix", &reading) ?? "")
    }
  }

  static func decodeNetwork(
    _ fields: [YAMLPair], id: String, at location: SourceLocation, _ reading: inout NodeReading
  ) -> FigureSpec.Network? {
    guard let subject = fields.first(where: { $0.key == "subject" })?.value else {
      reading.problem("figure '\(id)' has no subject", at: location)
      return nil
    }
    guard let pairs = reading.mapping(subject, "subject") else { return nil }
    let subjectFields = ["property", "value", "prefer"]
    for pair in pairs where !subjectFields.contains(pair.key) {
      reading.unknownField(pair, in: "subject", known: subjectFields)
    }
    guard let property = required(pairs, "property", in: "subject", at: subject.location, &reading),
      let value = required(pairs, "value", in: "subject", at: subject.location, &reading)
    else { return nil }
    let relations = fields.first { $0.key == "relations" }.flatMap { reading.strings($0.value, "relations") } ?? []
    var unnamed: [FigureSpec.Placeholder] = []
    for pair in fields.first(where: { $0.key == "unnamed" }).flatMap({ reading.mapping($0.value, "unnamed") }) ?? [] {
      guard let box = reading.mapping(pair.value, "unnamed '\(pair.key)'") else { continue }
      let known = ["lines", "tooltip", "description"]
      for field in box where !known.contains(field.key) {
        reading.unknownField(field, in: "unnamed '\(pair.key)'", known: known)
      }
      let lines = box.first { $0.key == "lines" }.flatMap { reading.strings($0.value, "lines") } ?? [pair.key]
      let description = optional(box, "description", &reading) ?? lines.joined(separator: " ")
      unnamed.append(
        FigureSpec.Placeholder(
          property: pair.key, lines: lines, tooltip: optional(box, "tooltip", &reading) ?? description,
          description: description))
    }
    return FigureSpec.Network(
      property: property, value: value, prefer: optional(pairs, "prefer", &reading), relations: relations,
      unnamed: unnamed, caption: optional(fields, "caption", &reading))
  }

  static func decodeTimeline(
    _ fields: [YAMLPair], id: String, at location: SourceLocation, _ reading: inout NodeReading
  ) -> FigureSpec.Timeline? {
    func mark(_ key: String) -> FigureSpec.Mark? {
      guard let node = fields.first(where: { $0.key == key })?.value else { return nil }
      if let name = node.scalar { return FigureSpec.Mark(property: name) }
      guard let pairs = reading.mapping(node, key) else { return nil }
      for pair in pairs where !["property", "label"].contains(pair.key) {
        reading.unknownField(pair, in: key, known: ["property", "label"])
      }
      guard let property = required(pairs, "property", in: key, at: node.location, &reading) else { return nil }
      return FigureSpec.Mark(property: property, label: optional(pairs, "label", &reading))
    }
    guard let start = mark("start"), let end = mark("end") else {
      reading.problem("figure '\(id)' needs a start and an end", at: location)
      return nil
    }
    return FigureSpec.Timeline(start: start, end: end, marker: mark("marker"), points: mark("points"))
  }

  // MARK: - Helpers

  private static func sequence(_ node: YAMLNode, _ what: String, _ reading: inout NodeReading) -> [YAMLNode] {
    if node.isNull { return [] }
    if let items = node.sequence { return items }
    reading.problem("\(what) must be a list, found \(node.shapeName)", at: node.location)
    return []
  }

  private static func optional(_ fields: [YAMLPair], _ key: String, _ reading: inout NodeReading) -> String? {
    fields.first { $0.key == key }.flatMap { reading.string($0.value, key) }
  }

  private static func required(
    _ fields: [YAMLPair], _ key: String, in what: String, at location: SourceLocation, _ reading: inout NodeReading
  ) -> String? {
    guard let field = fields.first(where: { $0.key == key }) else {
      reading.problem("\(what) has no \(key)", at: location)
      return nil
    }
    return reading.string(field.value, key)
  }
}
