import BibModel
import CSLStyle

extension Renderer {
  /// Number variables citeproc-js prints through its number parser when a `cs:text` names them.
  static let parsedNumberVariables: Set<CSLVariable> = [
    .page, .chapterNumber, .collectionNumber, .edition, .issue, .number, .numberOfPages, .numberOfVolumes, .volume,
    .locator, .locatorExtra,
  ]

  /// A number variable's value parsed as citeproc-js parses it.
  func parsedNumber(_ name: CSLVariable, value: String) -> NumberValue {
    let known = parsedNumbers.firstIndex { $0.variable == name }
    if let known, parsedNumbers[known].value == value { return parsedNumbers[known].parsed }
    let locatorLabel = name == .locator || name == .locatorExtra ? cite.label?.rawValue : nil
    let isLegalCase = reference.type == .legalCase
    let parsed: NumberValue
    if let cache {
      let key = NumberKey(
        value: value, variable: name, locatorLabel: locatorLabel, isLegalCase: isLegalCase,
        style: compiled.identity)
      parsed = cache.number(key) {
        Self.parseNumber(value, name, locatorLabel: locatorLabel, isLegalCase: isLegalCase, terms: terms)
      }
    } else {
      parsed = Self.parseNumber(value, name, locatorLabel: locatorLabel, isLegalCase: isLegalCase, terms: terms)
    }
    if let known {
      parsedNumbers[known] = (name, value, parsed)
    } else {
      parsedNumbers.append((name, value, parsed))
    }
    return parsed
  }

  /// The parse itself: a pure function of its arguments (see `RenderCache.number`).
  private static func parseNumber(
    _ value: String, _ name: CSLVariable, locatorLabel: String?, isLegalCase: Bool, terms: Terms
  ) -> NumberValue {
    let context = NumberValue.Context(
      variable: name, locatorLabel: locatorLabel,
      joiners: {
        let and = terms.and
        let symbol = terms.term("and", form: .symbol)
        let isEnglish = (terms.locale.lang ?? "en").hasPrefix("en")
        return (isEnglish ? nil : and, symbol == nil || symbol == and ? "&" : symbol ?? "&")
      },
      isLegalCase: isLegalCase, hasTerm: { NumberValue.hasTerm($0, in: terms) })
    return NumberValue(value, context: context)
  }

  /// A parsed number variable printed: labels written in it, its numbers (formatted by `form`
  /// when they are plain integers) and its joiners, with range delimiters and page-range
  /// formatting applied. Text that is no number is printed as written, its markup parsed
  /// unless `markupAsText`.
  func numberNode(_ parsed: NumberValue, form: CSL.NumberForm, markupAsText: Bool) -> Node {
    var parsed = parsed
    let terms = self.terms
    parsed.formatRanges(NumberValue.RangeStyle(pageRangeFormat: compiled.style.pageRangeFormat?.rawValue, terms: terms))
    let gender = form == .numeric ? nil : terms.gender(of: parsed.variable.rawValue)
    // A value written in straight double quotes is quoted by the style's quotation marks.
    var quoted = false
    if let first = parsed.parts.first?.value, let last = parsed.parts.last?.value, first.hasPrefix("\""),
      last.hasSuffix("\""), parsed.parts.count > 1 || first.count > 1
    {
      quoted = true
      parsed.parts[0].value.removeFirst()
      parsed.parts[parsed.parts.count - 1].value.removeLast()
    }
    var nodes: [Node] = []
    var text = ""
    for part in parsed.parts where !(part.particle.isEmpty && part.value.isEmpty) {
      if part.labelVisible {
        let name =
          part.label.hasPrefix("var:") ? String(part.label.dropFirst(4)) : NumberValue.labelVariables[part.label]
        let term = name.flatMap { terms.term($0, form: .short, plural: part.plural) } ?? ""
        text += (term.isEmpty ? part.label : term) + part.labelSuffix
      }
      if part.collapsible {
        if part.particle.isEmpty, let first = part.value.first, first != "0", NumberValue.isDigits(part.value),
          part.value.count < 16, let integer = Int(part.value)
        {
          switch form {
          case .numeric: text += part.value
          case .ordinal:
            let ordinal = terms.ordinal(integer, gender: gender)
            if ordinal.containsByte(0x3C) {
              if !text.isEmpty { nodes.append(.text(text)) }
              text = ""
              nodes.append(Self.termText(ordinal))
            } else {
              text += ordinal
            }
          case .longOrdinal: text += terms.longOrdinal(integer, gender: gender)
          case .roman: text += Roman.numeral(integer)
          }
        } else {
          text += part.particle + part.value
        }
      } else if markupAsText || !part.value.contains("<") {
        text += part.particle + part.value
      } else {
        if !text.isEmpty { nodes.append(.text(text)) }
        text = ""
        nodes.append(valueNode(part.particle + part.value))
      }
      text += part.joiningSuffix
    }
    if nodes.isEmpty { return quoted ? .quoted([.text(text)]) : .text(text) }
    if !text.isEmpty { nodes.append(.text(text)) }
    return quoted ? .quoted(nodes) : .sequence(nodes)
  }
}
