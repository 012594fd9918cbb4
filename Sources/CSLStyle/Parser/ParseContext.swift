import BibModel
import XMLTree

/// Collects diagnostics while reading one style or locale file.
struct ParseContext {
  var file: String
  var diagnostics: [Diagnostic] = []

  static let formatting: Set<String> = [
    "font-style", "font-variant", "font-weight", "text-decoration", "vertical-align",
  ]
  static let affixes: Set<String> = ["prefix", "suffix"]
  static let nameOptions: Set<String> = [
    "and", "delimiter-precedes-et-al", "delimiter-precedes-last", "et-al-min", "et-al-use-first",
    "et-al-subsequent-min", "et-al-subsequent-use-first", "et-al-use-last", "initialize",
    "initialize-with", "name-as-sort-order", "sort-separator",
  ]

  func location(_ element: XMLElement) -> SourceLocation {
    SourceLocation(file: file, line: element.line, column: element.column)
  }

  mutating func report(
    _ severity: Severity, _ code: String, _ message: String, at element: XMLElement, hint: String? = nil
  ) {
    diagnostics.append(Diagnostic(severity, code: code, message: message, location: location(element), hint: hint))
  }

  /// A variable name as written, with a warning when CSL 1.0.2 does not define it (a typo
  /// such as `titel` would otherwise print nothing, silently).
  mutating func variable(_ name: String, at element: XMLElement) -> CSLVariable {
    let variable = CSLVariable(name)
    if variable.kind == nil {
      report(
        .warning, "csl-unknown-variable", "'\(name)' is not a CSL variable", at: element,
        hint: "check the spelling against the variables of CSL 1.0.2 (title, container-title, issued, …)")
    }
    return variable
  }

  /// Warns about attributes not in `allowed` (namespaced ones such as `xml:lang` are checked by name).
  mutating func checkAttributes(_ element: XMLElement, _ allowed: Set<String>) {
    for attribute in element.attributes where !allowed.contains(attribute.name) {
      if attribute.name.hasPrefix("xmlns") { continue }
      if attribute.namespaceURI == CSL.multilingualNamespace {
        checkMultilingualAttribute(attribute, on: element)
        continue
      }
      report(
        .warning, "csl-unknown-attribute",
        "unknown attribute '\(attribute.name)' on <\(element.name)>", at: element,
        hint: "CSL 1.0.2 allows: \(allowed.sorted().joined(separator: ", "))")
    }
  }

  /// An enum-valued attribute; an unknown value is reported and ignored.
  mutating func value<T: RawRepresentable>(
    _ element: XMLElement, _ name: String, as type: T.Type
  ) -> T? where T.RawValue == String {
    guard let raw = element[attribute: name] else { return nil }
    if let value = T(rawValue: raw) { return value }
    report(.error, "csl-unknown-value", "'\(raw)' is not a valid value of '\(name)' on <\(element.name)>", at: element)
    return nil
  }

  mutating func bool(_ element: XMLElement, _ name: String) -> Bool? {
    guard let raw = element[attribute: name] else { return nil }
    switch raw {
    case "true": return true
    case "false": return false
    default:
      report(.error, "csl-unknown-value", "'\(raw)' is not a boolean ('\(name)' on <\(element.name)>)", at: element)
      return nil
    }
  }

  /// The largest count a style may give (names shown, note distance, spacing): far above any
  /// real style, low enough that arithmetic on it can never overflow.
  static let largestCount = 1_000_000

  mutating func int(_ element: XMLElement, _ name: String) -> Int? {
    guard let raw = element[attribute: name] else { return nil }
    if let value = Int(raw.trimmingCharacters(in: " ")), value >= 0 {
      guard value > Self.largestCount else { return value }
      report(
        .warning, "csl-unknown-value",
        "'\(raw)' is above \(Self.largestCount) ('\(name)'); \(Self.largestCount) is used", at: element)
      return Self.largestCount
    }
    report(.error, "csl-unknown-value", "'\(raw)' is not a non-negative integer ('\(name)')", at: element)
    return nil
  }

  mutating func formatting(_ element: XMLElement) -> CSL.Formatting {
    var formatting = CSL.Formatting()
    formatting.fontStyle = value(element, "font-style", as: CSL.FontStyle.self)
    formatting.fontVariant = value(element, "font-variant", as: CSL.FontVariant.self)
    formatting.fontWeight = value(element, "font-weight", as: CSL.FontWeight.self)
    formatting.textDecoration = value(element, "text-decoration", as: CSL.TextDecoration.self)
    formatting.verticalAlign = value(element, "vertical-align", as: CSL.VerticalAlign.self)
    return formatting
  }

  mutating func decoration(_ element: XMLElement) -> CSL.Decoration {
    var decoration = CSL.Decoration()
    decoration.formatting = formatting(element)
    decoration.prefix = element[attribute: "prefix"]
    decoration.suffix = element[attribute: "suffix"]
    decoration.display = value(element, "display", as: CSL.Display.self)
    decoration.quotes = bool(element, "quotes") ?? false
    decoration.stripPeriods = bool(element, "strip-periods") ?? false
    decoration.textCase = value(element, "text-case", as: CSL.TextCase.self)
    return decoration
  }

  mutating func nameOptions(_ element: XMLElement, prefixed: Bool) -> CSL.NameOptions {
    var options = CSL.NameOptions()
    options.and = value(element, "and", as: CSL.NameOptions.And.self)
    options.delimiterPrecedesEtAl = value(element, "delimiter-precedes-et-al", as: CSL.NameOptions.DelimiterRule.self)
    options.delimiterPrecedesLast = value(element, "delimiter-precedes-last", as: CSL.NameOptions.DelimiterRule.self)
    options.etAlMin = int(element, "et-al-min")
    options.etAlUseFirst = int(element, "et-al-use-first")
    options.etAlSubsequentMin = int(element, "et-al-subsequent-min")
    options.etAlSubsequentUseFirst = int(element, "et-al-subsequent-use-first")
    options.etAlUseLast = bool(element, "et-al-use-last")
    options.initialize = bool(element, "initialize")
    options.initializeWith = element[attribute: "initialize-with"]
    options.nameAsSortOrder = value(element, "name-as-sort-order", as: CSL.NameOptions.SortOrder.self)
    options.sortSeparator = element[attribute: "sort-separator"]
    if prefixed {
      options.form = value(element, "name-form", as: CSL.NameOptions.NameForm.self)
      options.delimiter = element[attribute: "name-delimiter"]
    } else {
      options.form = value(element, "form", as: CSL.NameOptions.NameForm.self)
      options.delimiter = element[attribute: "delimiter"]
    }
    return options
  }
}
