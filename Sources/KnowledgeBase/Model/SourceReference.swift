import BibModel

/// One reference of a statement: a citation key into the bibliography and where in the source.
public struct SourceReference: Sendable, Hashable {
  /// The citation key.
  public var source: String
  /// Where the key was written (the `source:` value).
  public var sourceLocation: SourceLocation
  public var locator: String?
  public var locatorLocation: SourceLocation?
  /// The CSL locator type (`page` when absent).
  public var label: String?
  public var labelLocation: SourceLocation?
  public var quote: String?
  /// When the source was read (`retrieved`), if the reference says.
  public var retrieved: FactDate?
  public var retrievedLocation: SourceLocation?
  /// What was actually seen, when only a copy, mirror or repost was.
  public var via: String?
  public var note: String?
  /// Where the reference (its list item) begins.
  public var location: SourceLocation

  public init(source: String, sourceLocation: SourceLocation, location: SourceLocation) {
    self.source = source
    self.sourceLocation = sourceLocation
    self.location = location
  }
}
