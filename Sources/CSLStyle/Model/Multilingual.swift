extension CSL {
  /// The XML namespace of Cited's multilingual extension (`Docs/multilingual.md`).
  public static let multilingualNamespace = "https://cited.dev/ns/csl-multilingual"

  /// Which form of a multilingual field an element prints (`cited:form`, `cited:name-form`).
  public enum MultilingualForm: String, Sendable, Hashable, CaseIterable {
    /// The plain variable: the script the source was published in.
    case original
    /// The romanization (a form whose tag has the `Latn` script subtag), else the original.
    case romanized
    /// A translation; nothing when the item has none.
    case translated
    /// The romanization, a space, the original; the original alone when not romanized.
    case romanizedOriginal = "romanized-original"
    /// The translation, a space, the original; the original alone when not translated.
    case translatedOriginal = "translated-original"
    /// The original, a space, the translation; the original alone when not translated.
    case originalTranslated = "original-translated"

    /// True for the forms `cited:name-form` accepts (names are romanized, not translated).
    public var isNameForm: Bool { self == .original || self == .romanized || self == .romanizedOriginal }
  }

  /// The extension's attributes on one `cs:text`, `cs:names` or `cs:name`.
  public struct MultilingualOptions: Sendable, Hashable {
    /// `cited:form` / `cited:name-form`; nil when absent.
    public var form: MultilingualForm?
    /// `cited:lang`: the language a translation is wanted in.
    public var language: String?
    /// `cited:romanized-separator` (names only): between the family and given name of a
    /// romanized East Asian name, which always prints family first.
    public var romanizedSeparator: String?

    public init(form: MultilingualForm? = nil, language: String? = nil, romanizedSeparator: String? = nil) {
      self.form = form
      self.language = language
      self.romanizedSeparator = romanizedSeparator
    }

    /// True when no extension attribute was given.
    public var isEmpty: Bool { form == nil && language == nil && romanizedSeparator == nil }

    /// These options with unset ones taken from `parent` (a `cs:name` inside its `cs:names`).
    public func inheriting(_ parent: MultilingualOptions?) -> MultilingualOptions {
      guard let parent else { return self }
      return MultilingualOptions(
        form: form ?? parent.form, language: language ?? parent.language,
        romanizedSeparator: romanizedSeparator ?? parent.romanizedSeparator)
    }
  }

  /// How quotation marks and apostrophes inside variable values print (`cited:data-quotes`
  /// on `cs:style`).
  public enum DataQuotes: String, Sendable, Hashable {
    /// CSL 1.0.2 behaviour: straight apostrophes become ’, quotation marks in the data become
    /// the locale's quotation marks, alternating with nesting.
    case typographic
    /// As written in the data: nothing is converted. Quotes the style adds (`quotes="true"`)
    /// still come from the locale.
    case asWritten = "as-written"
  }

  /// The extension's style-wide settings (attributes on `cs:style`).
  public struct StyleMultilingualOptions: Sendable, Hashable {
    /// `cited:data-quotes`.
    public var dataQuotes: DataQuotes = .typographic
    /// `cited:item-locale="true"`: each item renders with the locale of its `language`
    /// (terms, date formats); quotation marks and punctuation-in-quote stay the style's.
    public var itemLocale = false
    public init() {}
  }
}
