import BibModel

/// Renders a Markdown document with Pandoc-style citations into a `Doc`, through any `CitationRendering`.
///
/// In-text styles put citations inline; note styles turn each citation into a footnote, numbered
/// in document order (the processor decides first / subsequent / ibid from that order). The
/// bibliography goes where the document marks it (`::: {#refs}`, or right after a heading called
/// References or Bibliography), else at the end. Unknown keys stay visible as `(@key?)` and are
/// reported with line and column.
public struct DocumentRenderer: Sendable {
  public var renderer: any CitationRendering
  /// The keys the renderer knows.
  public var knownKeys: Set<String>

  public init(renderer: any CitationRendering, knownKeys: Set<String>) {
    self.renderer = renderer
    self.knownKeys = knownKeys
  }

  /// The result: the document and the findings (unknown keys, front matter problems).
  public struct Result: Sendable {
    public var doc: Doc
    public var frontMatter: FrontMatter
    public var citations: [CitationCluster]
    public var diagnostics: [Diagnostic]
  }

  /// A table read as text because it is over the cell budget.
  static func tableDiagnostic(_ table: TableBudget.Oversized, file: String) -> Diagnostic {
    Diagnostic(
      .warning, code: "markdown-table-limit",
      message:
        "a table of \(table.columns) columns and \(table.rows) rows is over the limit of "
        + "\(TableBudget.maximumCells) cells; it is read as text",
      location: SourceLocation(file: file, line: table.line, column: 1),
      hint: "split the table or shorten its header row")
  }

  /// Splits front matter off `text`, parses the body and renders it in `format`.
  public func render(_ text: String, file: String, format: DocumentFormat) -> Result {
    let (matter, body, matterDiagnostics) = FrontMatter.split(text, file: file)
    let (budgeted, oversized) = TableBudget.limit(body)
    let tree = MarkdownParser.parse(budgeted)
    // Lines as cmark counts them: LF, CRLF (one Character) and a lone CR all end a line.
    let sourceLines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
      .map { Array($0) }

    // Pass 1: find the citations in document order.
    var collector = DocumentConverter(sourceLines: sourceLines, rendered: nil)
    _ = collector.blocks(tree.children)
    let clusters = collector.found

    // Render them: known keys go to the processor, unknown keys stay visible.
    var diagnostics = matterDiagnostics + oversized.map { Self.tableDiagnostic($0, file: file) }
    let plan = CitationPlan(clusters: clusters, knownKeys: knownKeys, isNoteStyle: renderer.isNoteStyle)
    for (cluster, slot) in zip(clusters, plan.slots) {
      for key in slot.unknown {
        diagnostics.append(
          Diagnostic(
            .warning, code: "unknown-citation-key", message: "no reference with key '\(key)'",
            location: SourceLocation(file: file, line: cluster.line, column: cluster.column),
            hint: "add it to the bibliography or fix the key"))
      }
    }
    let slots = plan.slots
    let output = renderer.render(plan.citations, bibliographyKeys: plan.citedKeys, format: format)
    diagnostics += output.diagnostics

    var inlineCitations: [[DocInline]] = []
    var notes: [DocBlock.Note] = []
    for slot in slots {
      var inline: [DocInline] = []
      if let index = slot.authorIndex, index < output.citations.count {
        inline.append(.trusted(output.citations[index]))
        if !renderer.isNoteStyle { inline.append(.text(" ")) }
      }
      if let index = slot.mainIndex, index < output.citations.count {
        if let note = slot.note {
          inline.append(.noteReference(note))
          notes.append(DocBlock.Note(number: note, content: [.trusted(output.citations[index])]))
        } else {
          inline.append(.trusted(output.citations[index]))
        }
      }
      for key in slot.unknown {
        if !inline.isEmpty { inline.append(.text(" ")) }
        inline.append(.span(className: "unknown-citation", content: [.text("(@" + key + "?)")]))
      }
      inlineCitations.append(inline)
    }

    // Pass 2: convert with the rendered citations.
    var converter = DocumentConverter(sourceLines: sourceLines, rendered: inlineCitations)
    var blocks = converter.blocks(tree.children)
    let bibliography = DocBlock.bibliography(id: "refs", entries: output.bibliography)
    if !output.bibliography.isEmpty || converter.sawRefsMarker {
      if let index = blocks.firstIndex(of: DocumentConverter.refsMarker) {
        blocks[index] = bibliography
      } else if let index = blocks.lastIndex(where: Self.isReferencesHeading) {
        blocks.insert(bibliography, at: index + 1)
      } else {
        blocks.append(.heading(level: 2, id: "references", content: [.text("References")]))
        blocks.append(bibliography)
      }
    }
    blocks.removeAll { $0 == DocumentConverter.refsMarker }
    if !notes.isEmpty { blocks.append(.notes(notes)) }
    var subtitle = matter.authors.isEmpty ? [] : [matter.authors.joined(separator: ", ")]
    if let date = matter.date { subtitle.append(date) }
    let doc = Doc(title: matter.title, subtitle: subtitle, language: matter.lang ?? "en", blocks: blocks)
    return Result(doc: doc, frontMatter: matter, citations: clusters, diagnostics: diagnostics)
  }

  private static func isReferencesHeading(_ block: DocBlock) -> Bool {
    guard case .heading(_, _, let content) = block else { return false }
    let text = content.map(\.plainText).joined().trimmingWhitespace().lowercased()
    return ["references", "bibliography", "works cited", "sources", "literature"].contains(text)
  }
}
