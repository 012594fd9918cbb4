import BibModel

/// The value of a statement or qualifier, read according to the schema's type.
public indirect enum StatementValue: Sendable, Hashable {
  case text(String)
  case multilingual(MultilingualText)
  case date(FactDate)
  /// The id of another entity.
  case entity(String)
  /// One of the schema's `values`.
  case enumeration(String)
  /// A number, kept as written and as a value.
  case number(String, Double)
  case list([LocatedValue])
  /// Wikidata's "unknown value": the property has a value nobody knows.
  case unknownValue
  /// Wikidata's "no value": the property positively has no value.
  case noValue
  /// A value that could not be read by its property's type (or whose property is unknown):
  /// kept as written so nothing is lost; the schema rules report why.
  case uninterpreted(YAMLNode)

  /// The value as one line of text.
  public var display: String {
    switch self {
    case .text(let text), .entity(let text), .enumeration(let text), .number(let text, _): text
    case .multilingual(let text): text.forms.map { "\($0.language): \($0.text)" }.joined(separator: "; ")
    case .date(let date): date.description
    case .list(let items): "[" + items.map(\.value.display).joined(separator: ", ") + "]"
    case .unknownValue: "(unknown value)"
    case .noValue: "(no value)"
    case .uninterpreted(let node): node.scalar ?? "(\(node.shapeName))"
    }
  }

  /// The date, when the value is one.
  public var date: FactDate? {
    if case .date(let date) = self { return date }
    return nil
  }

  /// Entity ids the value refers to, with where each was written.
  public func entityReferences(at location: SourceLocation) -> [(id: String, location: SourceLocation)] {
    switch self {
    case .entity(let id): [(id, location)]
    case .list(let items): items.flatMap { $0.value.entityReferences(at: $0.location) }
    default: []
    }
  }
}

/// A value with the place it was written (the elements of list values).
public struct LocatedValue: Sendable, Hashable {
  public var value: StatementValue
  public var location: SourceLocation
  public init(value: StatementValue, location: SourceLocation) {
    self.value = value
    self.location = location
  }
}
