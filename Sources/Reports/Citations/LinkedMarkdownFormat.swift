import CSLEngine

/// Markdown with pandoc's `link-citations` and `link-bibliography`: a linked item's cite is
/// written `[Smith 2004](#ref-smith2004)`, and, when `links.urls` is on, the bibliography's
/// http, https and mailto addresses `[…](<url>)`. The entries carry the matching anchors
/// (`CSLEngineRenderer.markdownEntry`). Anything else is plain `MarkdownFormat`.
struct LinkedMarkdownFormat: OutputFormat {
  var base = MarkdownFormat()
  var links: CitationLinks

  func escape(_ text: String) -> String { base.escape(text) }
  func appendEscaped(_ text: String, to bytes: inout [UInt8]) { base.appendEscaped(text, to: &bytes) }
  func open(_ style: InlineStyle) -> String { base.open(style) }
  func close(_ style: InlineStyle) -> String { base.close(style) }
  func openBlock(_ name: String) -> String { base.openBlock(name) }
  func closeBlock(_ name: String) -> String { base.closeBlock(name) }
  func citeLink(_ id: String) -> String? { links.items.contains(id) ? "#ref-" + Anchor.slug(id) : nil }

  func openLink(_ url: String) -> String { isLinked(url) ? "[" : "" }

  func closeLink(_ url: String) -> String {
    guard isLinked(url) else { return "" }
    // The angle-bracket form takes any character but a line break, < and > (URLPolicy has
    // already refused white space; "#ref-" anchors are slugs).
    return "](<" + url.replacing("<", with: "%3C").replacing(">", with: "%3E") + ">)"
  }

  private func isLinked(_ url: String) -> Bool {
    url.hasPrefix("#ref-") || (links.urls && URLPolicy.isAllowed(url))
  }
}
