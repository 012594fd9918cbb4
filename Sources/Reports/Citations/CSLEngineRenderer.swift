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
  private let references: [String: Reference]

  /// Parses `styleText` and resolves the locale (`locale`, else the style's default, else en-US)
  /// from `locales` (embedded locales by default). Returns nil with diagnostics when the style is unusable.
  public static func make(
    styleText: String, file: String, locale: String?, references: [Reference],
    locales: LocaleStore = LocaleStore(files: EmbeddedLocales.files)
  ) -> (CSLEngineRenderer?, [Diagnostic]) {
    let parsed = StyleParser.parse(styleText, file: file)
    var diagnostics = parsed.diagnostics
    guard let style = parsed.style, style.citation != nil else {
      diagnostics.append(
        Diagnostic(.error, code: "style-unusable", message: "\(file): no usable CSL style (dependent or invalid)"))
      return (nil, diagnostics)
    }
    let (resolved, localeDiagnostics) = locales.resolve(style: style, language: locale)
    diagnostics += localeDiagnostics
    let renderer = CSLEngineRenderer(
      processor: Processor(style: style, locale: resolved, references: references), styleName: style.info.title ?? file,
      references: references)
    return (renderer, diagnostics)
  }

  init(processor: Processor, styleName: String, references: [Reference]) {
    self.processor = processor
    self.styleName = styleName
    var byKey: [String: Reference] = [:]
    for reference in references where byKey[reference.id] == nil { byKey[reference.id] = reference }
    self.references = byKey
  }

  public func render(_ citations: [Citation], bibliographyKeys: [String], format: OutputFormat) -> RenderedCitations {
    let engineFormat: any CSLEngine.OutputFormat
    switch format {
    case .html: engineFormat = HTMLFormat(linkURLs: false)
    case .markdown: engineFormat = MarkdownFormat()
    case .text: engineFormat = PlainTextFormat()
    }
    // Author-only cites (`@key` in running text) are rendered here, outside the processor, so
    // they neither take the citation layout's affixes nor count for positions.
    var processed: [Citation] = []
    var slots: [Int?] = []
    var authorOnly: [Int: String] = [:]
    for (index, citation) in citations.enumerated() {
      if citation.cites.allSatisfy(\.authorOnly) {
        let names = citation.cites.compactMap { references[$0.id].map(ReferenceText.shortAuthor) }.joined(
          separator: ", ")
        authorOnly[index] = Self.escape(names, format)
        slots.append(nil)
      } else {
        slots.append(processed.count)
        processed.append(citation)
      }
    }
    let output = processor.process(citations: processed, bibliographyIDs: bibliographyKeys, format: engineFormat)
    let strings = slots.enumerated().map { index, slot -> String in
      if let slot { return slot < output.citations.count ? output.citations[slot] : "" }
      return authorOnly[index] ?? ""
    }
    var entries: [DocBlock.BibliographyEntry] = []
    for (index, text) in output.bibliography.enumerated() {
      let key = index < output.bibliographyIDs.count ? output.bibliographyIDs[index] : "entry-\(index)"
      entries.append(DocBlock.BibliographyEntry(key: key, content: [.trusted(Self.unwrapEntry(text, format))]))
    }
    return RenderedCitations(citations: strings, bibliography: entries, diagnostics: output.diagnostics)
  }

  private static func escape(_ text: String, _ format: OutputFormat) -> String {
    switch format {
    case .html: return HTMLEscape.text(text)
    case .markdown: return MarkdownWriter.escape(text)
    case .text: return text
    }
  }

  /// The engine wraps HTML entries in `<div class="csl-entry">`; the report adds its own wrapper.
  private static func unwrapEntry(_ text: String, _ format: OutputFormat) -> String {
    var entry = text.trimmingWhitespace
    guard format == .html else { return entry }
    let open = "<div class=\"csl-entry\">"
    if entry.hasPrefix(open) && entry.hasSuffix("</div>") {
      entry = String(entry.dropFirst(open.count).dropLast("</div>".count))
    }
    return entry
  }
}
