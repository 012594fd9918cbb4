/// A CSL variable name (`title`, `issued`, `author`, …). Any name is accepted, so a variable
/// Cited does not know (a CSL-M extension, a typo in a style) is kept and written back as it
/// was read; the CSL 1.0.2 names are static members.
public struct CSLVariable: CSLVocabulary {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }

  /// The four kinds of CSL variables: what shape of value the variable holds.
  public enum Kind: Sendable, Hashable {
    case standard, number, date, name
  }

  /// The kind the CSL 1.0.2 specification gives the variable; nil for a name it does not list.
  public var kind: Kind? {
    if CSLVariables.standard.contains(self) { return .standard }
    if CSLVariables.numbers.contains(self) { return .number }
    if CSLVariables.dates.contains(self) { return .date }
    if CSLVariables.names.contains(self) { return .name }
    return nil
  }
}

extension CSLVariable {
  /// Variable names are short words that rarely share their length and their first and last
  /// two bytes (of CSL 1.0.2's only `compiler` and `composer` do): one word of those is hashed
  /// instead of every byte, which every variable-keyed table of the engine looks up.
  public func hash(into hasher: inout Hasher) {
    let digest = rawValue.utf8.withContiguousStorageIfAvailable { bytes -> UInt64 in
      guard bytes.count >= 2 else { return UInt64(bytes.first ?? 0) << 40 | UInt64(bytes.count) }
      let ends =
        UInt64(bytes[0]) << 56 | UInt64(bytes[1]) << 48 | UInt64(bytes[bytes.count - 2]) << 40
        | UInt64(bytes[bytes.count - 1]) << 32
      return ends | UInt64(truncatingIfNeeded: bytes.count)
    }
    if let digest { hasher.combine(digest) } else { hasher.combine(rawValue) }
  }
}
