/// Small helpers for BCP 47 language tags as Cited's multilingual fields use them.
public enum LanguageTag {
  /// A romanization tag has the script subtag `Latn` (`zh-Latn-pinyin`, `ja-Latn-hepburn`,
  /// `ru-Latn`); any other tag in a field's forms is a translation into that language.
  public static func isRomanization(_ tag: String) -> Bool {
    let parts = tag.split(separator: "-")
    return parts.count >= 2 && parts.dropFirst().contains { $0.lowercased() == "latn" }
  }

  /// The primary language subtag, lowercased (`zh` for `zh-Hans-CN`).
  public static func language(of tag: String) -> String {
    String(tag.split(separator: "-").first ?? Substring(tag)).lowercased()
  }

  /// True for languages whose names and titles are usually in a non-Latin script and for
  /// which CSL prints names family-first without a separator.
  public static func isCJK(_ tag: String) -> Bool {
    ["zh", "ja", "ko"].contains(language(of: tag))
  }
}
