import BibModel

/// A bibliography item's `URL` must be an absolute http(s) URL without spaces.
struct MalformedURLRule: CheckRule {
  public static let info = RuleInfo(
    id: "malformed-url", severity: .warning,
    summary: "A bibliography item's `URL` is not an absolute http or https URL (or contains spaces).",
    fix: "Write the full URL, starting with https:// (percent-encode spaces).")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    context.bibliography.keys.compactMap { key in
      guard let url = context.bibliography[key]?["URL"], !Self.isWellFormed(url) else { return nil }
      return info.finding("item '\(key)' has a malformed URL '\(url)'", at: context.bibliography.locations[key])
    }
  }

  static func isWellFormed(_ url: String) -> Bool {
    let lower = url.lowercased()
    let rest: Substring
    if lower.hasPrefix("https://") {
      rest = url.dropFirst(8)
    } else if lower.hasPrefix("http://") {
      rest = url.dropFirst(7)
    } else {
      return false
    }
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    guard !host.isEmpty, host.contains("."), !host.hasPrefix("."), !host.hasSuffix(".") else { return false }
    return !url.contains { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\"" || $0 == "<" || $0 == ">" }
  }
}
