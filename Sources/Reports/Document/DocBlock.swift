/// A block of a rendered document, independent of the output format.
public indirect enum DocBlock: Sendable, Hashable {
  case heading(level: Int, id: String?, content: [DocInline])
  case paragraph([DocInline])
  case list(ordered: Bool, items: [[DocBlock]])
  case blockQuote([DocBlock])
  case code(info: String, text: String)
  case rule
  case table(Table)
  /// A figure: an SVG drawing (vector in HTML, described in Markdown and text) with a caption.
  case figure(id: String, caption: String, svg: HTMLNode, description: [String])
  /// Footnotes of a note style, numbered.
  case notes([Note])
  /// Bibliography entries in the engine's output format, each with an anchor id.
  case bibliography(id: String, entries: [BibliographyEntry])
  /// A group of blocks with an id and class (a section of the report).
  case section(id: String?, className: String?, content: [DocBlock])

  /// A table: header cells and rows of cells.
  public struct Table: Sendable, Hashable {
    public var id: String?
    public var header: [[DocInline]]
    public var rows: [[[DocInline]]]
    public init(id: String? = nil, header: [[DocInline]], rows: [[[DocInline]]]) {
      self.id = id
      self.header = header
      self.rows = rows
    }
  }

  /// One footnote.
  public struct Note: Sendable, Hashable {
    public var number: Int
    public var content: [DocInline]
    public init(number: Int, content: [DocInline]) {
      self.number = number
      self.content = content
    }
  }

  /// One bibliography entry and the key it renders.
  public struct BibliographyEntry: Sendable, Hashable {
    public var key: String
    public var content: [DocInline]
    public init(key: String, content: [DocInline]) {
      self.key = key
      self.content = content
    }
  }
}
