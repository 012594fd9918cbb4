import BibModel

/// A loaded knowledge base: the schema, the entities and what went wrong reading them.
public struct Knowledge: Sendable {
  public var schema: Schema
  public var entities: [Entity]
  /// Problems found while loading (YAML, structure, duplicates), at their default severity.
  public var diagnostics: [Diagnostic]
  /// Every file read, in order (including skipped ones).
  public var files: [String]
  private var index: [String: Int]

  public init(schema: Schema, entities: [Entity], diagnostics: [Diagnostic] = [], files: [String] = []) {
    self.schema = schema
    self.entities = entities
    self.diagnostics = diagnostics
    self.files = files
    var index: [String: Int] = [:]
    for (offset, entity) in entities.enumerated() where index[entity.id] == nil { index[entity.id] = offset }
    self.index = index
  }

  public func entity(_ id: String) -> Entity? { index[id].map { entities[$0] } }

  /// True when an entity has this id; unlike `entity(_:)`, copies nothing.
  public func contains(_ id: String) -> Bool { index[id] != nil }

  /// The preferred label of the entity with this id (nil when there is none or it has no label).
  public func preferredLabel(of id: String) -> String? { index[id].flatMap { entities[$0].labels.preferred } }

  /// Every statement, entity by entity.
  public var statements: [Statement] { entities.flatMap(\.statements) }
}
