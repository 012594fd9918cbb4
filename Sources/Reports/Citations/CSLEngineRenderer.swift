import BibModel
import CSLEngine
import CSLStyle

/// `CitationRendering` through Cited's CSL processor: any CSL 1.0.2 style, any locale.
///
/// HTML output comes from the engine's HTML format with links off (the engine escapes text; the
/// report adds its own checked links), so engine output can be embedded as trusted markup.
public struct CSLEngineRenderer: CitationRendering {
  public let processor: Processor
  public let styleName: String
  public var isNoteStyle: Bool { processor.compiled.style.styleClass == .note }
  /// The same style with the citation layout's affixes and formatting removed, for author-only
  /// cites (`@key` in running text): the engine renders their names, the layout's "(" and ")"
  /// stay with the citation that follows.
  private let authorOnlyProcessor: Processor

  /// Compiles `style` with the locale for `locale` (else the style's default, else en-US) from
  /// `locales`, and one locale per item language when the style asks for item locales: the
  /// same resolution `cited render` uses. Returns the locale notices.
  public static func make(
    style: CSL.Style, styleName: String, locale: String?, references: [Reference],
    locales: LocaleStore = LocaleStore(files: EmbeddedLocales.files)
  ) -> (CSLEngineRenderer, [Diagnostic]) {
    let (compiled, diagnostics) = CompiledStyle.resolving(
      style: style, store: locales, language: locale, references: references)
    var bare = style
    bare.citation?.layout.decoration = CSL.Decoration()
    let (bareCompiled, _) = CompiledStyle.resolving(
      style: bare, store: locales, language: locale, references: references)
    let renderer = CSLEngineRenderer(
      processor: Processor(compiled: compiled, references: references), styleName: styleName,
      authorOnlyProcessor: Processor(compiled: bareCompiled, references: references))
    return (renderer, diagnostics)
  }

  /// Parses `styleText` and compiles it as `make(style:…)` does. Returns nil with diagnostics
  /// when the style is unusable (no citation layout, or not CSL).
  public static func make(
    styleText: String, file: String, locale: String?, references: [Reference],
    locales: LocaleStore = LocaleStore(files: EmbeddedLocales.files)
  ) -> (CSLEngineRenderer?, [Diagnostic]) {
    let parsed = StyleParser.parse(styleText, file: file)
    guard let style = parsed.style, style.citation != nil else {
      return (nil, parsed.diagnostics + [StyleChoice.unusable(file)])
    }
    let (renderer, diagnostics) = make(
      style: style, styleName: style.info.title ?? file, locale: locale, references: references, locales: locales)
    return (renderer, parsed.diagnostics + diagnostics)
  }

  init(processor: Processor, styleName: String, authorOnlyProcessor: Processor) {
    self.processor = processor
    self.styleName = styleName
    self.authorOnlyProcessor = authorOnlyProcessor
  }

  public func render(_ citations: [Citation], bibliographyKeys: [String], format: DocumentFormat) -> RenderedCitations {
    render(citations, bibliographyKeys: bibliographyKeys, format: format, links: CitationLinks())
  }

  /// HTML and Markdown link cited items to their entries and URLs as `links` says (the
  /// default: none, the report adds its own checked links); text has no links.
  public func render(
    _ citations: [Citation], bibliographyKeys: [String], format: DocumentFormat, links: CitationLinks
  ) -> RenderedCitations {
    let engineFormat: any CSLEngine.OutputFormat
    switch format {
    case .html where links.items.isEmpty: engineFormat = HTMLFormat(linkURLs: links.urls)
    case .html: engineFormat = AnchoredHTMLFormat(base: HTMLFormat(linkURLs: links.urls), linkedItems: links.items)
    case .markdown where links.items.isEmpty && !links.urls: engineFormat = MarkdownFormat()
    case .markdown: engineFormat = LinkedMarkdownFormat(links: links)
    case .text: engineFormat = PlainTextFormat()
    }
    let output = render(citations, bibliographyKeys: bibliographyKeys, outputFormat: engineFormat)
    let strings = output.citations
    var entries: [DocBlock.BibliographyEntry] = []
    for (index, text) in output.bibliography.enumerated() {
      let key = index < output.bibliographyIDs.count ? output.bibliographyIDs[index] : "entry-\(index)"
      var content: [DocInline] = [.trusted(Self.unwrapEntry(text, format))]
      // The anchor a linked Markdown citation points to (HTML entries get their id from the writer).
      if format == .markdown, links.items.contains(key) {
        content.insert(.trusted("<a id=\"ref-" + Anchor.slug(key) + "\"></a>"), at: 0)
      }
      entries.append(DocBlock.BibliographyEntry(key: key, content: content))
    }
    return RenderedCitations(
      citations: strings, bibliography: entries, diagnostics: output.diagnostics)
  }

  /// Renders `citations` in order and the bibliography of `bibliographyKeys` in any engine
  /// output format: one string per citation, the entries with their keys in bibliography order.
  /// Author-only citations are rendered one by one, apart from the others, so they do not count
  /// for positions (first, subsequent, ibid) of the citations around them.
  public func render(
    _ citations: [Citation], bibliographyKeys: [String], outputFormat engineFormat: any CSLEngine.OutputFormat
  ) -> ProcessedOutput {
    var processed: [Citation] = []
    var slots: [Int?] = []
    var authorOnly: [Int: String] = [:]
    var diagnostics: [Diagnostic] = []
    for (index, citation) in citations.enumerated() {
      if citation.cites.allSatisfy(\.authorOnly) {
        var alone = citation
        alone.noteIndex = 0
        let output = authorOnlyProcessor.process(citations: [alone], bibliographyIDs: [], format: engineFormat)
        authorOnly[index] = output.citations.first ?? ""
        diagnostics += output.diagnostics
        slots.append(nil)
      } else {
        slots.append(processed.count)
        processed.append(citation)
      }
    }
    let repeated = RepeatedCitations(processed, merging: RepeatedCitations.rendersAlike(processor.compiled.style))
    var output = processor.process(
      citations: repeated.distinct, bibliographyIDs: bibliographyKeys, format: engineFormat)
    let rendered = repeated.expand(output.citations)
    output.citations = slots.enumerated().map { index, slot -> String in
      if let slot { return slot < rendered.count ? rendered[slot] : "" }
      return authorOnly[index] ?? ""
    }
    output.diagnostics = diagnostics + output.diagnostics
    return output
  }

  /// The engine wraps HTML entries in `<div class="csl-entry">`; the report adds its own wrapper.
  private static func unwrapEntry(_ text: String, _ format: DocumentFormat) -> String {
    var entry = text.trimmingWhitespace()
    guard format == .html else { return entry }
    let open = "<div class=\"csl-entry\">"
    if entry.hasPrefix(open) && entry.hasSuffix("</div>") {
      entry = String(entry.dropFirst(open.count).dropLast("</div>".count))
    }
    return entry
  }
}
