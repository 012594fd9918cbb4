import BibModel
import XMLTree

/// Reading Cited's multilingual extension: attributes in `CSL.multilingualNamespace`, under
/// whatever prefix the style binds it to (`cited:` in our styles).
extension ParseContext {
  /// The extension's attributes (local names) each element accepts.
  static let multilingualAttributes: [String: Set<String>] = [
    "style": ["data-quotes", "item-locale"],
    "text": ["form", "lang"],
    "names": ["name-form", "romanized-separator"],
    "name": ["name-form", "romanized-separator"],
    "if": ["has-form"],
    "else-if": ["has-form"],
  ]

  /// The local part of a qualified attribute name (`form` for `cited:form`).
  static func localName(_ attribute: XMLAttribute) -> String {
    guard let colon = attribute.name.lastIndex(of: ":") else { return attribute.name }
    return String(attribute.name[attribute.name.index(after: colon)...])
  }

  /// Reports an extension attribute the element does not accept (called by `checkAttributes`).
  mutating func checkMultilingualAttribute(_ attribute: XMLAttribute, on element: XMLElement) {
    let allowed = Self.multilingualAttributes[element.name] ?? []
    let local = Self.localName(attribute)
    guard !allowed.contains(local) else { return }
    let hint =
      allowed.isEmpty
      ? "Cited's multilingual extension defines no attribute on <\(element.name)>"
      : "the extension allows on <\(element.name)>: \(allowed.sorted().joined(separator: ", "))"
    report(
      .warning, "cited-unknown-attribute",
      "unknown attribute '\(attribute.name)' of Cited's multilingual extension on <\(element.name)>", at: element,
      hint: hint)
  }

  /// The value of an extension attribute, by local name.
  func multilingualValue(_ element: XMLElement, _ local: String) -> String? {
    element.attributes.first {
      $0.namespaceURI == CSL.multilingualNamespace && Self.localName($0) == local
    }?.value
  }

  /// `cited:form` / `cited:name-form` and their companions on `cs:text`, `cs:names`, `cs:name`.
  mutating func multilingualOptions(_ element: XMLElement, names: Bool) -> CSL.MultilingualOptions? {
    var options = CSL.MultilingualOptions()
    let attribute = names ? "name-form" : "form"
    if let raw = multilingualValue(element, attribute) {
      if let form = CSL.MultilingualForm(rawValue: raw), !names || form.isNameForm {
        options.form = form
      } else {
        let allowed = CSL.MultilingualForm.allCases.filter { !names || $0.isNameForm }.map(\.rawValue)
        report(
          .error, "cited-unknown-value", "'\(raw)' is not a valid value of 'cited:\(attribute)' on <\(element.name)>",
          at: element, hint: "expected one of: \(allowed.joined(separator: ", "))")
      }
    }
    if !names { options.language = multilingualValue(element, "lang") }
    if names { options.romanizedSeparator = multilingualValue(element, "romanized-separator") }
    if !names, options.form != nil, element[attribute: "variable"] == nil {
      report(
        .warning, "cited-form-without-variable", "'cited:form' only applies to <text variable=\"…\">", at: element)
    }
    return options.isEmpty ? nil : options
  }

  /// The `cited:has-form` tests of an `if`/`else-if`: one per form and variable. Nil when the
  /// attribute is absent (the `variable` attribute is then an ordinary variable test).
  mutating func hasFormTests(_ element: XMLElement, variables: [CSLVariable]) -> [CSL.Condition.Test]? {
    guard let raw = multilingualValue(element, "has-form") else { return nil }
    var forms: [CSL.MultilingualForm] = []
    for word in raw.spaceSeparatedWords() {
      guard let form = CSL.MultilingualForm(rawValue: word), [.original, .romanized, .translated].contains(form)
      else {
        report(
          .error, "cited-unknown-value", "'\(word)' is not a valid value of 'cited:has-form'", at: element,
          hint: "expected original, romanized or translated")
        continue
      }
      forms.append(form)
    }
    if variables.isEmpty {
      report(.error, "csl-missing", "'cited:has-form' needs a 'variable' naming the variables to test", at: element)
    }
    return forms.flatMap { form in variables.map { CSL.Condition.Test.hasForm(form, variable: $0) } }
  }

  /// The extension's attributes on `cs:style`.
  mutating func styleMultilingualOptions(_ element: XMLElement) -> CSL.StyleMultilingualOptions {
    var options = CSL.StyleMultilingualOptions()
    if let raw = multilingualValue(element, "data-quotes") {
      if let value = CSL.DataQuotes(rawValue: raw) {
        options.dataQuotes = value
      } else {
        report(
          .error, "cited-unknown-value", "'\(raw)' is not a valid value of 'cited:data-quotes'", at: element,
          hint: "expected typographic or as-written")
      }
    }
    if let raw = multilingualValue(element, "item-locale") {
      switch raw {
      case "true": options.itemLocale = true
      case "false": options.itemLocale = false
      default:
        report(.error, "cited-unknown-value", "'\(raw)' is not a boolean ('cited:item-locale')", at: element)
      }
    }
    return options
  }
}
