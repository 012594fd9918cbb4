import BibModel

/// A qualifier of a statement: `start`, `end`, `as-of`, `point-in-time` (dates) or any qualifier
/// the schema declares; undeclared ones are free text.
public struct Qualifier: Sendable, Hashable {
  public var name: String
  public var value: StatementValue
  /// Where the qualifier's key was written.
  public var location: SourceLocation
  /// Where its value was written.
  public var valueLocation: SourceLocation

  public init(name: String, value: StatementValue, location: SourceLocation, valueLocation: SourceLocation) {
    self.name = name
    self.value = value
    self.location = location
    self.valueLocation = valueLocation
  }

  /// The qualifiers that are always dates.
  public static let dateQualifiers: Set<String> = ["start", "end", "as-of", "point-in-time"]
}
