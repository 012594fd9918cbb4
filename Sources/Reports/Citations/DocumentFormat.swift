/// The output format of rendered documents and of citation strings.
public enum DocumentFormat: String, Sendable, Hashable, CaseIterable {
  case html, markdown, text

  /// The format a file extension asks for (`html`, `htm`, `md`, `markdown`, `txt`, `text`).
  public init?(fileExtension: String) {
    switch fileExtension.lowercased() {
    case "html", "htm", "xhtml": self = .html
    case "md", "markdown": self = .markdown
    case "txt", "text": self = .text
    default: return nil
    }
  }

  /// The format a `--to`/`--format` value names (`html`, `md`, `markdown`, `txt`, `text`).
  public init?(name: String) { self.init(fileExtension: name) }
}
