import BibModel
import CSLStyle

/// Cited's `cited:item-locale="true"`: an item whose `language` differs from the style's
/// locale renders with that language's locale (terms, date formats, ordinals). Quotation marks
/// and punctuation-in-quote belong to the whole citation or bibliography and stay the style's.
extension CompiledStyle {
  /// Compiles a style for rendering `references`: the locale for `language` (else the
  /// style's default), and, when the style asks for item locales, one locale per item
  /// language found in the references.
  public static func resolving(
    style: CSL.Style, store: LocaleStore, language: String?, references: [Reference]
  ) -> (CompiledStyle, [Diagnostic]) {
    let (locale, diagnostics) = store.resolve(style: style, language: language)
    guard style.multilingual.itemLocale else { return (CompiledStyle(style: style, locale: locale), diagnostics) }
    let languages = Set(references.compactMap { $0.language?.trimmingCharacters(in: " ") }.filter { !$0.isEmpty })
    var itemStyles: [String: CompiledStyle] = [:]
    for tag in languages.sorted() {
      let (itemLocale, _) = store.resolve(style: style, language: tag)
      itemStyles[tag] = CompiledStyle(style: style, locale: itemLocale)
    }
    return (CompiledStyle(style: style, locale: locale, itemStyles: itemStyles), diagnostics)
  }

  /// The compiled style an item renders with: its language's, when there is one.
  func forItem(_ reference: Reference) -> CompiledStyle { forItem(language: reference.language) }

  /// The style for an item in `language` (`forItem(_:)`).
  func forItem(language: String?) -> CompiledStyle {
    guard !itemStyles.isEmpty, let language, let item = itemStyles[language] else { return self }
    return item
  }
}
