import BibModel

/// Where locale files come from: a lookup from a tag (`en-US`) to the file's XML text.
/// The CLI plugs in directories, tests the official locales, the app an embedded table.
public struct LocaleStore: Sendable {
  private let lookup: @Sendable (String) -> String?

  /// A store over any source of locale XML.
  public init(lookup: @escaping @Sendable (String) -> String?) { self.lookup = lookup }

  /// A store over a dictionary of XML strings keyed by tag.
  public init(files: [String: String]) { self.lookup = { files[$0] } }

  /// Stores searched in order: the first that has a tag wins.
  public init(chain: [LocaleStore]) {
    self.lookup = { tag in
      for store in chain { if let text = store.lookup(tag) { return text } }
      return nil
    }
  }

  /// The XML of the locale file for a tag, if known.
  public func xml(for tag: String) -> String? { lookup(tag) }

  /// The primary dialect of each language (`fr` → `fr-FR`), as the CSL locales repository has it.
  public static let primaryDialects: [String: String] = [
    "af": "af-ZA", "ar": "ar", "bal": "bal-PK", "bg": "bg-BG", "brh": "brh-PK", "ca": "ca-AD",
    "cs": "cs-CZ", "cy": "cy-GB", "da": "da-DK", "de": "de-DE", "el": "el-GR", "en": "en-US",
    "es": "es-ES", "et": "et-EE", "eu": "eu", "fa": "fa-IR", "fi": "fi-FI", "fr": "fr-FR",
    "gl": "gl-ES", "he": "he-IL", "hi": "hi-IN", "hr": "hr-HR", "hu": "hu-HU", "hy": "hy-AM",
    "id": "id-ID", "is": "is-IS", "it": "it-IT", "ja": "ja-JP", "km": "km-KH", "ko": "ko-KR",
    "la": "la", "lij": "lij-IT", "lt": "lt-LT", "lv": "lv-LV", "mn": "mn-MN", "ms": "ms-MY",
    "nb": "nb-NO", "nl": "nl-NL", "nn": "nn-NO", "pa": "pa-PK", "pl": "pl-PL", "pt": "pt-PT",
    "ro": "ro-RO", "ru": "ru-RU", "sk": "sk-SK", "sl": "sl-SI", "sr": "sr-RS", "sv": "sv-SE",
    "th": "th-TH", "tr": "tr-TR", "uk": "uk-UA", "vi": "vi-VN", "zh": "zh-CN",
  ]

  /// Builds the effective locale for a style and a language, following CSL's fallback chain:
  /// the style's `cs:locale` for the exact tag, then for the language, then the untagged one,
  /// then the locale file for the exact tag, then the language's primary dialect, then en-US.
  /// Parsed files are passed through `parsed` so callers can cache them.
  public func resolve(
    style: CSL.Style, language requested: String?, parsed: (String) -> CSL.Locale? = { _ in nil }
  ) -> (CSL.Locale, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let tag = requested ?? style.defaultLocale ?? "en-US"
    let language = String(tag.split(separator: "-").first ?? Substring(tag))
    func file(_ name: String) -> CSL.Locale? {
      if let cached = parsed(name) { return cached }
      guard let text = lookup(name) else { return nil }
      let (locale, found) = ParsedLocales.parse(text, file: "locales-\(name).xml")
      diagnostics += found
      return locale
    }
    var layers: [CSL.Locale] = []  // lowest priority first
    if let english = file("en-US") { layers.append(english) }
    if let dialect = Self.primaryDialects[language], dialect != tag, dialect != "en-US", let found = file(dialect) {
      layers.append(found)
    }
    if tag != "en-US", let exact = file(tag) {
      layers.append(exact)
    } else if tag != "en-US" && !tag.contains("-") && Self.primaryDialects[language] == nil {
      diagnostics.append(
        Diagnostic(.warning, code: "csl-locale-missing", message: "no locale file for '\(tag)'; using en-US"))
    }
    layers += style.locales.filter { $0.lang == nil }
    if language != tag { layers += style.locales.filter { $0.lang == language } }
    layers += style.locales.filter { $0.lang == tag }
    return (Self.merge(layers, lang: tag), diagnostics)
  }

  /// Merges locale layers, lowest priority first. A layer that defines ordinal terms replaces
  /// all inherited ordinal terms.
  public static func merge(_ layers: [CSL.Locale], lang: String) -> CSL.Locale {
    var merged = CSL.Locale(lang: lang)
    for layer in layers {
      if layer.definesOrdinals {
        merged.terms = merged.terms.filter { !$0.key.name.hasPrefix("ordinal") }
      }
      merged.terms.merge(layer.terms) { _, new in new }
      merged.dates.merge(layer.dates) { _, new in new }
      if let value = layer.punctuationInQuote { merged.punctuationInQuote = value }
      if let value = layer.limitDayOrdinalsToDay1 { merged.limitDayOrdinalsToDay1 = value }
    }
    return merged
  }
}
