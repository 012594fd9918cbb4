/// The type the schema gives a property or qualifier; values are read by it.
public enum ValueType: String, Sendable, Hashable, CaseIterable {
  case text, date, entity
  case enumeration = "enum"
  case number, list
}

/// The shape of a value: its type and the constraints that go with it. Shared by properties
/// and qualifiers.
public struct ValueSpec: Sendable, Hashable {
  public var type: ValueType
  /// For lists: the type of the elements (`text` when not given).
  public var elementType: ValueType?
  /// For enums (or lists of enums): the allowed values.
  public var values: [String]?
  /// For entity values (or lists of them): the kinds the entity may have (any when nil).
  public var entityKinds: [String]?

  public init(type: ValueType, elementType: ValueType? = nil, values: [String]? = nil, entityKinds: [String]? = nil) {
    self.type = type
    self.elementType = elementType
    self.values = values
    self.entityKinds = entityKinds
  }

  /// The spec of a list's elements.
  public var element: ValueSpec {
    ValueSpec(type: elementType ?? .text, values: values, entityKinds: entityKinds)
  }
}
