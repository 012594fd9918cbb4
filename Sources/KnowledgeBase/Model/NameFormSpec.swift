import BibModel

/// One form of a name the report shows: a label and the language tags that hold it.
public struct NameFormSpec: Sendable, Hashable {
  /// The label shown before the form (`Characters`).
  public var label: String
  /// Language tags in order of preference (`zh-Hans`, `zh-Hant`, `zh`). When none is recorded,
  /// any other form of the first tag's language and script kind (original or romanized) is taken.
  public var languages: [String]

  public init(label: String, languages: [String]) {
    self.label = label
    self.languages = languages
  }

  /// True when the form is a romanization (the first tag has the `Latn` script subtag).
  public var isRomanization: Bool { languages.first.map(LanguageTag.isRomanization) ?? false }

  /// The primary language of the form (`zh`).
  public var language: String? { languages.first.map(LanguageTag.language(of:)) }

  /// The form of `labels` this spec picks, if any.
  public func pick(_ labels: MultilingualText) -> String? {
    for tag in languages {
      if let text = labels[tag] { return text }
    }
    guard let language else { return nil }
    let romanized = isRomanization
    return labels.forms.first {
      LanguageTag.language(of: $0.language) == language && LanguageTag.isRomanization($0.language) == romanized
    }?.text
  }
}
