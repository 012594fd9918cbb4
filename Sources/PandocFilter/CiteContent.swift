import BibModel
import Reports

/// The inlines that go into one `Cite`, as pandoc's citeproc builds them: the author and the
/// rest for author-in-text citations, a `Note` for note styles in the running text, unknown
/// keys in bold with a question mark. (Links to `#ref-KEY` come from the engine.)
struct CiteContent {
  var citations: [String]
  var isNoteStyle: Bool

  /// Nil when nothing was rendered (the written text stays).
  func inlines(_ slot: CitationPlan.Slot) -> [JSONValue]? {
    var output: [JSONValue] = []
    if let index = slot.authorIndex, index < citations.count {
      output += PandocInlineReader.inlines(citations[index])
    }
    if let index = slot.mainIndex, index < citations.count {
      var main = PandocInlineReader.inlines(citations[index])
      if slot.inFootnote { main = Self.parenthesized(main) }
      if slot.note != nil {
        let note = Self.capitalized(PandocBibliography.trimmed(main))
        output.append(PandocNode.node("Note", .array([PandocNode.para(note)])))
      } else {
        if !output.isEmpty { output.append(PandocNode.space) }
        output += main
      }
    }
    for key in slot.unknown {
      if !output.isEmpty { output.append(PandocNode.space) }
      output.append(PandocNode.node("Strong", .array([PandocNode.str(key + "?")])))
    }
    return output.isEmpty ? nil : output
  }

  /// A note starts with a capital, as pandoc writes it (`See …` for a `see` prefix).
  static func capitalized(_ inlines: [JSONValue]) -> [JSONValue] {
    guard let first = inlines.first, PandocNode.tag(first) == "Str",
      let text = PandocNode.content(first)?.stringValue, let letter = text.first, letter.isLowercase
    else { return inlines }
    return [PandocNode.str(letter.uppercased() + text.dropFirst())] + inlines.dropFirst()
  }

  /// A note style's citation inside a footnote, as pandoc writes it: in parentheses, without
  /// the final period of the note form.
  static func parenthesized(_ inlines: [JSONValue]) -> [JSONValue] {
    let body = droppingFinalPeriod(PandocBibliography.trimmed(inlines))
    guard !body.isEmpty else { return inlines }
    return [PandocNode.str("(")] + body + [PandocNode.str(")")]
  }

  /// Inlines without the period that ends them, also inside a closing quotation (`“Title.”`,
  /// whose marks sit in a `Span`).
  private static func droppingFinalPeriod(_ inlines: [JSONValue]) -> [JSONValue] {
    var body = inlines
    guard let last = body.last else { return body }
    if PandocNode.tag(last) == "Span", case .array(var parts)? = PandocNode.content(last), parts.count == 2,
      let inner = parts[1].arrayValue
    {
      parts[1] = .array(droppingFinalPeriod(inner))
      body[body.count - 1] = PandocNode.node("Span", .array(parts))
      return body
    }
    if PandocNode.tag(last) == "Str", var text = PandocNode.content(last)?.stringValue,
      text.hasSuffix(".") || text.hasSuffix(".\u{201D}")
    {
      text.remove(at: text.index(text.endIndex, offsetBy: text.hasSuffix(".") ? -1 : -2))
      body[body.count - 1] = PandocNode.str(text)
      if text.isEmpty { body.removeLast() }
    }
    return body
  }
}
