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
  /// Shared until changed (`SharedValue`): every element carries one, and the renderer copies
  /// it at each element it reaches. All undecorated elements share one box.
  public struct Decoration: Sendable, Hashable {
    private struct Fields: Hashable, Sendable {
      var formatting = Formatting()
      var prefix: String?
      var suffix: String?
      var display: Display?
      var quotes = false
      var stripPeriods = false
      var textCase: TextCase?
    }

    private static let plain = SharedValue(Fields())
    private var shared = Decoration.plain

    public var formatting: Formatting {
      get { shared.value.formatting }
      set { shared.value.formatting = newValue }
    }
    public var prefix: String? {
      get { shared.value.prefix }
      set { shared.value.prefix = newValue }
    }
    public var suffix: String? {
      get { shared.value.suffix }
      set { shared.value.suffix = newValue }
    }
    public var display: Display? {
      get { shared.value.display }
      set { shared.value.display = newValue }
    }
    public var quotes: Bool {
      get { shared.value.quotes }
      set { shared.value.quotes = newValue }
    }
    public var stripPeriods: Bool {
      get { shared.value.stripPeriods }
      set { shared.value.stripPeriods = newValue }
    }
    public var textCase: TextCase? {
      get { shared.value.textCase }
      set { shared.value.textCase = newValue }
    }

    public init() {}

    /// No formatting, affixes, quotes, strip-periods or text case (`display` aside), as most
    /// elements carry: read in place, where reading each attribute from outside copied its
    /// strings.
    public var isPlainApartFromDisplay: Bool {
      shared.value.prefix == nil && shared.value.suffix == nil && shared.value.textCase == nil
        && !shared.value.quotes && !shared.value.stripPeriods && shared.value.formatting.isEmpty
    }

    /// No decoration at all: equal to `Decoration()`, read in place.
    public var isPlain: Bool { isPlainApartFromDisplay && shared.value.display == nil }

    /// A prefix that prints something.
    public var hasPrefix: Bool { !(shared.value.prefix?.isEmpty ?? true) }

    /// A suffix that prints something.
    public var hasSuffix: Bool { !(shared.value.suffix?.isEmpty ?? true) }

    /// A copy in a box of its own, its strings in storage of their own (`CSL.Style.unshared`).
    func unshared() -> Decoration {
      var copy = Decoration()
      var fields = shared.value
      fields.prefix = fields.prefix.map(Unshared.string)
      fields.suffix = fields.suffix.map(Unshared.string)
      copy.shared = SharedValue(fields)
      return copy
    }
  }
}
