import BibModel

/// A bibliography file as read: its references plus what the format keeps beside them
/// (BibTeX `@preamble`, `@comment`, `@string` definitions), and where everything was written.
public struct BibDocument: Sendable, Hashable {
  /// The references, in file order.
  public var references: [Reference]
  /// File-level material that is not a reference, in file order (BibTeX only).
  public var blocks: [BibBlock]
  /// Where each reference starts, by id.
  public var locations: [String: SourceLocation]
  /// Where each field of each reference was written: id → field name (as written) → place.
  public var fieldLocations: [String: [String: SourceLocation]]

  /// A document; everything defaults to empty.
  public init(
    references: [Reference] = [], blocks: [BibBlock] = [],
    locations: [String: SourceLocation] = [:], fieldLocations: [String: [String: SourceLocation]] = [:]
  ) {
    self.references = references
    self.blocks = blocks
    self.locations = locations
    self.fieldLocations = fieldLocations
  }

  /// Documents are equal when their references and blocks are (positions are ignored).
  public static func == (lhs: BibDocument, rhs: BibDocument) -> Bool {
    lhs.references == rhs.references && lhs.blocks == rhs.blocks
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(references)
    hasher.combine(blocks)
  }
}
