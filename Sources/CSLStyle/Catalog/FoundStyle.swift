/// A style file the catalog found: where, under which name, and its text.
public struct FoundStyle: Sendable, Hashable {
  /// The style's name: its file name without `.csl` (`lsg-blog`).
  public var name: String
  /// The file it was read from; nil for a style embedded in the binary.
  public var path: String?
  /// Which part of the search path it came from (`path`, `Styles`, `bundled`, `--styles`,
  /// `CITED_STYLES`, `Zotero`).
  public var origin: String
  /// The style's XML text.
  public var text: String

  public init(name: String, path: String?, origin: String, text: String) {
    self.name = name
    self.path = path
    self.origin = origin
    self.text = text
  }

  /// The path, or `(bundled)` for an embedded style: what diagnostics and listings show.
  public var displayPath: String { path ?? "(bundled) \(name).csl" }
}
