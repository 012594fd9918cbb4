import BibModel

/// Renders a Markdown document with Pandoc-style citations into a `Doc`, through any `CitationRendering`.
///
/// In-text styles put citations inline; note styles turn each citation into a footnote, numbered
/// in document order together with the document's own footnotes (the processor decides first /
/// subsequent / ibid from that order); a citation inside a footnote is rendered in place, in
/// parentheses, as pandoc does. The bibliography (the cited entries and the front matter's
/// `nocite`) goes where the document marks it (`::: {#refs}`, or right after a heading called
/// References or Bibliography), else at the end, under `reference-section-title` when given;
/// `suppress-bibliography` leaves it out. Unknown keys stay visible as `(@key?)` and are
/// reported with line and column.
public struct DocumentRenderer: Sendable {
  public var renderer: any CitationRendering
  /// The keys the renderer knows.
  public var knownKeys: Set<String>
  /// Every key in the bibliography's order (`nocite: '@*'`); empty: `knownKeys` sorted.
  public var referenceKeys: [String]

  public init(renderer: any CitationRendering, knownKeys: Set<String>, referenceKeys: [String] = []) {
    self.renderer = renderer
    self.knownKeys = knownKeys
    self.referenceKeys = referenceKeys.isEmpty ? knownKeys.sorted() : referenceKeys
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
    var converter = DocumentConverter(sourceLines: sourceLines, rendered: nil)
    converter.isNoteStyle = renderer.isNoteStyle
    converter.knownKeys = knownKeys
    converter.definitions = DocumentConverter.definitions(in: tree.children)

    // Pass 1: find the citations in document order.
    var collector = converter
    _ = collector.blocks(tree.children)
    let clusters = collector.found
    let plan = CitationPlan(
      clusters: clusters, knownKeys: knownKeys, isNoteStyle: renderer.isNoteStyle, places: collector.places)
    var diagnostics = matterDiagnostics + oversized.map { Self.tableDiagnostic($0, file: file) }
    diagnostics += unknownKeyFindings(clusters, plan.slots, file: file)
    let (keys, unknownNocite) = CitationPlan.bibliographyKeys(
      cited: plan.citedKeys, nocite: matter.nocite, referenceKeys: referenceKeys)
    diagnostics += unknownNocite.map {
      Diagnostic(
        .warning, code: "unknown-citation-key", message: "nocite: no reference with key '\($0)'",
        location: SourceLocation(file: file, line: 2, column: 1), hint: "add it to the bibliography or fix the key")
    }
    let output = renderer.render(
      plan.citations, bibliographyKeys: keys, format: format, links: links(matter, keys: keys))
    diagnostics += output.diagnostics
    let (inlineCitations, citationNotes) = citationInlines(plan.slots, output.citations)

    // Pass 2: convert with the rendered citations.
    converter = DocumentConverter(sourceLines: sourceLines, rendered: inlineCitations)
    converter.isNoteStyle = collector.isNoteStyle
    converter.knownKeys = knownKeys
    converter.definitions = collector.definitions
    var blocks = converter.blocks(tree.children)
    if !matter.suppressBibliography {
      Self.place(output.bibliography, in: &blocks, title: matter.referenceSectionTitle, marked: converter.sawRefsMarker)
    }
    blocks.removeAll { $0 == DocumentConverter.refsMarker }
    let notes = (citationNotes + converter.notes).sorted { $0.number < $1.number }
    if !notes.isEmpty { blocks.append(.notes(notes)) }
    var subtitle = matter.authors.isEmpty ? [] : [matter.authors.joined(separator: ", ")]
    if let date = matter.date { subtitle.append(date) }
    let doc = Doc(title: matter.title, subtitle: subtitle, language: matter.lang ?? "en", blocks: blocks)
    return Result(doc: doc, frontMatter: matter, citations: clusters, diagnostics: diagnostics)
  }

  /// One warning per unknown key of each cluster, at the cluster's line and column.
  private func unknownKeyFindings(
    _ clusters: [CitationCluster], _ slots: [CitationPlan.Slot], file: String
  ) -> [Diagnostic] {
    zip(clusters, slots).flatMap { cluster, slot in
      slot.unknown.map { key in
        Diagnostic(
          .warning, code: "unknown-citation-key", message: "no reference with key '\(key)'",
          location: SourceLocation(file: file, line: cluster.line, column: cluster.column),
          hint: "add it to the bibliography or fix the key")
      }
    }
  }

  /// `link-citations` links the items of the bibliography, as pandoc does: author-date and
  /// numeric styles (not note styles), and only when the bibliography is printed.
  private func links(_ matter: FrontMatter, keys: [String]) -> CitationLinks {
    let linked = matter.linkCitations && !renderer.isNoteStyle && !matter.suppressBibliography
    return CitationLinks(items: linked ? Set(keys) : [], urls: matter.linkBibliography)
  }

  /// The inline content of each cluster, and the notes of a note style's citations.
  private func citationInlines(
    _ slots: [CitationPlan.Slot], _ citations: [String]
  ) -> ([[DocInline]], [DocBlock.Note]) {
    var inlineCitations: [[DocInline]] = []
    var notes: [DocBlock.Note] = []
    for slot in slots {
      var inline: [DocInline] = []
      if let index = slot.authorIndex, index < citations.count {
        inline.append(.trusted(citations[index]))
        if !renderer.isNoteStyle { inline.append(.text(" ")) }
      }
      if let index = slot.mainIndex, index < citations.count {
        if let note = slot.note {
          inline.append(.noteReference(note))
          notes.append(DocBlock.Note(number: note, content: [.trusted(citations[index])]))
        } else {
          if slot.inFootnote && !inline.isEmpty { inline.append(.text(" ")) }
          inline.append(.trusted(slot.inFootnote ? Self.parenthesized(citations[index]) : citations[index]))
        }
      }
      for key in slot.unknown {
        if !inline.isEmpty { inline.append(.text(" ")) }
        inline.append(.span(className: "unknown-citation", content: [.text("(@" + key + "?)")]))
      }
      inlineCitations.append(inline)
    }
    return (inlineCitations, notes)
  }

  /// A note style's citation inside a footnote, as pandoc writes it: in parentheses, without
  /// the period that ends the note form (also before a closing quotation mark).
  static func parenthesized(_ citation: String) -> String {
    var body = citation.trimmingWhitespace()
    if body.hasSuffix(".") {
      body.removeLast()
    } else if body.hasSuffix(".\u{201D}") {
      body.removeLast(2)
      body += "\u{201D}"
    }
    return body.isEmpty ? citation : "(" + body + ")"
  }

  /// Puts the bibliography where the document marks it (`::: {#refs}`); else, under `title`
  /// at the end; else after the last References heading; else under a new References heading.
  private static func place(
    _ entries: [DocBlock.BibliographyEntry], in blocks: inout [DocBlock], title: String?, marked: Bool
  ) {
    guard !entries.isEmpty || marked else { return }
    let bibliography = DocBlock.bibliography(id: "refs", entries: entries)
    if let index = blocks.firstIndex(of: DocumentConverter.refsMarker) {
      blocks[index] = bibliography
    } else if let title {
      blocks.append(.heading(level: 1, id: "bibliography", content: [.text(title)]))
      blocks.append(bibliography)
    } else if let index = blocks.lastIndex(where: Self.isReferencesHeading) {
      blocks.insert(bibliography, at: index + 1)
    } else {
      blocks.append(.heading(level: 2, id: "references", content: [.text("References")]))
      blocks.append(bibliography)
    }
  }

  private static func isReferencesHeading(_ block: DocBlock) -> Bool {
    guard case .heading(_, _, let content) = block else { return false }
    let text = content.map(\.plainText).joined().trimmingWhitespace().lowercased()
    return ["references", "bibliography", "works cited", "sources", "literature"].contains(text)
  }
}
