/// A CSL item type (`article-journal`, `book`, …). Any name is accepted, so a type Cited does not
/// know is kept and written back as it was read; the CSL 1.0.2 types are static members.
public struct ItemType: CSLVocabulary {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Hashed as a short name (`String.hashShortName`): every `type` condition a style tests looks
  /// the item's type up in a set.
  public func hash(into hasher: inout Hasher) { rawValue.hashShortName(into: &hasher) }
}
