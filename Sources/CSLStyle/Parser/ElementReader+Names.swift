import BibModel
import XMLTree

extension ElementReader {
  // Each element's attributes, made once (a large style reads hundreds of these elements).
  private static let namesAttributes = ParseContext.formatting.union(ParseContext.affixes)
    .union(["variable", "delimiter", "display"])
  private static let etAlAttributes = ParseContext.formatting.union(ParseContext.affixes).union(["term"])
  private static let nameAttributes = ParseContext.nameOptions.union(ParseContext.formatting)
    .union(ParseContext.affixes).union(["form", "delimiter"])
  private static let namePartAttributes = ParseContext.formatting.union(ParseContext.affixes)
    .union(["name", "text-case"])

  mutating func names(_ element: XMLElement) -> CSL.Names {
    context.checkAttributes(
      element, Self.namesAttributes)
    let variables = (element[attribute: "variable"] ?? "").spaceSeparatedWords().map {
      context.variable(String($0), at: element)
    }
    var names = CSL.Names(variables: variables, decoration: context.decoration(element))
    names.delimiter = element[attribute: "delimiter"]
    names.multilingual = context.multilingualOptions(element, names: true)
    var labelBeforeName = false
    for child in element.elements {
      switch child.name {
      case "name":
        names.name = name(child)
        labelBeforeName = names.label != nil
      case "et-al":
        context.checkAttributes(child, Self.etAlAttributes)
        names.etAl = CSL.EtAl(term: child[attribute: "term"] ?? "et-al", decoration: context.decoration(child))
      case "label":
        names.label = label(child, variable: "")
      case "substitute":
        names.substitute = children(child)
      default:
        context.report(.error, "csl-unknown-element", "unknown element <\(child.name)> in <names>", at: child)
      }
    }
    // A label goes before the names only when a <name> follows it; without <name> it follows.
    names.labelFirst = labelBeforeName
    return names
  }

  mutating func name(_ element: XMLElement) -> CSL.Name {
    context.checkAttributes(
      element,
      Self.nameAttributes)
    var name = CSL.Name()
    name.options = context.nameOptions(element, prefixed: false)
    name.decoration = context.decoration(element)
    name.multilingual = context.multilingualOptions(element, names: true)
    for child in element.elements {
      guard child.name == "name-part" else {
        context.report(.error, "csl-unknown-element", "unknown element <\(child.name)> in <name>", at: child)
        continue
      }
      context.checkAttributes(
        child, Self.namePartAttributes)
      let decoration = context.decoration(child)
      switch child[attribute: "name"] {
      case "given": name.givenPart = decoration
      case "family": name.familyPart = decoration
      default:
        context.report(.error, "csl-unknown-value", "<name-part> 'name' must be 'given' or 'family'", at: child)
      }
    }
    return name
  }

  mutating func choose(_ element: XMLElement) -> CSL.Choose {
    context.checkAttributes(element, [])
    var choose = CSL.Choose(branches: [])
    for (index, child) in element.elements.enumerated() {
      switch child.name {
      case "if", "else-if":
        if child.name == "if" && index != 0 {
          context.report(.warning, "csl-choose-order", "<if> should be the first child of <choose>", at: child)
        }
        choose.branches.append(CSL.Branch(condition: condition(child), children: children(child)))
      case "else":
        context.checkAttributes(child, [])
        choose.otherwise = children(child)
      default:
        context.report(.error, "csl-unknown-element", "unknown element <\(child.name)> in <choose>", at: child)
      }
    }
    return choose
  }

  /// The positions CSL 1.0.2 defines (the `position` condition's values).
  private static let positions: Set<CitePosition> = [.first, .subsequent, .ibid, .ibidWithLocator, .nearNote]

  private static let conditionAttributes: Set<String> = [
    "disambiguate", "is-numeric", "is-uncertain-date", "locator", "position", "type", "variable", "match",
  ]

  mutating func condition(_ element: XMLElement) -> CSL.Condition {
    context.checkAttributes(element, Self.conditionAttributes)
    var tests: [CSL.Condition.Test] = []
    func words(_ name: String) -> [String] {
      guard let value = element[attribute: name] else { return [] }
      return value.spaceSeparatedWords()
    }
    if let value = context.bool(element, "disambiguate") { tests.append(.disambiguate(value)) }
    tests += words("is-numeric").map { .isNumeric(context.variable($0, at: element)) }
    tests += words("is-uncertain-date").map { .isUncertainDate(context.variable($0, at: element)) }
    tests += words("locator").map { .locator(LocatorType($0)) }
    for word in words("position") {
      let position = CitePosition(word)
      if !Self.positions.contains(position) {
        context.report(.error, "csl-unknown-value", "'\(word)' is not a position", at: element)
      }
      tests.append(.position(position))
    }
    tests += words("type").map { .type(ItemType($0)) }
    let variables = words("variable").map { context.variable($0, at: element) }
    tests += context.hasFormTests(element, variables: variables) ?? variables.map(CSL.Condition.Test.variable)
    if tests.isEmpty {
      context.report(.error, "csl-missing", "<\(element.name)> needs a condition", at: element)
    }
    return CSL.Condition(tests: tests, match: context.value(element, "match", as: CSL.Match.self) ?? .all)
  }
}
