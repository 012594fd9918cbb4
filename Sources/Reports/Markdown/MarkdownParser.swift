import CCmarkGFM

/// Parses CommonMark with the GitHub extensions (tables, strikethrough, autolinks) through the
/// system cmark-gfm, footnotes (`[^1]`) included, and hands out a `MarkdownNode` value tree with source positions.
///
/// Raw HTML is kept as `htmlBlock` / `htmlInline` nodes; renderers decide what to do with it
/// (Cited's renderers escape it).
public enum MarkdownParser {
  /// Parses `text` (any UTF-8 string; invalid sequences were already replaced by Swift). Tables
  /// over `TableBudget.maximumCells` are read as text (`TableBudget.limit` reports them).
  public static func parse(_ text: String) -> MarkdownNode {
    let text = TableBudget.limit(text).text
    cmark_gfm_core_extensions_ensure_registered()
    let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES
    guard let parser = cmark_parser_new(options) else { return MarkdownNode(kind: .document) }
    defer { cmark_parser_free(parser) }
    for name in ["table", "strikethrough", "autolink"] {
      if let extensionPointer = cmark_find_syntax_extension(name) {
        _ = cmark_parser_attach_syntax_extension(parser, extensionPointer)
      }
    }
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cchars in
          cmark_parser_feed(parser, cchars, buffer.count)
        }
      }
    }
    guard let root = cmark_parser_finish(parser) else { return MarkdownNode(kind: .document) }
    defer { cmark_node_free(root) }
    return numberingFootnotes(convert(root))
  }

  /// cmark replaces a footnote reference's label by the note's number and moves the definitions,
  /// in that order, to the end of the document, without their labels: the n-th definition gets
  /// label "n", the label of the references to it.
  private static func numberingFootnotes(_ document: MarkdownNode) -> MarkdownNode {
    var result = document
    var number = 0
    for index in result.children.indices {
      guard case .footnoteDefinition = result.children[index].kind else { continue }
      number += 1
      result.children[index].kind = .footnoteDefinition(label: String(number))
    }
    return result
  }

  private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
  }

  /// Nodes nested deeper than this become one text node (so hostile nesting cannot exhaust the stack).
  public static let maximumDepth = 128

  /// The text of a subtree, collected without recursion.
  private static func flattenedText(_ node: OpaquePointer) -> String {
    guard let iterator = cmark_iter_new(node) else { return "" }
    defer { cmark_iter_free(iterator) }
    var text = ""
    while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
      guard let current = cmark_iter_get_node(iterator), cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else {
        continue
      }
      switch cmark_node_get_type(current) {
      case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
        text += string(cmark_node_get_literal(current))
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        text += " "
      default:
        break
      }
    }
    return text
  }

  private static func convert(_ node: OpaquePointer, depth: Int = 0) -> MarkdownNode {
    if depth >= maximumDepth {
      return MarkdownNode(
        kind: .text, literal: flattenedText(node), line: Int(cmark_node_get_start_line(node)),
        column: Int(cmark_node_get_start_column(node)))
    }
    var children: [MarkdownNode] = []
    var child = cmark_node_first_child(node)
    while let current = child {
      children.append(convert(current, depth: depth + 1))
      child = cmark_node_next(current)
    }
    let kind = self.kind(of: node)
    var literal = ""
    switch kind {
    case .text, .code, .codeBlock, .htmlBlock, .htmlInline:
      literal = string(cmark_node_get_literal(node))
    default:
      break
    }
    return MarkdownNode(
      kind: kind, literal: literal, children: children,
      line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
  }

  private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
    let type = cmark_node_get_type(node)
    switch type {
    case CMARK_NODE_DOCUMENT: return .document
    case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
    case CMARK_NODE_LIST:
      return .list(
        ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
        start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0)
    case CMARK_NODE_ITEM: return .item
    case CMARK_NODE_CODE_BLOCK: return .codeBlock(info: string(cmark_node_get_fence_info(node)))
    case CMARK_NODE_HTML_BLOCK: return .htmlBlock
    case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
    case CMARK_NODE_PARAGRAPH: return .paragraph
    case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
    case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
    case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition(label: string(cmark_node_get_literal(node)))
    case CMARK_NODE_TEXT: return .text
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE: return .code
    case CMARK_NODE_HTML_INLINE: return .htmlInline
    case CMARK_NODE_CUSTOM_INLINE: return .customInline
    case CMARK_NODE_EMPH: return .emphasis
    case CMARK_NODE_STRONG: return .strong
    case CMARK_NODE_LINK:
      return .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
    case CMARK_NODE_IMAGE:
      return .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
    case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference(label: string(cmark_node_get_literal(node)))
    default:
      break
    }
    let name = string(cmark_node_get_type_string(node))
    switch name {
    case "table": return .table(alignments: [])
    case "table_header": return .tableRow(header: true)
    case "table_row": return .tableRow(header: false)
    case "table_cell": return .tableCell
    case "strikethrough": return .strikethrough
    default: return .other(name)
    }
  }
}
