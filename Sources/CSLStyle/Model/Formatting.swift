extension CSL {
  /// The formatting attributes shared by rendering elements, pre-parsed.
  public struct Formatting: Sendable, Hashable {
    public var fontStyle: FontStyle?
    public var fontVariant: FontVariant?
    public var fontWeight: FontWeight?
    public var textDecoration: TextDecoration?
    public var verticalAlign: VerticalAlign?
    public init() {}
    public var isEmpty: Bool {
      fontStyle == nil && fontVariant == nil && fontWeight == nil && textDecoration == nil
        && verticalAlign == nil
    }
  }

  /// Everything that wraps an element's output: formatting, affixes, display, quotes, case.
  public struct Decoration: Sendable, Hashable {
    public var formatting = Formatting()
    public var prefix: String?
    public var suffix: String?
    public var display: Display?
    public var quotes = false
    public var stripPeriods = false
    public var textCase: TextCase?
    public init() {}
  }
}
