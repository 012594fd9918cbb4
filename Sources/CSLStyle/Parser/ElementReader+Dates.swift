import BibModel
import XMLTree

extension ElementReader {
  // Each element's attributes, made once.
  private static let dateAttributes = ParseContext.formatting.union(ParseContext.affixes)
    .union(["variable", "form", "date-parts", "delimiter", "display", "text-case"])
  private static let datePartAttributes = ParseContext.formatting.union(ParseContext.affixes)
    .union(["name", "form", "range-delimiter", "text-case", "strip-periods"])

  mutating func date(_ element: XMLElement) -> CSL.Date? {
    context.checkAttributes(
      element,
      Self.dateAttributes)
    guard let variable = element[attribute: "variable"] else {
      context.report(.error, "csl-missing", "<date> needs a 'variable'", at: element)
      return nil
    }
    var date = CSL.Date(variable: context.variable(variable, at: element))
    date.form = context.value(element, "form", as: CSL.Date.LocalizedForm.self)
    date.partsShown = context.value(element, "date-parts", as: CSL.Date.PartsShown.self) ?? .yearMonthDay
    date.delimiter = element[attribute: "delimiter"]
    date.decoration = context.decoration(element)
    date.parts = dateParts(element, localized: date.form != nil)
    return date
  }

  mutating func dateParts(_ element: XMLElement, localized: Bool) -> [CSL.DatePart] {
    var parts: [CSL.DatePart] = []
    for child in element.elements {
      guard child.name == "date-part" else {
        context.report(.error, "csl-unknown-element", "unknown element <\(child.name)> in <date>", at: child)
        continue
      }
      context.checkAttributes(
        child,
        Self.datePartAttributes)
      guard let name = context.value(child, "name", as: CSL.DatePart.Name.self) else {
        if child[attribute: "name"] == nil {
          context.report(.error, "csl-missing", "<date-part> needs a 'name'", at: child)
        }
        continue
      }
      var part = CSL.DatePart(name: name)
      part.form = context.value(child, "form", as: CSL.DatePart.PartForm.self)
      part.rangeDelimiter = child[attribute: "range-delimiter"]
      part.decoration = context.decoration(child)
      parts.append(part)
    }
    return parts
  }
}
