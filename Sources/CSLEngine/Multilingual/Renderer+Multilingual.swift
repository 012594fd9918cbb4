import BibModel
import CSLStyle

/// Cited's multilingual extension in the renderer (`Docs/multilingual.md`): text variables
/// and names in their original, romanized or translated forms, and `cited:has-form`.
extension Renderer {
  // MARK: - Text variables

  /// The output of `<text variable="…" cited:form="…">`; nil when that form prints nothing.
  func multilingualVariableNode(_ name: CSLVariable, form: CSL.Form, options: CSL.MultilingualOptions) -> Node? {
    guard let value = multilingualText(name, form: form, options: options) else { return nil }
    return variableNode(name, form: form, value: value)
  }

  /// The text of a variable in the form the extension asks for.
  func multilingualText(_ name: CSLVariable, form: CSL.Form, options: CSL.MultilingualOptions) -> String? {
    let original = lookup.text(name, form: form)
    switch options.form ?? .original {
    case .original:
      return original
    case .romanized:
      return romanizedText(name, form: form, language: options.language) ?? original
    case .translated:
      return translatedText(name, form: form, language: options.language)
    case .romanizedOriginal:
      return joined(romanizedText(name, form: form, language: options.language), original)
    case .translatedOriginal:
      return joined(translatedText(name, form: form, language: options.language), original)
    case .originalTranslated:
      guard let original else { return nil }
      return joined(original, translatedText(name, form: form, language: options.language))
    }
  }

  /// "a b" when both are present and differ; else whichever is present.
  private func joined(_ first: String?, _ second: String?) -> String? {
    guard let first, !first.isEmpty else { return second }
    guard let second, !second.isEmpty, second != first else { return first }
    return first + " " + second
  }

  /// The fields a form lookup tries: `title-short` then `title` for the short form.
  private func formFields(_ name: CSLVariable, form: CSL.Form) -> [CSLVariable] {
    form == .short ? [name.shortVariant, name] : [name]
  }

  /// The romanization: the one `language` names when it is a romanization tag, else the first.
  func romanizedText(_ name: CSLVariable, form: CSL.Form, language: String? = nil) -> String? {
    let wanted = language.flatMap { LanguageTag.isRomanization($0) ? $0 : nil }
    for field in formFields(name, form: form) {
      if let wanted, let value = reference.forms[field]?[wanted], !value.isEmpty { return value }
      if let value = reference.romanized(field), !value.isEmpty { return value }
    }
    return nil
  }

  /// A translation into `language`; without one, into the locale's language, else any.
  func translatedText(_ name: CSLVariable, form: CSL.Form, language: String?) -> String? {
    for field in formFields(name, form: form) {
      let found: String?
      if let language, !LanguageTag.isRomanization(language) {
        found = reference.translated(field, into: language)
      } else {
        found =
          compiled.locale.lang.flatMap { reference.translated(field, into: $0) }
          ?? reference.translated(field)
      }
      if let found, !found.isEmpty { return found }
    }
    return nil
  }

  /// A variable's value as output. With `cited:data-quotes="as-written"`, quotation marks and
  /// apostrophes stay as the data writes them (values with markup still go through RichText).
  func valueNode(_ value: String) -> Node {
    if compiled.style.multilingual.dataQuotes == .asWritten, !value.contains("<"), !value.contains("&") {
      return .text(value)
    }
    return RichText.parse(value, quotes: compiled.terms.dataQuotes)
  }

  // MARK: - Conditions

  /// `cited:has-form`.
  func hasForm(_ form: CSL.MultilingualForm, variable: CSLVariable) -> Bool {
    if let list = reference.names[variable], !list.isEmpty {
      switch form {
      case .romanized: return list.contains { $0.romanized != nil }
      case .translated: return list.contains { $0.forms.keys.contains { !LanguageTag.isRomanization($0) } }
      default: return true
      }
    }
    switch form {
    case .romanized: return romanizedText(variable, form: .long) != nil
    case .translated: return translatedText(variable, form: .long, language: nil) != nil
    default: return lookup.has(variable)
    }
  }

  // MARK: - Names

  /// One name in the form `cited:name-form` asks for. Romanized East Asian names (a `Latn`
  /// romanization of Chinese, Japanese or Korean) print family first: with the sort
  /// separator in sort order, a space otherwise, or `cited:romanized-separator` when given.
  /// The original of `romanized-original` prints family and given without a separator.
  /// `nonRomanic` is `NameParts.isNonRomanic(person)`, when the caller knows it.
  func formatPerson(
    _ person: Name, index: Int, options: CSL.NameOptions, name: CSL.Name?, sortOrder: Bool, nonRomanic: Bool? = nil
  ) -> Node {
    // Asked once for the name: its options, its rendering and the caller all read it.
    let nonRomanic = nonRomanic ?? NameParts.isNonRomanic(person)
    guard let multilingual = nameForms, let form = multilingual.form, form != .original,
      let (tag, romanizedName) = person.romanized
    else {
      return formatOriginal(person, index: index, options: options, name: name, sortOrder: sortOrder, nonRomanic)
    }
    let romanized = NameParts.normalized(romanizedName)
    var node: Node
    if LanguageTag.isCJK(tag), romanized.literal == nil, !(romanized.given ?? "").isEmpty {
      var familyFirst = options
      familyFirst.sortSeparator =
        multilingual.romanizedSeparator ?? (sortOrder ? (options.sortSeparator ?? ", ") : " ")
      node = formatName(romanized, index: index, options: familyFirst, name: name, sortOrder: true)
    } else {
      node = formatName(romanized, index: index, options: options, name: name, sortOrder: sortOrder)
    }
    if form == .romanizedOriginal {
      let original = formatOriginal(
        person, index: index, options: options, name: name, sortOrder: sortOrder, nonRomanic)
      node = .sequence([node, .text(" "), original])
    }
    return node
  }

  /// The name as written. Names in a non-Latin script are never initialized ("田中明彦", not
  /// "田中明."): a single ideograph is a whole given name, not an initial. Other names take the
  /// options as they are (a copy made for every name cost a retain of each of its strings).
  private func formatOriginal(
    _ person: Name, index: Int, options: CSL.NameOptions, name: CSL.Name?, sortOrder: Bool, _ nonRomanic: Bool
  ) -> Node {
    guard nonRomanic, options.initializeWith != nil else {
      return formatName(
        person, index: index, options: options, name: name, sortOrder: sortOrder, nonRomanic: nonRomanic)
    }
    var plain = options
    plain.initializeWith = nil
    return formatName(person, index: index, options: plain, name: name, sortOrder: sortOrder, nonRomanic: nonRomanic)
  }
}
