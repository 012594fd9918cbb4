/// One node of a parsed CommonMark (GFM) document: an immutable value with its source position.
///
/// The tree mirrors cmark-gfm's AST, so every construct the parser knows survives; `kind`
/// says what the node is and which of the optional fields carry meaning.
public struct MarkdownNode: Sendable, Hashable {
  /// What a node is.
  public enum Kind: Sendable, Hashable {
    case document, blockQuote, list(ordered: Bool, start: Int, tight: Bool), item
    case codeBlock(info: String), htmlBlock, customBlock, paragraph, heading(level: Int)
    case thematicBreak, footnoteDefinition(label: String)
    case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong
    case link(url: String, title: String), image(url: String, title: String)
    case footnoteReference(label: String)
    case table(alignments: [String]), tableRow(header: Bool), tableCell, strikethrough
    /// pandoc's inline note `^[text]`, found by `InlineNotes` (cmark reads it as text).
    case inlineNote
    /// A node type this wrapper does not know by name (kept with cmark's type string).
    case other(String)
  }

  public var kind: Kind
  /// The literal text of text, code, code-block and HTML nodes; empty otherwise.
  public var literal: String
  public var children: [MarkdownNode]
  /// 1-based line and column where the node starts in the source; 0 when cmark gave none.
  public var line: Int
  public var column: Int

  public init(kind: Kind, literal: String = "", children: [MarkdownNode] = [], line: Int = 0, column: Int = 0) {
    self.kind = kind
    self.literal = literal
    self.children = children
    self.line = line
    self.column = column
  }

  /// True for nodes that hold blocks rather than inline content.
  public var isBlock: Bool {
    switch kind {
    case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock, .paragraph, .heading,
      .thematicBreak, .footnoteDefinition, .table, .tableRow, .tableCell:
      return true
    default:
      return false
    }
  }

  /// The plain text of the node and its descendants (code included, markup dropped).
  public var plainText: String {
    switch kind {
    case .text, .code, .codeBlock: return literal
    case .softBreak, .lineBreak: return " "
    default: return children.map(\.plainText).joined()
    }
  }
}
