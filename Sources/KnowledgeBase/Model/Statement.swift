import BibModel

/// One statement about an entity: a property, a value, qualifiers, a rank and the references
/// that support it.
public struct Statement: Sendable, Hashable {
  /// The entity the statement is about.
  public var entity: String
  public var property: String
  /// The statement's own identifier (`F08`), if written.
  public var id: String?
  public var value: StatementValue
  /// Where the value (or `unknown-value` / `no-value`) was written.
  public var valueLocation: SourceLocation
  /// The declared precision of a date value (`precision:`), if written.
  public var precision: String?
  public var precisionLocation: SourceLocation?
  public var qualifiers: [Qualifier]
  public var rank: Rank
  public var reason: String?
  public var note: String?
  public var references: [SourceReference]
  /// Where the statement (its list item) begins.
  public var location: SourceLocation

  public init(
    entity: String, property: String, value: StatementValue, valueLocation: SourceLocation,
    location: SourceLocation
  ) {
    self.entity = entity
    self.property = property
    self.value = value
    self.valueLocation = valueLocation
    self.qualifiers = []
    self.rank = .normal
    self.references = []
    self.location = location
  }

  public func qualifier(_ name: String) -> Qualifier? { qualifiers.first { $0.name == name } }

  /// The statement's time: `start`, else `point-in-time`, else `as-of` (dates only).
  public var startDate: FactDate? {
    qualifier("start")?.value.date ?? qualifier("point-in-time")?.value.date ?? qualifier("as-of")?.value.date
  }

  /// The statement's end: `end`, else `point-in-time`.
  public var endDate: FactDate? {
    qualifier("end")?.value.date ?? qualifier("point-in-time")?.value.date
  }

  /// A short name for messages: `cfeac.head F08` or `cfeac.head #2`.
  public func label(index: Int? = nil) -> String {
    if let id { return "\(entity).\(property) \(id)" }
    if let index { return "\(entity).\(property) #\(index + 1)" }
    return "\(entity).\(property)"
  }
}
