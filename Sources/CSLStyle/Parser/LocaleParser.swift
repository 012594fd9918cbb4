import BibModel
import XMLTree

/// Reads `cs:locale` elements (locale files and in-style overrides).
public enum LocaleParser {
  /// Parses a locale file.
  public static func parse(_ text: String, file: String = "locale.xml") -> (CSL.Locale?, [Diagnostic]) {
    do {
      let root = EscapedCharacters.decoded(try XMLTreeParser.parse(text, sourceName: file))
      var context = ParseContext(file: file)
      guard root.name == "locale" else {
        context.report(.error, "csl-root", "the root element is <\(root.name)>, not <locale>", at: root)
        return (nil, context.diagnostics)
      }
      let locale = parse(root, context: &context)
      return (locale, context.diagnostics)
    } catch {
      return (
        nil,
        [
          Diagnostic(
            .error, code: "xml-syntax", message: error.message,
            location: SourceLocation(file: file, line: error.line, column: error.column))
        ]
      )
    }
  }

  static func parse(_ element: XMLElement, context: inout ParseContext) -> CSL.Locale {
    context.checkAttributes(element, ["xml:lang", "version"])
    var locale = CSL.Locale(lang: element[attribute: "xml:lang"] ?? element[attribute: "lang"])
    for child in element.elements {
      switch child.name {
      case "info": break
      case "style-options":
        context.checkAttributes(
          child, ["punctuation-in-quote", "limit-day-ordinals-to-day-1", "limit-ordinals-to-day-1"])
        locale.punctuationInQuote = context.bool(child, "punctuation-in-quote")
        locale.limitDayOrdinalsToDay1 =
          context.bool(child, "limit-day-ordinals-to-day-1") ?? context.bool(child, "limit-ordinals-to-day-1")
      case "date":
        var reader = ElementReader(context: context)
        reader.context.checkAttributes(
          child, ParseContext.formatting.union(ParseContext.affixes).union(["form", "delimiter", "text-case"]))
        if let form = reader.context.value(child, "form", as: CSL.Date.LocalizedForm.self) {
          let parts = reader.dateParts(child, localized: false)
          locale.dates[form] = CSL.DateFormat(
            parts: parts, delimiter: child[attribute: "delimiter"], decoration: reader.context.decoration(child))
        } else {
          reader.context.report(.error, "csl-missing", "a locale <date> needs a 'form'", at: child)
        }
        context = reader.context
      case "terms":
        for termElement in child.elements {
          guard termElement.name == "term" else {
            context.report(
              .error, "csl-unknown-element", "unknown element <\(termElement.name)> in <terms>", at: termElement)
            continue
          }
          if let term = term(termElement, context: &context) { locale.terms[term.key] = term }
        }
      default:
        context.report(.error, "csl-unknown-element", "unknown element <\(child.name)> in <locale>", at: child)
      }
    }
    return locale
  }

  static func term(_ element: XMLElement, context: inout ParseContext) -> CSL.Term? {
    context.checkAttributes(element, ["name", "form", "gender", "gender-form", "match"])
    guard let name = element[attribute: "name"] else {
      context.report(.error, "csl-missing", "<term> needs a 'name'", at: element)
      return nil
    }
    let key = CSL.TermKey(
      name: name, form: context.value(element, "form", as: CSL.Form.self) ?? .long,
      genderForm: element[attribute: "gender-form"])
    var single = element.textContent
    var multiple = single
    if let singleElement = element.firstElement(named: "single") {
      single = singleElement.textContent
      multiple = element.firstElement(named: "multiple")?.textContent ?? single
    } else if let multipleElement = element.firstElement(named: "multiple") {
      multiple = multipleElement.textContent
      single = multiple
    }
    // A term holding only the indentation of its XML ("<term name=\"note\">\n  </term>") is
    // empty (citeproc-js); a deliberate space or padding on real text stays.
    func layoutOnly(_ text: String) -> Bool { text.contains("\n") && text.allSatisfy(\.isWhitespace) }
    if layoutOnly(single) { single = "" }
    if layoutOnly(multiple) { multiple = "" }
    return CSL.Term(
      key: key, single: single, multiple: multiple, gender: element[attribute: "gender"],
      match: context.value(element, "match", as: CSL.Term.OrdinalMatch.self))
  }
}
