import BibModel

/// Reads one entity file by the schema. A bad statement or reference costs that statement or
/// reference; an entity without a usable `id` or `kind` costs the entity.
enum EntityDecoder {
  static let entityFields = ["id", "kind", "labels", "aliases", "former-names", "description", "statements"]
  static let statementFields = [
    "value", "unknown-value", "no-value", "precision", "qualifiers", "rank", "reason", "id", "note", "references",
  ]
  static let referenceFields = ["source", "locator", "label", "quote", "retrieved", "via", "note"]

  static func decode(_ root: YAMLNode, file: String, schema: Schema) -> (Entity?, [Diagnostic]) {
    var reading = NodeReading()
    guard let pairs = reading.mapping(root, "an entity file") else { return (nil, reading.diagnostics) }
    guard let idNode = root["id"], let id = reading.string(idNode, "id") else {
      reading.problem("the entity has no id; it is skipped", at: root.location)
      return (nil, reading.diagnostics)
    }
    guard EntityID.isValid(id) else {
      reading.problem("'\(id)' is not a valid id ([a-z0-9][a-z0-9-_]*); the entity is skipped", at: idNode.location)
      return (nil, reading.diagnostics)
    }
    guard let kindNode = root["kind"], let kind = reading.string(kindNode, "kind") else {
      reading.problem("entity '\(id)' has no kind; it is skipped", at: root.location)
      return (nil, reading.diagnostics)
    }
    var entity = Entity(id: id, kind: kind, file: file, location: root.location, kindLocation: kindNode.location)
    var hasLabels = false
    for pair in pairs {
      switch pair.key {
      case "id", "kind": break
      case "labels":
        entity.labels = reading.labels(pair.value, "labels")
        hasLabels = !entity.labels.isEmpty
      case "aliases": entity.aliases = reading.aliases(pair.value)
      case "former-names": entity.formerNames = formerNames(pair.value, &reading)
      case "description": entity.description = reading.string(pair.value, "description")
      case "statements":
        guard !pair.value.isNull, let properties = reading.mapping(pair.value, "statements") else { continue }
        for property in properties {
          entity.propertyLocations[property.key] = property.keyLocation
          guard let items = property.value.sequence else {
            reading.problem(
              "the statements of '\(property.key)' must be a list (one '- value: …' per statement)",
              at: property.value.location)
            continue
          }
          for item in items {
            if let statement = statement(item, entity: id, property: property.key, schema: schema, &reading) {
              entity.statements.append(statement)
            }
          }
        }
      default: reading.unknownField(pair, in: "entity '\(id)'", known: entityFields)
      }
    }
    if !hasLabels { reading.problem("entity '\(id)' has no labels (at least one is required)", at: root.location) }
    return (entity, reading.diagnostics)
  }

  static func formerNames(_ node: YAMLNode, _ reading: inout NodeReading) -> [FormerName] {
    guard let items = node.sequence else {
      reading.problem("former-names must be a list", at: node.location)
      return []
    }
    var names: [FormerName] = []
    for item in items {
      guard let fields = reading.mapping(item, "a former name") else { continue }
      var name = FormerName(labels: MultilingualText(), location: item.location)
      for field in fields {
        switch field.key {
        case "labels": name.labels = reading.labels(field.value, "labels")
        case "aliases": name.aliases = reading.aliases(field.value)
        case "start": name.start = reading.date(field.value, "start")
        case "end": name.end = reading.date(field.value, "end")
        default: reading.unknownField(field, in: "a former name", known: ["labels", "aliases", "start", "end"])
        }
      }
      names.append(name)
    }
    return names
  }

  static func statement(
    _ node: YAMLNode, entity: String, property: String, schema: Schema, _ reading: inout NodeReading
  ) -> Statement? {
    guard let fields = reading.mapping(node, "a statement") else { return nil }
    let spec = schema.properties[property]?.value
    var value: (StatementValue, SourceLocation)?
    var valueCount = 0
    for field in fields {
      switch field.key {
      case "value":
        valueCount += 1
        if field.value.isNull {
          reading.problem(
            "'value' is empty; write the value, or 'unknown-value: true' / 'no-value: true'", at: field.keyLocation)
          continue
        }
        if let spec, case .success(let read) = ValueReader.read(field.value, as: spec) {
          value = (read, field.value.location)
        } else {
          value = (.uninterpreted(field.value), field.value.location)
        }
      case "unknown-value", "no-value":
        valueCount += 1
        if reading.bool(field.value, field.key) == true {
          value = (field.key == "unknown-value" ? .unknownValue : .noValue, field.keyLocation)
        } else {
          reading.problem("\(field.key) can only be 'true'", at: field.value.location)
        }
      default: break
      }
    }
    guard valueCount == 1, let (statementValue, valueLocation) = value else {
      if valueCount == 0, fields.contains(where: { $0.key == "value" }) {
        return nil  // an empty value, already reported
      } else if valueCount == 0 {
        reading.problem(
          "a statement of '\(property)' has no value, unknown-value or no-value; it is skipped",
          at: node.location)
      } else if valueCount > 1 {
        reading.problem(
          "a statement of '\(property)' has more than one of value, unknown-value and no-value; "
            + "it is skipped", at: node.location)
      }
      return nil
    }
    var statement = Statement(
      entity: entity, property: property, value: statementValue, valueLocation: valueLocation, location: node.location)
    for field in fields {
      switch field.key {
      case "value", "unknown-value", "no-value": break
      case "precision":
        statement.precision = reading.string(field.value, "precision")
        statement.precisionLocation = field.value.location
      case "qualifiers":
        guard let pairs = reading.mapping(field.value, "qualifiers") else { continue }
        for pair in pairs {
          let qualifierSpec = schema.qualifierSpec(pair.key, of: property)
          let qualifierValue: StatementValue
          if case .success(let read) = ValueReader.read(pair.value, as: qualifierSpec) {
            qualifierValue = read
          } else {
            qualifierValue = .uninterpreted(pair.value)
          }
          statement.qualifiers.append(
            Qualifier(
              name: pair.key, value: qualifierValue, location: pair.keyLocation, valueLocation: pair.value.location))
        }
      case "rank":
        if let text = reading.string(field.value, "rank") {
          if let rank = Rank(rawValue: text) {
            statement.rank = rank
          } else {
            reading.problem("rank must be preferred, normal or deprecated; found '\(text)'", at: field.value.location)
          }
        }
      case "reason": statement.reason = reading.string(field.value, "reason")
      case "id": statement.id = reading.string(field.value, "id")
      case "note": statement.note = reading.string(field.value, "note")
      case "references":
        if field.value.isNull { continue }
        guard let items = field.value.sequence else {
          reading.problem("references must be a list", at: field.value.location)
          continue
        }
        for item in items {
          if let reference = reference(item, &reading) { statement.references.append(reference) }
        }
      default: reading.unknownField(field, in: "a statement", known: statementFields)
      }
    }
    return statement
  }

  static func reference(_ node: YAMLNode, _ reading: inout NodeReading) -> SourceReference? {
    if let key = node.scalar {
      // `- key` as a shorthand is not part of the format; say how to write it.
      reading.problem("a reference must be a map; write '- source: \(key)'", at: node.location)
      return nil
    }
    guard let fields = reading.mapping(node, "a reference") else { return nil }
    guard let sourceNode = node["source"], let key = reading.string(sourceNode, "source"), !key.isEmpty else {
      reading.problem("a reference has no source; it is skipped", at: node.location)
      return nil
    }
    var reference = SourceReference(source: key, sourceLocation: sourceNode.location, location: node.location)
    for field in fields {
      switch field.key {
      case "source": break
      case "locator":
        reference.locator = reading.string(field.value, "locator")
        reference.locatorLocation = field.value.location
      case "label":
        reference.label = reading.string(field.value, "label")
        reference.labelLocation = field.value.location
      case "quote": reference.quote = reading.string(field.value, "quote")
      case "retrieved":
        reference.retrieved = reading.date(field.value, "retrieved")
        reference.retrievedLocation = field.value.location
      case "via": reference.via = reading.string(field.value, "via")
      case "note": reference.note = reading.string(field.value, "note")
      default: reading.unknownField(field, in: "a reference", known: referenceFields)
      }
    }
    return reference
  }
}
