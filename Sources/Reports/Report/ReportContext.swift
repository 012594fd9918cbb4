import BibModel
import KnowledgeBase

/// Read-only lookups the report sections share: entities, references, labels and value display.
struct ReportContext: Sendable {
  let knowledge: Knowledge
  let references: [String: Reference]
  /// The keys of the sources of the schema's secondary types (`ProvenanceMark.secondarySources`).
  let secondarySources: Set<String>
  /// Each entity's link, made once: statements name the same entities again and again.
  private let entityLinks: [String: DocInline]

  init(knowledge: Knowledge, references: [Reference]) {
    self.knowledge = knowledge
    var byKey: [String: Reference] = [:]
    for reference in references where byKey[reference.id] == nil { byKey[reference.id] = reference }
    self.references = byKey
    self.secondarySources = ProvenanceMark.secondarySources(
      references: byKey, secondaryTypes: knowledge.schema.secondarySourceTypes)
    var links: [String: DocInline] = [:]
    for entity in knowledge.entities where links[entity.id] == nil {
      links[entity.id] = .anchorLink(
        id: Self.entityAnchor(entity.id), content: [.text(knowledge.preferredLabel(of: entity.id) ?? entity.id)])
    }
    self.entityLinks = links
  }

  static func entityAnchor(_ id: String) -> String { "entity-" + Anchor.slug(id) }
  static func sourceAnchor(_ key: String) -> String { "source-" + Anchor.slug(key) }

  /// The English name of an entity (or its first label, or its id).
  func name(_ id: String) -> String { knowledge.preferredLabel(of: id) ?? id }

  /// The first name form the schema's report shows (`Characters`), as figures and former names
  /// show it; nil when the schema declares none or the entity does not record it.
  func originalName(_ labels: MultilingualText) -> String? {
    knowledge.schema.report.names.first?.pick(labels)
  }

  /// A property's label from the schema, else its name.
  func propertyLabel(_ property: String) -> String {
    knowledge.schema.properties[property]?.label ?? property
  }

  func kindLabel(_ kind: String) -> String { knowledge.schema.kinds[kind]?.label ?? kind }

  /// A link to an entity when it exists, else the plain id.
  func entityLink(_ id: String) -> DocInline { entityLinks[id] ?? .text(id) }

  /// A value as inline content; entity ids (and enum values that are entity ids) become links.
  func value(_ value: StatementValue) -> [DocInline] {
    var output: [DocInline] = []
    append(value, to: &output)
    return output
  }

  /// `value`'s inlines appended to `output`: a sentence or a row of qualifiers is built in one
  /// list (joining lists copied every inline of both).
  func append(_ value: StatementValue, to output: inout [DocInline]) {
    switch value {
    case .entity(let id): output.append(entityLink(id))
    case .enumeration(let text): output.append(knowledge.contains(text) ? entityLink(text) : .text(text))
    case .multilingual(let text):
      let english = text.preferred ?? ""
      let others = text.forms.filter { $0.language != "en" && $0.text != english }.map(\.text)
      output.append(.text(others.isEmpty ? english : english + " (" + others.joined(separator: "; ") + ")"))
    case .list(let items):
      for index in items.indices {
        if index > 0 { output.append(.text(", ")) }
        append(items[index].value, to: &output)
      }
    default:
      output.append(.text(value.display))
    }
  }

  /// Qualifiers as `name: value` pairs.
  func qualifiers(_ statement: Statement) -> [DocInline] {
    let qualifiers = statement.qualifiers
    var output: [DocInline] = []
    output.reserveCapacity(qualifiers.count * 3)
    for index in qualifiers.indices {
      if index > 0 { output.append(.text("; ")) }
      output.append(.text(qualifiers[index].name + ": "))
      append(qualifiers[index].value, to: &output)
    }
    return output
  }

  /// A statement as a sentence: "Central National Security Commission — established: 2013-11."
  func sentence(_ statement: Statement) -> [DocInline] {
    var output: [DocInline] = []
    output.reserveCapacity(3)
    output.append(entityLink(statement.entity))
    output.append(.text(" — " + propertyLabel(statement.property) + ": "))
    append(statement.value, to: &output)
    return output
  }
}
