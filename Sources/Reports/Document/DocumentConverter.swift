/// Converts a Markdown tree into document blocks, finding citations in text (never in code).
///
/// Run once with `rendered == nil` to collect the citations in document order, then again with
/// the rendered inline content of each citation, in the same order.
///
/// Footnotes (`[^1]` with its definition, `^[inline]`) are converted where they are referenced
/// and numbered in reading order; with a note style each citation in the running text (with a
/// known key) takes the next number too, and a citation inside a footnote takes that note's.
struct DocumentConverter {
  let sourceLines: [[Character]]
  let rendered: [[DocInline]]?
  /// Note styles number citation notes together with the document's footnotes.
  var isNoteStyle = false
  var knownKeys: Set<String> = []
  /// Footnote definitions by label.
  var definitions: [String: MarkdownNode] = [:]
  private(set) var found: [CitationCluster] = []
  /// Where each found citation sits, for `CitationPlan`.
  private(set) var places: [CitationPlan.Place] = []
  /// The document's own footnotes, converted.
  private(set) var notes: [DocBlock.Note] = []
  private(set) var sawRefsMarker = false
  private var usedIDs: Set<String> = []
  /// Where the last byte column was turned into a character index (line, byte, index): text
  /// runs of one line are asked for left to right, so a long line is walked once.
  private var columnMark = (line: 0, byte: 0, index: 0)
  private var noteNumber = 0
  private var currentNote: Int?

  /// Stands for `::: {#refs}` until the bibliography replaces it.
  static let refsMarker = DocBlock.section(id: "refs-marker", className: nil, content: [])

  init(sourceLines: [[Character]], rendered: [[DocInline]]?) {
    self.sourceLines = sourceLines
    self.rendered = rendered
  }

  mutating func blocks(_ nodes: [MarkdownNode]) -> [DocBlock] {
    var output: [DocBlock] = []
    for node in nodes {
      if let block = block(node) { output.append(block) }
    }
    return output
  }

  private mutating func block(_ node: MarkdownNode) -> DocBlock? {
    switch node.kind {
    case .paragraph:
      let text = node.plainText.trimmingWhitespace()
      if text.hasPrefix(":::") {
        if text.contains("#refs") {
          sawRefsMarker = true
          return Self.refsMarker
        }
        if text.allSatisfy({ $0 == ":" }) { return nil }
      }
      return .paragraph(inlines(node.children))
    case .heading(let level):
      let content = inlines(node.children)
      return .heading(level: level, id: uniqueID(content.map(\.plainText).joined()), content: content)
    case .blockQuote:
      return .blockQuote(blocks(node.children))
    case .list(let ordered, _, _):
      return .list(ordered: ordered, items: node.children.map { blocks($0.children) })
    case .item:
      return .section(id: nil, className: nil, content: blocks(node.children))
    case .codeBlock(let info):
      return .code(info: info, text: node.literal)
    case .htmlBlock:
      let text = node.literal.trimmingWhitespace()
      if text.hasPrefix("<!--") { return nil }
      return .code(info: "html", text: node.literal)
    case .thematicBreak:
      return .rule
    case .table:
      var header: [[DocInline]] = []
      var rows: [[[DocInline]]] = []
      for row in node.children {
        let cells = row.children.map { inlines($0.children) }
        if case .tableRow(true) = row.kind { header = cells } else { rows.append(cells) }
      }
      return .table(DocBlock.Table(header: header, rows: rows))
    case .footnoteDefinition:
      return nil
    case .document, .customBlock, .tableRow, .tableCell, .other:
      return .section(id: nil, className: nil, content: blocks(node.children))
    default:
      let content = inlines([node])
      return content.isEmpty ? nil : .paragraph(content)
    }
  }

  private mutating func uniqueID(_ text: String) -> String {
    let base = Anchor.slug(text.trimmingWhitespace())
    var id = base
    var counter = 1
    while usedIDs.contains(id) {
      counter += 1
      id = base + "-\(counter)"
    }
    usedIDs.insert(id)
    return id
  }

  /// `input` as inlines; `^[…]` notes are gathered unless they already were (a note's content).
  mutating func inlines(_ input: [MarkdownNode], gatheringNotes: Bool = true) -> [DocInline] {
    let nodes = gatheringNotes ? InlineNotes.gather(input) : input
    var output: [DocInline] = []
    var index = 0
    while index < nodes.count {
      let node = nodes[index]
      if case .text = node.kind {
        var run = node.literal
        var end = index + 1
        while end < nodes.count, case .text = nodes[end].kind {
          run += nodes[end].literal
          end += 1
        }
        output += textRun(run, line: node.line, column: node.column)
        index = end
        continue
      }
      if let inline = inline(node) { output.append(inline) }
      index += 1
    }
    return output
  }

  private mutating func inline(_ node: MarkdownNode) -> DocInline? {
    switch node.kind {
    case .code: return .code(node.literal)
    case .softBreak: return .softBreak
    case .lineBreak: return .lineBreak
    case .emphasis: return .emphasis(inlines(node.children))
    case .strong: return .strong(inlines(node.children))
    case .strikethrough: return .strikethrough(inlines(node.children))
    case .link(let url, _): return .link(url: url, content: inlines(node.children))
    case .image(let url, _): return .link(url: url, content: [.text(node.plainText.isEmpty ? url : node.plainText)])
    case .htmlInline: return .text(node.literal)
    case .text: return .text(node.literal)
    case .footnoteReference(let label):
      guard let definition = definitions[label] else { return .text("[^" + label + "]") }
      return note(definition.children, gathered: false)
    case .inlineNote:
      return note([MarkdownNode(kind: .paragraph, children: node.children)], gathered: true)
    default:
      let content = inlines(node.children)
      return content.isEmpty ? nil : .span(className: "md", content: content)
    }
  }

  /// The footnote holding `content` (blocks, in one paragraph): the next number, its citations
  /// placed in it. `gathered`: the content's inline notes were already found.
  private mutating func note(_ content: [MarkdownNode], gathered: Bool) -> DocInline {
    noteNumber += 1
    let number = noteNumber
    let outer = currentNote
    currentNote = number
    var inlines: [DocInline] = []
    for block in content {
      if !inlines.isEmpty { inlines.append(.text(" ")) }
      inlines += self.inlines(block.kind == .paragraph ? block.children : [block], gatheringNotes: !gathered)
    }
    currentNote = outer
    notes.append(DocBlock.Note(number: number, content: inlines))
    return .noteReference(number)
  }

  /// The place of a citation found now: in the current footnote, else in the running text
  /// (a new note in note styles when it cites a known key).
  private mutating func place(of cluster: CitationCluster) -> CitationPlan.Place {
    if let currentNote { return .footnote(number: currentNote) }
    guard isNoteStyle, cluster.items.contains(where: { knownKeys.contains($0.key) }) else {
      return .text(number: noteNumber + 1)
    }
    noteNumber += 1
    return .text(number: noteNumber)
  }

  /// The footnote definitions among `nodes` (cmark puts them at the top level), by label.
  static func definitions(in nodes: [MarkdownNode]) -> [String: MarkdownNode] {
    var definitions: [String: MarkdownNode] = [:]
    for node in nodes {
      if case .footnoteDefinition(let label) = node.kind, definitions[label] == nil { definitions[label] = node }
    }
    return definitions
  }

  /// Scans a run of text for citations.
  private mutating func textRun(_ text: String, line: Int, column: Int) -> [DocInline] {
    guard CitationSyntax.mayContainCitation(text) else { return [.text(text)] }
    var output: [DocInline] = []
    var searchFrom = characterIndex(line: line, byteColumn: column)
    for segment in CitationSyntax.scan(text) {
      switch segment {
      case .text(let plain):
        output.append(.text(plain))
      case .citation(var cluster, _):
        let (foundColumn, escaped) = locate(cluster.source, line: line, from: searchFrom)
        // Past this occurrence either way: a later same-text citation must not find it again.
        if let foundColumn { searchFrom = foundColumn - 1 + cluster.source.count }
        if escaped {
          output.append(.text(cluster.source))
          continue
        }
        cluster.line = line
        cluster.column = foundColumn ?? column
        let index = found.count
        found.append(cluster)
        places.append(place(of: cluster))
        if let rendered, index < rendered.count {
          output += rendered[index]
        }
      }
    }
    return Self.placeNoteMarks(output)
  }

  /// A note mark hugs the word before it and follows the punctuation after it (`word.¹`).
  /// Built in one pass (inserting into the array was quadratic in the notes of a paragraph).
  static func placeNoteMarks(_ input: [DocInline]) -> [DocInline] {
    var pending = input
    var output: [DocInline] = []
    output.reserveCapacity(input.count)
    var index = 0
    while index < pending.count {
      let mark = pending[index]
      index += 1
      guard case .noteReference = mark else {
        output.append(mark)
        continue
      }
      let hasBefore = !output.isEmpty
      if case .text(let before)? = output.last {
        var trimmed = before
        while let last = trimmed.last, last == " " { trimmed.removeLast() }
        output[output.count - 1] = .text(trimmed)
      }
      if hasBefore, index < pending.count, case .text(let after) = pending[index], let first = after.first,
        ".,;:!?".contains(first)
      {
        output.append(.text(String(first)))
        pending[index] = .text(String(after.dropFirst()))
      }
      output.append(mark)
    }
    return output
  }

  /// The 0-based character index in source line `line` of cmark's 1-based byte column.
  private mutating func characterIndex(line: Int, byteColumn: Int) -> Int {
    guard line >= 1, line <= sourceLines.count else { return max(byteColumn - 1, 0) }
    let characters = sourceLines[line - 1]
    let target = max(byteColumn - 1, 0)
    if columnMark.line != line || columnMark.byte > target { columnMark = (line, 0, 0) }
    while columnMark.index < characters.count {
      let width = characters[columnMark.index].utf8.count
      guard columnMark.byte + width <= target else { break }
      columnMark.byte += width
      columnMark.index += 1
    }
    return columnMark.index
  }

  /// The 1-based column of `needle` in source line `line` at or after `from`, and whether the
  /// source escaped it (`\@key`, `\[@key]`).
  private func locate(_ needle: String, line: Int, from: Int) -> (Int?, Bool) {
    guard line >= 1, line <= sourceLines.count else { return (nil, false) }
    let haystack = sourceLines[line - 1]
    let pattern = Array(needle)
    guard let first = pattern.first, haystack.count >= pattern.count else { return (nil, false) }
    var position = min(max(from, 0), haystack.count)
    while position + pattern.count <= haystack.count {
      if haystack[position] == first, haystack[position..<(position + pattern.count)].elementsEqual(pattern) {
        let escaped = position > 0 && haystack[position - 1] == "\\"
        return (position + 1, escaped)
      }
      position += 1
    }
    return (nil, false)
  }
}
