import BibModel
import Reports

/// The inlines that go into one `Cite`, as pandoc's citeproc builds them: the author and the
/// rest for author-in-text citations, a `Note` for note styles in the running text, unknown
/// keys in bold with a question mark, links to `#ref-KEY` with `link-citations`.
struct CiteContent {
  var citations: [String]
  var isNoteStyle: Bool
  /// Keys whose bibliography entry is printed (link targets); empty without `link-citations`.
  var linkTargets: Set<String>

  /// Nil when nothing was rendered (the written text stays).
  func inlines(_ slot: CitationPlan.Slot, cluster: CitationCluster) -> [JSONValue]? {
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
        let keys = cluster.items.map(\.key).filter { !slot.unknown.contains($0) }
        if keys.count == 1, let key = keys.first, linkTargets.contains(key) { main = Self.linked(main, to: key) }
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
    var body = PandocBibliography.trimmed(inlines)
    if let last = body.last, PandocNode.tag(last) == "Str", var text = PandocNode.content(last)?.stringValue,
      text.hasSuffix(".") || text.hasSuffix(".\u{201D}")
    {
      text.remove(at: text.index(text.endIndex, offsetBy: text.hasSuffix(".") ? -1 : -2))
      body[body.count - 1] = PandocNode.str(text)
      if text.isEmpty { body.removeLast() }
    }
    guard !body.isEmpty else { return inlines }
    return [PandocNode.str("(")] + body + [PandocNode.str(")")]
  }

  /// The citation linked to its entry, the opening and closing bracket left outside the link.
  static func linked(_ inlines: [JSONValue], to key: String) -> [JSONValue] {
    var body = inlines
    var before: [JSONValue] = []
    var after: [JSONValue] = []
    if let first = body.first, PandocNode.tag(first) == "Str", let text = PandocNode.content(first)?.stringValue,
      let open = text.first, "([".contains(open)
    {
      before = [PandocNode.str(String(open))]
      body[0] = PandocNode.str(String(text.dropFirst()))
    }
    if let last = body.last, PandocNode.tag(last) == "Str", let text = PandocNode.content(last)?.stringValue,
      let close = text.last, ")]".contains(close)
    {
      after = [PandocNode.str(String(close))]
      body[body.count - 1] = PandocNode.str(String(text.dropLast()))
    }
    body.removeAll { PandocNode.tag($0) == "Str" && PandocNode.content($0)?.stringValue == "" }
    guard !body.isEmpty else { return inlines }
    return before + [PandocNode.link(url: "#ref-" + key, body)] + after
  }
}
