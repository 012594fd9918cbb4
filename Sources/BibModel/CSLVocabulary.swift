/// A name from CSL's vocabulary (a variable, item type, locator type or position), kept as
/// written: the specification's names are static members of each type, and any other name
/// (an extension, a typo) still reads and writes back byte for byte.
public protocol CSLVocabulary: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
  CustomStringConvertible
where RawValue == String {
  init(rawValue: String)
}

extension CSLVocabulary {
  public init(_ rawValue: String) { self.init(rawValue: rawValue) }
  public init(stringLiteral value: String) { self.init(rawValue: value) }

  public var description: String { rawValue }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
