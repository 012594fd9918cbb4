import BibModel

/// One statement about an entity: a property, a value, qualifiers, a rank and the references
/// that support it.
///
/// A value type whose fields live in a copy-on-write box: rules pass statements around a great
/// deal, and a copy then costs one retain instead of one per string and location inside.
public struct Statement: Sendable, Hashable {
  struct Fields: Sendable, Hashable {
    var entity: String
    var property: String
    var id: String? = nil
    var value: StatementValue
    var valueLocation: SourceLocation
    var precision: String? = nil
    var precisionLocation: SourceLocation? = nil
    var qualifiers: [Qualifier] = []
    var rank: Rank = .normal
    var reason: String? = nil
    var note: String? = nil
    var references: [SourceReference] = []
    var location: SourceLocation
  }

  /// The box is only mutated while uniquely referenced (copy on write), so sharing it is safe.
  private final class Box: @unchecked Sendable {
    var fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var box: Box

  private var fields: Fields {
    get { box.fields }
    _modify {
      if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
      yield &box.fields
    }
  }

  public static func == (lhs: Statement, rhs: Statement) -> Bool { lhs.box === rhs.box || lhs.fields == rhs.fields }
  public func hash(into hasher: inout Hasher) { hasher.combine(fields) }

  /// The entity the statement is about.
  public var entity: String {
    get { box.fields.entity }
    set { fields.entity = newValue }
  }
  public var property: String {
    get { box.fields.property }
    set { fields.property = newValue }
  }
  /// The statement's own identifier (`F08`), if written.
  public var id: String? {
    get { box.fields.id }
    set { fields.id = newValue }
  }
  public var value: StatementValue {
    get { box.fields.value }
    set { fields.value = newValue }
  }
  /// Where the value (or `unknown-value` / `no-value`) was written.
  public var valueLocation: SourceLocation {
    get { box.fields.valueLocation }
    set { fields.valueLocation = newValue }
  }
  /// The declared precision of a date value (`precision:`), if written.
  public var precision: String? {
    get { box.fields.precision }
    set { fields.precision = newValue }
  }
  public var precisionLocation: SourceLocation? {
    get { box.fields.precisionLocation }
    set { fields.precisionLocation = newValue }
  }
  public var qualifiers: [Qualifier] {
    get { box.fields.qualifiers }
    set { fields.qualifiers = newValue }
  }
  public var rank: Rank {
    get { box.fields.rank }
    set { fields.rank = newValue }
  }
  public var reason: String? {
    get { box.fields.reason }
    set { fields.reason = newValue }
  }
  public var note: String? {
    get { box.fields.note }
    set { fields.note = newValue }
  }
  public var references: [SourceReference] {
    get { box.fields.references }
    set { fields.references = newValue }
  }
  /// Where the statement (its list item) begins.
  public var location: SourceLocation {
    get { box.fields.location }
    set { fields.location = newValue }
  }

  public init(
    entity: String, property: String, value: StatementValue, valueLocation: SourceLocation,
    location: SourceLocation
  ) {
    box = Box(
      Fields(entity: entity, property: property, value: value, valueLocation: valueLocation, location: location))
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
