import BibModel

/// Turns `PandocInlineFormat` output into pandoc inlines as pandoc's citeproc builds them:
/// `Emph`, `Strong`, `SmallCaps`, `Underline`, `Superscript`, `Subscript`, `Span` with `csl-`
/// classes (upright inside italics, display blocks), `Link` for URLs and DOIs.
public enum PandocInlineReader {
  private struct Frame {
    /// Style code, `#block-name` (`#` alone: a quotation's `Span`) or `>url`; empty for the root.
    var kind: String
    var children: [JSONValue] = []
    var text = ""

    mutating func flushText() {
      guard !text.isEmpty else { return }
      children += PandocNode.words(text)
      text = ""
    }
  }

  public static func inlines(_ markup: String) -> [JSONValue] {
    // Markup marks are single scalars: walking scalars avoids grapheme breaking on every step.
    var stack = [Frame(kind: "")]
    var iterator = markup.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      switch scalar {
      case PandocInlineFormat.escapeMark:
        if let next = iterator.next() { stack[stack.count - 1].text.unicodeScalars.append(next) }
      case PandocInlineFormat.openStyle:
        stack[stack.count - 1].flushText()
        stack.append(Frame(kind: iterator.next().map { String(Character($0)) } ?? ""))
      case PandocInlineFormat.openBlock, PandocInlineFormat.openLink:
        stack[stack.count - 1].flushText()
        var name = scalar == PandocInlineFormat.openBlock ? "#" : ">"
        while let next = iterator.next(), next != PandocInlineFormat.endOfName { name.unicodeScalars.append(next) }
        stack.append(Frame(kind: name))
      case PandocInlineFormat.close:
        guard stack.count > 1, var frame = stack.popLast() else { continue }
        frame.flushText()
        stack[stack.count - 1].flushText()
        stack[stack.count - 1].children += wrap(frame.kind, frame.children)
      default:
        stack[stack.count - 1].text.unicodeScalars.append(scalar)
      }
    }
    // Unclosed markup (never written by the engine) keeps its content.
    while stack.count > 1, var frame = stack.popLast() {
      frame.flushText()
      stack[stack.count - 1].flushText()
      stack[stack.count - 1].children += frame.children
    }
    stack[0].flushText()
    return stack[0].children
  }

  /// The node for one piece of markup around `children`.
  static func wrap(_ kind: String, _ children: [JSONValue]) -> [JSONValue] {
    guard !children.isEmpty else { return [] }
    if kind == "#" { return [PandocNode.span(classes: [], children)] }
    if kind.hasPrefix("#") { return [PandocNode.span(classes: [String(kind.dropFirst())], children)] }
    if kind.hasPrefix(">") { return [PandocNode.link(url: String(kind.dropFirst()), children)] }
    switch kind {
    case "i": return [PandocNode.node("Emph", .array(children))]
    case "b": return [PandocNode.node("Strong", .array(children))]
    case "c": return [PandocNode.node("SmallCaps", .array(children))]
    case "u": return [PandocNode.node("Underline", .array(children))]
    case "p": return [PandocNode.node("Superscript", .array(children))]
    case "s": return [PandocNode.node("Subscript", .array(children))]
    case "n": return [PandocNode.span(classes: ["csl-no-emph"], children)]
    case "w": return [PandocNode.span(classes: ["csl-no-strong"], children)]
    case "v": return [PandocNode.span(classes: ["csl-no-smallcaps"], children)]
    default: return children
    }
  }
}
