import BibModel
import CSLStyle

/// The bibliography as pandoc's citeproc builds it, and where it goes.
///
/// `Div#refs.references.csl-bib-body` (with `hanging-indent`, `line-spacing` and
/// `entry-spacing` from the style) holding one `Div#ref-KEY.csl-entry` per entry. It fills a
/// `Div#refs` written in the document, else ends the document, under
/// `reference-section-title` when one is given.
enum PandocBibliography {
  static func entries(_ rendered: [String], ids: [String]) -> [JSONValue] {
    zip(rendered, ids).map { text, id in
      PandocNode.div(
        id: "ref-" + id, classes: ["csl-entry"], [PandocNode.para(trimmed(PandocInlineReader.inlines(text)))])
    }
  }

  /// The attributes of the `refs` div for a style's bibliography options.
  static func attributes(_ options: CSL.Bibliography?) -> (classes: [String], pairs: [(String, String)]) {
    var classes = ["references", "csl-bib-body"]
    var pairs: [(String, String)] = []
    guard let options else { return (classes, pairs) }
    if options.hangingIndent { classes.append("hanging-indent") }
    if options.lineSpacing != 1 { pairs.append(("line-spacing", String(options.lineSpacing))) }
    if options.entrySpacing > 1 { pairs.append(("entry-spacing", String(options.entrySpacing))) }
    return (classes, pairs)
  }

  /// `blocks` with the bibliography placed: inside the first `Div#refs` (its other attributes
  /// kept), else at the end after a heading when `title` is given.
  static func place(
    _ entries: [JSONValue], in blocks: [JSONValue], classes: [String], pairs: [(String, String)],
    title: [JSONValue]?
  ) -> [JSONValue] {
    var placed = false
    let output = blocks.map { fill($0, entries: entries, classes: classes, placed: &placed) }
    if placed { return output }
    var result = output
    if let title {
      let attr = PandocNode.attr(id: "bibliography", classes: ["unnumbered"])
      result.append(PandocNode.node("Header", .array([.number("1"), attr, .array(title)])))
    } else if let last = result.last, PandocNode.tag(last) == "Header" {
      result[result.count - 1] = unnumbered(last)
    }
    result.append(PandocNode.div(id: "refs", classes: classes, pairs: pairs, entries))
    return result
  }

  private static func fill(
    _ block: JSONValue, entries: [JSONValue], classes: [String], placed: inout Bool
  )
    -> JSONValue
  {
    guard !placed, case .object(var object) = block, let content = object["c"], case .array(var parts) = content
    else { return block }
    if object["t"]?.stringValue == "Div", parts.count == 2, case .array(var attr) = parts[0], attr.count == 3,
      attr[0].stringValue == "refs"
    {
      var written = attr[1].arrayValue?.compactMap(\.stringValue) ?? []
      for name in classes where !written.contains(name) { written.append(name) }
      attr[1] = .array(written.map { .string($0) })
      parts = [.array(attr), .array(entries)]
      placed = true
      object["c"] = .array(parts)
      return .object(object)
    }
    // Only block containers hold a refs div: walk arrays of objects.
    parts = parts.map { part in
      guard case .array(let items) = part, items.contains(where: { $0.objectValue != nil }) else { return part }
      return .array(items.map { fill($0, entries: entries, classes: classes, placed: &placed) })
    }
    object["c"] = .array(parts)
    return .object(object)
  }

  /// A header with the `unnumbered` class added (pandoc's treatment of a final "References" heading).
  private static func unnumbered(_ header: JSONValue) -> JSONValue {
    guard case .object(var object) = header, case .array(var parts)? = object["c"], parts.count == 3,
      case .array(var attr) = parts[1], attr.count == 3, case .array(var classes) = attr[1]
    else { return header }
    if !classes.contains(.string("unnumbered")) { classes.append(.string("unnumbered")) }
    attr[1] = .array(classes)
    parts[1] = .array(attr)
    object["c"] = .array(parts)
    return .object(object)
  }

  /// Inlines without leading or trailing spaces.
  static func trimmed(_ inlines: [JSONValue]) -> [JSONValue] {
    var slice = inlines[...]
    while let first = slice.first, PandocNode.tag(first) == "Space" { slice.removeFirst() }
    while let last = slice.last, PandocNode.tag(last) == "Space" { slice.removeLast() }
    return Array(slice)
  }
}
