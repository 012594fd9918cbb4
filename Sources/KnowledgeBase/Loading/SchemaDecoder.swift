import BibModel

/// Reads `schema.yaml` into a `Schema`, collecting structure findings.
enum SchemaDecoder {
  static let topFields = ["kinds", "properties", "sources", "report"]
  static let kindFields = ["label", "description", "expects"]
  static let propertyFields = [
    "label", "description", "kinds", "type", "element-type", "values", "entity-kinds", "single-valued", "sourced",
    "corroboration", "qualifiers", "lifetime",
  ]
  static let qualifierFields = ["type", "element-type", "values", "entity-kinds", "label", "description"]

  static func decode(_ root: YAMLNode, file: String) -> (Schema, [Diagnostic]) {
    var reading = NodeReading()
    var schema = Schema(file: file)
    guard let pairs = reading.mapping(root, "the schema") else { return (schema, reading.diagnostics) }
    for pair in pairs {
      switch pair.key {
      case "kinds":
        for kind in reading.mapping(pair.value, "kinds") ?? [] {
          schema.kinds[kind.key] = decodeKind(kind, &reading)
        }
      case "properties":
        for property in reading.mapping(pair.value, "properties") ?? [] {
          if let spec = decodeProperty(property, &reading) { schema.properties[property.key] = spec }
        }
      case "sources":
        for option in reading.mapping(pair.value, "sources") ?? [] {
          if option.key == "secondary-types" {
            if let types = reading.strings(option.value, "secondary-types") {
              schema.secondarySourceTypes = Set(types)
            }
          } else {
            reading.unknownField(option, in: "sources", known: ["secondary-types"])
          }
        }
      case "report":
        schema.report = ReportSpecDecoder.decode(pair.value, &reading)
      default:
        reading.unknownField(pair, in: "the schema", known: topFields)
      }
    }
    return (schema, reading.diagnostics)
  }

  static func decodeKind(_ pair: YAMLPair, _ reading: inout NodeReading) -> KindSpec {
    var kind = KindSpec(name: pair.key, location: pair.keyLocation)
    guard !pair.value.isNull, let fields = reading.mapping(pair.value, "kind '\(pair.key)'") else { return kind }
    for field in fields {
      switch field.key {
      case "label": kind.label = reading.string(field.value, "label")
      case "description": kind.description = reading.string(field.value, "description")
      case "expects": kind.expects = reading.strings(field.value, "expects") ?? []
      default: reading.unknownField(field, in: "kind '\(pair.key)'", known: kindFields)
      }
    }
    return kind
  }

  static func valueType(_ node: YAMLNode, _ reading: inout NodeReading) -> ValueType? {
    guard let name = reading.string(node, "type") else { return nil }
    guard let type = ValueType(rawValue: name) else {
      reading.problem(
        "unknown type '\(name)'", at: node.location,
        hint: "one of " + ValueType.allCases.map(\.rawValue).joined(separator: ", "))
      return nil
    }
    return type
  }

  /// Reads `type`, `element-type`, `values` and `entity-kinds` from a property or qualifier map.
  static func valueSpec(
    _ fields: [YAMLPair], what: String, at location: SourceLocation,
    _ reading: inout NodeReading
  ) -> ValueSpec? {
    var spec = ValueSpec(type: .text)
    var typed = false
    for field in fields {
      switch field.key {
      case "type":
        guard let type = valueType(field.value, &reading) else { return nil }
        spec.type = type
        typed = true
      case "element-type": spec.elementType = valueType(field.value, &reading)
      case "values": spec.values = reading.strings(field.value, "values")
      case "entity-kinds": spec.entityKinds = reading.strings(field.value, "entity-kinds")
      default: break
      }
    }
    if !typed { reading.problem("\(what) has no type", at: location) }
    return typed ? spec : nil
  }

  static func decodeProperty(_ pair: YAMLPair, _ reading: inout NodeReading) -> PropertySpec? {
    guard let fields = reading.mapping(pair.value, "property '\(pair.key)'") else { return nil }
    guard let value = valueSpec(fields, what: "property '\(pair.key)'", at: pair.keyLocation, &reading) else {
      return nil
    }
    var property = PropertySpec(name: pair.key, value: value, location: pair.keyLocation)
    for field in fields {
      switch field.key {
      case "type", "element-type", "values", "entity-kinds": break
      case "label": property.label = reading.string(field.value, "label")
      case "description": property.description = reading.string(field.value, "description")
      case "kinds": property.kinds = reading.strings(field.value, "kinds")
      case "single-valued": property.singleValued = reading.bool(field.value, "single-valued") ?? false
      case "sourced": property.sourced = reading.bool(field.value, "sourced") ?? true
      case "corroboration":
        if let text = reading.string(field.value, "corroboration"), let count = Int(text), count >= 1 {
          property.corroboration = count
        } else {
          reading.problem("corroboration must be a whole number of sources (1 or more)", at: field.value.location)
        }
      case "qualifiers":
        for qualifier in reading.mapping(field.value, "qualifiers") ?? [] {
          if let spec = decodeQualifier(qualifier, &reading) { property.qualifiers[qualifier.key] = spec }
        }
      case "lifetime": property.lifetime = decodeLifetime(field.value, &reading)
      default: reading.unknownField(field, in: "property '\(pair.key)'", known: propertyFields)
      }
    }
    return property
  }

  static func decodeQualifier(_ pair: YAMLPair, _ reading: inout NodeReading) -> ValueSpec? {
    if pair.value.scalar != nil {
      return valueType(pair.value, &reading).map { ValueSpec(type: $0) }
    }
    guard let fields = reading.mapping(pair.value, "qualifier '\(pair.key)'") else { return nil }
    for field in fields where !qualifierFields.contains(field.key) {
      reading.unknownField(field, in: "qualifier '\(pair.key)'", known: qualifierFields)
    }
    return valueSpec(fields, what: "qualifier '\(pair.key)'", at: pair.keyLocation, &reading)
  }

  static func decodeLifetime(_ node: YAMLNode, _ reading: inout NodeReading) -> LifetimeSpec? {
    guard let fields = reading.mapping(node, "lifetime") else { return nil }
    var spec = LifetimeSpec(start: "established", end: "disbanded", bounds: [:])
    for field in fields {
      switch field.key {
      case "start": spec.start = reading.string(field.value, "start") ?? spec.start
      case "end": spec.end = reading.string(field.value, "end") ?? spec.end
      case "citation": spec.citation = reading.string(field.value, "citation")
      case "values":
        for value in reading.mapping(field.value, "values") ?? [] {
          var bounds = LifetimeBounds()
          for bound in reading.mapping(value.value, "lifetime of '\(value.key)'") ?? [] {
            let number = bound.value.scalar.flatMap(ValueReader.parseNumber)
            switch bound.key {
            case "min-years": bounds.minYears = number
            case "max-years": bounds.maxYears = number
            default: reading.unknownField(bound, in: "lifetime of '\(value.key)'", known: ["min-years", "max-years"])
            }
            if number == nil, ["min-years", "max-years"].contains(bound.key) {
              reading.problem("\(bound.key) must be a number of years", at: bound.value.location)
            }
          }
          spec.bounds[value.key] = bounds
        }
      default: reading.unknownField(field, in: "lifetime", known: ["start", "end", "citation", "values"])
      }
    }
    return spec
  }
}
