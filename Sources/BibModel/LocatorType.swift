/// A CSL locator type: the kind of pinpoint a cite's locator is (`page`, `chapter`, `sub-verbo`,
/// …). Any name is accepted and kept as written; the CSL 1.0.2 locator types are static members.
public struct LocatorType: CSLVocabulary {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
}
