/// Which URLs may become links.
public enum URLPolicy {
  /// True for http:, https: and mailto: URLs (scheme compared case-insensitively, after trimming).
  public static func isAllowed(_ url: String) -> Bool {
    let trimmed = url.trimmingWhitespace().lowercased()
    guard !trimmed.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } ?? false }) else {
      return false
    }
    return trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") || trimmed.hasPrefix("mailto:")
  }

  /// The element a link is written as: `<a href>` when `url` is allowed, else a span marked
  /// unlinked that keeps the content.
  public static func linkElement(_ url: String) -> (name: String, attributes: [(String, String)]) {
    isAllowed(url) ? ("a", [("href", url)]) : ("span", [("class", "unlinked")])
  }
}
