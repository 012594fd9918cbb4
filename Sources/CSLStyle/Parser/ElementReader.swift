import BibModel
import XMLTree

/// Reads rendering elements, layouts and sorts, reporting what it does not understand.
struct ElementReader {
  var context: ParseContext

  private static let decorationAttributes: Set<String> =
    ParseContext.formatting.union(ParseContext.affixes).union(["display", "quotes", "strip-periods", "text-case"])
  // Each element's attributes, made once (a large style checks a thousand elements).
  private static let groupAttributes = decorationAttributes.union(["delimiter"])
  private static let textAttributes = decorationAttributes.union([
    "variable", "macro", "term", "value", "form", "plural",
  ])
  private static let numberAttributes = decorationAttributes.union(["variable", "form"])
  private static let labelAttributes = decorationAttributes.union(["variable", "form", "plural"])

  mutating func info(_ element: XMLElement) -> CSL.Info {
    var info = CSL.Info()
    for child in element.elements {
      switch child.name {
      case "id": info.id = child.textContent
      case "title": info.title = child.textContent
      case "link":
        switch child[attribute: "rel"] {
        case "independent-parent": info.parentLink = child[attribute: "href"]
        case "template": info.templateLink = child[attribute: "href"]
        default: break
        }
      default: break
      }
    }
    return info
  }

  mutating func citation(_ element: XMLElement) -> CSL.Citation {
    var citation = CSL.Citation()
    context.checkAttributes(
      element,
      ParseContext.nameOptions.union([
        "disambiguate-add-names", "disambiguate-add-givenname", "givenname-disambiguation-rule",
        "disambiguate-add-year-suffix", "cite-group-delimiter", "collapse", "year-suffix-delimiter",
        "after-collapse-delimiter", "near-note-distance", "names-delimiter", "name-form", "name-delimiter",
      ]))
    citation.nameOptions = context.nameOptions(element, prefixed: true)
    citation.namesDelimiter = element[attribute: "names-delimiter"]
    citation.disambiguateAddNames = context.bool(element, "disambiguate-add-names") ?? false
    citation.disambiguateAddGivenname = context.bool(element, "disambiguate-add-givenname") ?? false
    citation.givennameDisambiguationRule =
      context.value(element, "givenname-disambiguation-rule", as: CSL.GivennameRule.self) ?? .byCite
    citation.disambiguateAddYearSuffix = context.bool(element, "disambiguate-add-year-suffix") ?? false
    citation.citeGroupDelimiter = element[attribute: "cite-group-delimiter"]
    citation.collapse = context.value(element, "collapse", as: CSL.Collapse.self)
    citation.yearSuffixDelimiter = element[attribute: "year-suffix-delimiter"]
    citation.afterCollapseDelimiter = element[attribute: "after-collapse-delimiter"]
    citation.nearNoteDistance = context.int(element, "near-note-distance") ?? 5
    var sawLayout = false
    for child in element.elements {
      switch child.name {
      case "layout": citation.layout = layout(child); sawLayout = true
      case "sort": citation.sort = sort(child)
      default: context.report(.error, "csl-unknown-element", "unknown element <\(child.name)> in <citation>", at: child)
      }
    }
    if !sawLayout { context.report(.error, "csl-missing", "<citation> needs a <layout>", at: element) }
    return citation
  }

  mutating func bibliography(_ element: XMLElement) -> CSL.Bibliography {
    var bibliography = CSL.Bibliography()
    context.checkAttributes(
      element,
      ParseContext.nameOptions.union([
        "hanging-indent", "second-field-align", "line-spacing", "entry-spacing",
        "subsequent-author-substitute", "subsequent-author-substitute-rule", "names-delimiter",
        "name-form", "name-delimiter",
      ]))
    bibliography.nameOptions = context.nameOptions(element, prefixed: true)
    bibliography.namesDelimiter = element[attribute: "names-delimiter"]
    bibliography.hangingIndent = context.bool(element, "hanging-indent") ?? false
    bibliography.secondFieldAlign = element[attribute: "second-field-align"]
    bibliography.lineSpacing = context.int(element, "line-spacing") ?? 1
    bibliography.entrySpacing = context.int(element, "entry-spacing") ?? 1
    bibliography.subsequentAuthorSubstitute = element[attribute: "subsequent-author-substitute"]
    bibliography.subsequentAuthorSubstituteRule =
      context.value(element, "subsequent-author-substitute-rule", as: CSL.SubsequentAuthorRule.self) ?? .completeAll
    var sawLayout = false
    for child in element.elements {
      switch child.name {
      case "layout": bibliography.layout = layout(child); sawLayout = true
      case "sort": bibliography.sort = sort(child)
      default:
        context.report(.error, "csl-unknown-element", "unknown element <\(child.name)> in <bibliography>", at: child)
      }
    }
    if !sawLayout { context.report(.error, "csl-missing", "<bibliography> needs a <layout>", at: element) }
    return bibliography
  }

  mutating func layout(_ element: XMLElement) -> CSL.Layout {
    context.checkAttributes(
      element, ParseContext.formatting.union(ParseContext.affixes).union(["delimiter", "xml:lang", "locale"]))
    var layout = CSL.Layout(children: children(element), delimiter: element[attribute: "delimiter"])
    layout.decoration.formatting = context.formatting(element)
    layout.decoration.prefix = element[attribute: "prefix"]
    layout.decoration.suffix = element[attribute: "suffix"]
    layout.locale = element[attribute: "locale"]
    return layout
  }

  mutating func sort(_ element: XMLElement) -> [CSL.SortKey] {
    context.checkAttributes(element, [])
    var keys: [CSL.SortKey] = []
    for child in element.elements {
      guard child.name == "key" else {
        context.report(.error, "csl-unknown-element", "unknown element <\(child.name)> in <sort>", at: child)
        continue
      }
      context.checkAttributes(child, ["variable", "macro", "sort", "names-min", "names-use-first", "names-use-last"])
      let direction = context.value(child, "sort", as: CSL.SortDirection.self) ?? .ascending
      var key: CSL.SortKey
      if let variable = child[attribute: "variable"] {
        key = CSL.SortKey(source: .variable(context.variable(variable, at: child)), direction: direction)
      } else if let macro = child[attribute: "macro"] {
        key = CSL.SortKey(source: .macro(macro), direction: direction)
      } else {
        context.report(.error, "csl-missing", "<key> needs 'variable' or 'macro'", at: child)
        continue
      }
      key.namesMin = context.int(child, "names-min")
      key.namesUseFirst = context.int(child, "names-use-first")
      key.namesUseLast = context.bool(child, "names-use-last")
      keys.append(key)
    }
    return keys
  }

  mutating func children(_ element: XMLElement) -> [CSL.Element] {
    var result: [CSL.Element] = []
    for child in element.elements {
      if let parsed = self.element(child) { result.append(parsed) }
    }
    return result
  }

  mutating func element(_ element: XMLElement) -> CSL.Element? {
    switch element.name {
    case "text": return text(element).map(CSL.Element.text)
    case "number": return number(element).map(CSL.Element.number)
    case "label": return label(element, variable: nil).map(CSL.Element.label)
    case "date": return date(element).map(CSL.Element.date)
    case "names": return .names(names(element))
    case "group":
      context.checkAttributes(element, Self.groupAttributes)
      return .group(
        CSL.Group(
          children: children(element), delimiter: element[attribute: "delimiter"],
          decoration: context.decoration(element)))
    case "choose": return .choose(choose(element))
    default:
      context.report(.error, "csl-unknown-element", "unknown rendering element <\(element.name)>", at: element)
      return nil
    }
  }

  mutating func text(_ element: XMLElement) -> CSL.Text? {
    context.checkAttributes(element, Self.textAttributes)
    let form = context.value(element, "form", as: CSL.Form.self) ?? .long
    let source: CSL.Text.Source
    if let variable = element[attribute: "variable"] {
      source = .variable(context.variable(variable, at: element), form)
    } else if let macro = element[attribute: "macro"] {
      source = .macro(macro)
    } else if let term = element[attribute: "term"] {
      source = .term(term, form, plural: context.bool(element, "plural") ?? false)
    } else if let value = element[attribute: "value"] {
      source = .value(value)
    } else {
      context.report(.error, "csl-missing", "<text> needs one of 'variable', 'macro', 'term' or 'value'", at: element)
      return nil
    }
    var text = CSL.Text(source: source, decoration: context.decoration(element))
    text.multilingual = context.multilingualOptions(element, names: false)
    return text
  }

  mutating func number(_ element: XMLElement) -> CSL.Number? {
    context.checkAttributes(element, Self.numberAttributes)
    guard let variable = element[attribute: "variable"] else {
      context.report(.error, "csl-missing", "<number> needs a 'variable'", at: element)
      return nil
    }
    return CSL.Number(
      variable: context.variable(variable, at: element),
      form: context.value(element, "form", as: CSL.NumberForm.self) ?? .numeric,
      decoration: context.decoration(element))
  }

  mutating func label(_ element: XMLElement, variable: CSLVariable?) -> CSL.Label? {
    context.checkAttributes(element, Self.labelAttributes)
    var name = variable
    if let written = element[attribute: "variable"] { name = context.variable(written, at: element) }
    if name == nil {
      context.report(.error, "csl-missing", "<label> needs a 'variable'", at: element)
      return nil
    }
    return CSL.Label(
      variable: name ?? "", form: context.value(element, "form", as: CSL.Form.self) ?? .long,
      plural: context.value(element, "plural", as: CSL.Plural.self) ?? .contextual,
      decoration: context.decoration(element))
  }
}
