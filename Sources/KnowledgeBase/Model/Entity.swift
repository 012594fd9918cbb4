import BibModel

/// A name an entity had before, with when it was used.
public struct FormerName: Sendable, Hashable {
  public var labels: MultilingualText
  /// Other forms of the name, several per language allowed.
  public var aliases: MultilingualText = MultilingualText()
  public var start: FactDate?
  public var end: FactDate?
  public var location: SourceLocation

  public init(labels: MultilingualText, start: FactDate? = nil, end: FactDate? = nil, location: SourceLocation) {
    self.labels = labels
    self.start = start
    self.end = end
    self.location = location
  }
}

/// A thing the knowledge base describes: an LSG, a system, a person, … (its `kind`).
public struct Entity: Sendable, Hashable, Identifiable {
  public var id: String
  public var kind: String
  public var labels: MultilingualText
  /// Other names in use, several per language allowed (`aliases:`).
  public var aliases: MultilingualText
  public var formerNames: [FormerName]
  public var description: String?
  /// Statements in the order written (grouped by property as in the file).
  public var statements: [Statement]
  /// The file the entity was read from.
  public var file: String
  /// Where the entity's mapping begins.
  public var location: SourceLocation
  public var kindLocation: SourceLocation
  /// Where each property's key was written.
  public var propertyLocations: [String: SourceLocation]

  public init(id: String, kind: String, file: String, location: SourceLocation, kindLocation: SourceLocation) {
    self.id = id
    self.kind = kind
    self.labels = MultilingualText()
    self.aliases = MultilingualText()
    self.formerNames = []
    self.statements = []
    self.file = file
    self.location = location
    self.kindLocation = kindLocation
    self.propertyLocations = [:]
  }

  /// The statements of one property.
  public func statements(of property: String) -> [Statement] { statements.filter { $0.property == property } }

  /// Properties in the order first written.
  public var properties: [String] {
    var seen: Set<String> = []
    return statements.compactMap { seen.insert($0.property).inserted ? $0.property : nil }
  }
}
