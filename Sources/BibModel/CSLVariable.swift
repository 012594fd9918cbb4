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
