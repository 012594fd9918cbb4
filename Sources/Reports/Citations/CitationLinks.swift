/// The links of HTML output (pandoc's `link-citations` and `link-bibliography`): the items whose
/// citations link to their bibliography entry (`#ref-KEY`), and whether the bibliography's URLs
/// and DOIs are links. The default links nothing.
public struct CitationLinks: Sendable, Hashable {
  public var items: Set<String>
  public var urls: Bool

  public init(items: Set<String> = [], urls: Bool = false) {
    self.items = items
    self.urls = urls
  }
}
