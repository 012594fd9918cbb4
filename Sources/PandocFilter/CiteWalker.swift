import BibModel
import Reports

/// Finds pandoc's `Cite` nodes in document order and puts rendered content into them.
///
/// Every `Cite` keeps its citations (as pandoc's citeproc does); only its content changes. A
/// citation already inside a footnote is numbered with that footnote; any other citation is
/// numbered as the next note, so note styles count footnotes and citation notes together.
enum CiteWalker {
  /// A found citation: the written cluster and its place.
  struct Found {
    var cluster: CitationCluster
    var place: CitationPlan.Place
    /// The text around the citation (`…policy [@key] saw…`), to show where a problem is: pandoc's
    /// JSON carries no source positions.
    var context = ""
  }

  // MARK: - Finding

  static func find(in blocks: [JSONValue]) -> [Found] {
    var found: [Found] = []
    var notes = 0
    for block in blocks { visit(block, footnote: nil, notes: &notes, found: &found) }
    return found
  }

  private static func visit(_ value: JSONValue, footnote: Int?, notes: inout Int, found: inout [Found]) {
    switch value {
    case .array(let items):
      for (index, item) in items.enumerated() {
        let before = found.count
        visit(item, footnote: footnote, notes: &notes, found: &found)
        if found.count == before + 1, found[before].context.isEmpty, PandocNode.tag(item) == "Cite" {
          found[before].context = context(of: index, in: items)
        }
      }
    case .object(let object):
      switch object["t"]?.stringValue {
      case "Cite":
        let citations = object["c"]?.arrayValue?.first?.arrayValue ?? []
        let place: CitationPlan.Place
        if let footnote {
          place = .footnote(number: footnote)
        } else {
          notes += 1
          place = .text(number: notes)
        }
        found.append(Found(cluster: cluster(citations), place: place))
      case "Note":
        notes += 1
        let number = notes
        if let content = object["c"] { visit(content, footnote: footnote ?? number, notes: &notes, found: &found) }
      default:
        if let content = object["c"] { visit(content, footnote: footnote, notes: &notes, found: &found) }
      }
    default: return
    }
  }

  /// Up to 40 characters of text on each side of the citation at `index`, on one line.
  static func context(of index: Int, in inlines: [JSONValue]) -> String {
    let before = PandocNode.plainText(Array(inlines[max(0, index - 12)..<index]))
    let after = PandocNode.plainText(Array(inlines[(index + 1)..<min(inlines.count, index + 13)]))
    let keys =
      PandocNode.content(inlines[index])?.arrayValue?.first?.arrayValue?
      .compactMap { $0.objectValue?["citationId"]?.stringValue } ?? []
    let text = "…" + before.suffix(40) + "[@" + keys.joined(separator: "; @") + "]" + after.prefix(40) + "…"
    return String(text.map { $0.isNewline ? " " : $0 })
  }

  /// pandoc's citations as a cluster: the locator is read from the suffix as `cited render`
  /// reads it (`, p. 4`, `chap. 2 and more`, locale-independent labels); prefixes and suffixes
  /// keep their formatting as the engine's rich text (`<i>see</i>`).
  static func cluster(_ citations: [JSONValue]) -> CitationCluster {
    var items: [CitationItem] = []
    for citation in citations {
      guard let object = citation.objectValue, let key = object["citationId"]?.stringValue else { continue }
      let prefix = affix(object["citationPrefix"]?.arrayValue ?? [])
      let suffixInlines = object["citationSuffix"]?.arrayValue ?? []
      var (locator, label, suffix) = CitationSyntax.locatorAndSuffix(Array(PandocNode.plainText(suffixInlines)))
      if isFormatted(suffixInlines), let markup = PandocMetaValue.markup(suffixInlines) {
        // The locator is read from the text; the rest is taken from the markup when it reads the same.
        let marked = CitationSyntax.locatorAndSuffix(Array(markup))
        suffix = marked.0 == locator ? marked.2 : suffix
      }
      let mode = object["citationMode"].flatMap(PandocNode.tag)
      items.append(
        CitationItem(
          key: key, prefix: prefix, suffix: suffix, locator: locator, label: label,
          suppressAuthor: mode == "SuppressAuthor", authorInText: mode == "AuthorInText"))
    }
    return CitationCluster(items: items, source: "")
  }

  /// A prefix as rich text when it is formatted, else as its text.
  private static func affix(_ inlines: [JSONValue]) -> String {
    let text = isFormatted(inlines) ? PandocMetaValue.markup(inlines) : PandocNode.plainText(inlines)
    return (text ?? "").trimmingWhitespace()
  }

  /// Whether inlines hold more than words and spaces.
  private static func isFormatted(_ inlines: [JSONValue]) -> Bool {
    inlines.contains { !["Str", "Space", "SoftBreak"].contains(PandocNode.tag($0) ?? "") }
  }

  // MARK: - Replacing

  /// `blocks` with the content of the n-th `Cite` replaced by `rendered[n]` (nil keeps it); with
  /// `notesAfterPunctuation`, a citation note moves after the punctuation that follows it.
  static func replace(
    in blocks: [JSONValue], with rendered: [[JSONValue]?], notesAfterPunctuation: Bool
  )
    -> [JSONValue]
  {
    var walker = Replacer(rendered: rendered, notesAfterPunctuation: notesAfterPunctuation)
    return blocks.map { walker.transform($0) }
  }

  private struct Replacer {
    let rendered: [[JSONValue]?]
    let notesAfterPunctuation: Bool
    var next = 0

    init(rendered: [[JSONValue]?], notesAfterPunctuation: Bool) {
      self.rendered = rendered
      self.notesAfterPunctuation = notesAfterPunctuation
    }

    mutating func transform(_ value: JSONValue) -> JSONValue {
      switch value {
      case .array(let items):
        var output = items.map { transform($0) }
        if notesAfterPunctuation { output = Self.movingNotes(output) }
        return .array(output)
      case .object(var object):
        guard let content = object["c"] else { return value }
        if object["t"]?.stringValue == "Cite" {
          let index = next
          next += 1
          guard index < rendered.count, let inlines = rendered[index], case .array(var parts) = content,
            parts.count == 2
          else { return value }
          parts[1] = .array(inlines)
          object["c"] = .array(parts)
          return .object(object)
        }
        if case .string = content { return value }
        object["c"] = transform(content)
        return .object(object)
      default:
        return value
      }
    }

    /// A citation that is a note drops the space before it and follows the punctuation after it.
    static func movingNotes(_ input: [JSONValue]) -> [JSONValue] {
      var output = input
      var index = 0
      while index < output.count {
        guard isNoteCite(output[index]) else {
          index += 1
          continue
        }
        if index > 0, PandocNode.tag(output[index - 1]) == "Space" {
          output.remove(at: index - 1)
          index -= 1
        }
        if index + 1 < output.count, PandocNode.tag(output[index + 1]) == "Str",
          let text = PandocNode.content(output[index + 1])?.stringValue, let first = text.first,
          ".,;:!?".contains(first)
        {
          let rest = String(text.dropFirst())
          output[index + 1] = PandocNode.str(rest)
          if rest.isEmpty { output.remove(at: index + 1) }
          output.insert(PandocNode.str(String(first)), at: index)
          index += 1
        }
        index += 1
      }
      return output
    }

    private static func isNoteCite(_ value: JSONValue) -> Bool {
      guard PandocNode.tag(value) == "Cite", let parts = PandocNode.content(value)?.arrayValue, parts.count == 2,
        let first = parts[1].arrayValue?.first
      else { return false }
      return PandocNode.tag(first) == "Note"
    }
  }
}
