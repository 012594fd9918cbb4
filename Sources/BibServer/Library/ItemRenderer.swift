import BibModel
import CSLEngine
import CSLStyle
import Reports

/// Renders one item by the route `cited render` uses (`StyleChoice` → `StyleCatalog` →
/// `CSLEngineRenderer`, locales as `render` resolves them).
public struct ItemRenderer: Sendable {
  public var catalog: StyleCatalog
  public var locales: LocaleStore

  public init(catalog: StyleCatalog, locales: LocaleStore) {
    self.catalog = catalog
    self.locales = locales
  }

  /// The item's bibliography entry (or, for `part` "citation", its citation) in `format`
  /// (html, text or markdown). HTML comes from the engine's escaping writer with links off.
  func render(
    _ reference: Reference, style: String?, locale: String?, format: String, part: String
  ) throws(APIError) -> String {
    let output: any CSLEngine.OutputFormat
    switch DocumentFormat(name: format) {
    case .html: output = HTMLFormat(linkURLs: false)
    case .markdown: output = MarkdownFormat()
    case .text: output = PlainTextFormat()
    case nil: throw APIError(.badRequest, "unknown format '\(format)'; use html, text or markdown")
    }
    guard part == "bibliography" || part == "citation" else {
      throw APIError(.badRequest, "unknown part '\(part)'; use bibliography or citation")
    }
    let renderer: CSLEngineRenderer
    do {
      (renderer, _) = try StyleChoice.renderer(
        for: style, locale: locale, references: [reference], catalog: catalog, locales: locales)
    } catch {
      throw APIError(.badRequest, error.description, diagnostics: error.diagnostics)
    }
    let processed = renderer.render(
      [Citation(cites: [Cite(id: reference.id)])], bibliographyKeys: [reference.id], outputFormat: output)
    let text = part == "citation" ? processed.citations : processed.bibliography
    return text.joined(separator: "\n")
  }
}
