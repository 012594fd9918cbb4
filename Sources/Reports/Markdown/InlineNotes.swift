/// pandoc's inline notes, `^[text with @key]`: cmark reads them as text (with emphasis, code or
/// links between), so they are found in a list of inline nodes and become `inlineNote` nodes
/// holding the inlines between the brackets.
///
/// Brackets are matched in one pass over the text nodes, so `^[see [@a, p. 2] and *this*]`
/// holds the whole citation, a `^[` without its closing bracket stays text, and hostile input
/// costs linear time; notes nested deeper than `maximumDepth` stay text.
enum InlineNotes {
  static let maximumDepth = 16

  /// An outermost note: where its `^` and `]` are (node index, position in the node's text).
  struct Span {
    var openNode: Int
    var caret: String.Index
    var contentStart: String.Index
    var closeNode: Int
    var bracket: String.Index
  }

  static func gather(_ nodes: [MarkdownNode], depth: Int = 0) -> [MarkdownNode] {
    guard depth < maximumDepth, nodes.contains(where: { $0.kind == .text && $0.literal.contains("^[") }) else {
      return nodes
    }
    var spans = outermostNotes(nodes)[...]
    guard !spans.isEmpty else { return nodes }
    var output: [MarkdownNode] = []
    var inner: [MarkdownNode]?
    var opening = MarkdownNode(kind: .text)
    for (index, node) in nodes.enumerated() {
      guard node.kind == .text else {
        if inner == nil { output.append(node) } else { inner?.append(node) }
        continue
      }
      var start = node.literal.startIndex
      while let span = spans.first {
        if inner == nil {
          guard span.openNode == index else { break }
          append(piece(node, start..<span.caret), to: &output)
          opening = piece(node, span.caret..<span.contentStart)
          start = span.contentStart
          inner = []
        }
        guard span.closeNode == index, var content = inner else { break }
        append(piece(node, start..<span.bracket), to: &content)
        output.append(
          MarkdownNode(
            kind: .inlineNote, children: gather(content, depth: depth + 1), line: opening.line,
            column: opening.column))
        inner = nil
        start = node.literal.index(after: span.bracket)
        spans.removeFirst()
      }
      let rest = piece(node, start..<node.literal.endIndex)
      if inner == nil { append(rest, to: &output) } else { inner?.append(rest) }
    }
    return output
  }

  /// The outermost `^[…]` of `nodes`, in order: one pass with a stack of open brackets.
  static func outermostNotes(_ nodes: [MarkdownNode]) -> [Span] {
    var stack: [(node: Int, caret: String.Index?, contentStart: String.Index)] = []
    var openNotes = 0
    var spans: [Span] = []
    for (index, node) in nodes.enumerated() where node.kind == .text {
      let text = node.literal
      var previous: String.Index?
      for position in text.indices {
        defer { previous = position }
        if text[position] == "[" {
          let caret = previous.flatMap { text[$0] == "^" ? $0 : nil }
          if caret != nil { openNotes += 1 }
          stack.append((index, caret, text.index(after: position)))
        } else if text[position] == "]", let top = stack.popLast(), let caret = top.caret {
          openNotes -= 1
          guard openNotes == 0 else { continue }
          spans.append(
            Span(
              openNode: top.node, caret: caret, contentStart: top.contentStart, closeNode: index, bracket: position))
        }
      }
    }
    return spans
  }

  private static func append(_ node: MarkdownNode, to nodes: inout [MarkdownNode]) {
    if !node.literal.isEmpty { nodes.append(node) }
  }

  /// Part of a text node, with the column where the part starts (cmark counts bytes).
  private static func piece(_ node: MarkdownNode, _ range: Range<String.Index>) -> MarkdownNode {
    let offset = node.literal[node.literal.startIndex..<range.lowerBound].utf8.count
    return MarkdownNode(
      kind: .text, literal: String(node.literal[range]), line: node.line, column: node.column + offset)
  }
}
