import CSLEngine

/// The engine's HTML with citations linked to their bibliography entries: `citeLink` gives
/// `#ref-KEY` (the id `HTMLWriter` gives the entry) for the linked items, and only such
/// in-document anchors are let through besides the http, https and mailto links of `base`.
struct AnchoredHTMLFormat: OutputFormat {
  var base: HTMLFormat
  var linkedItems: Set<String>

  var repeatsNestedStyles: Bool { base.repeatsNestedStyles }
  func escape(_ text: String) -> String { base.escape(text) }
  func appendEscaped(_ text: String, to bytes: inout [UInt8]) { base.appendEscaped(text, to: &bytes) }
  func open(_ style: InlineStyle) -> String { base.open(style) }
  func close(_ style: InlineStyle) -> String { base.close(style) }
  func openBlock(_ name: String) -> String { base.openBlock(name) }
  func closeBlock(_ name: String) -> String { base.closeBlock(name) }
  func citeLink(_ id: String) -> String? { linkedItems.contains(id) ? "#ref-" + Anchor.slug(id) : nil }

  func openLink(_ url: String) -> String {
    url.hasPrefix("#ref-") ? "<a href=\"" + base.escape(url) + "\">" : base.openLink(url)
  }
  func closeLink(_ url: String) -> String { url.hasPrefix("#ref-") ? "</a>" : base.closeLink(url) }
}
