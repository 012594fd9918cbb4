/// Turns flattened output into text: plain text, HTML (citeproc-js markup) or Markdown.
public protocol OutputFormat: Sendable {
  /// Escapes literal text.
  func escape(_ text: String) -> String
  /// The markup that opens a style.
  func open(_ style: InlineStyle) -> String
  /// The markup that closes a style.
  func close(_ style: InlineStyle) -> String
  /// Markup around a block (`display`); `class` as citeproc-js names it.
  func openBlock(_ name: String) -> String
  func closeBlock(_ name: String) -> String
  /// Markup around a link.
  func openLink(_ url: String) -> String
  func closeLink(_ url: String) -> String
}

/// Plain text: no markup.
public struct PlainTextFormat: OutputFormat {
  public init() {}
  public func escape(_ text: String) -> String { text }
  public func open(_ style: InlineStyle) -> String { "" }
  public func close(_ style: InlineStyle) -> String { "" }
  public func openBlock(_ name: String) -> String { "" }
  public func closeBlock(_ name: String) -> String { "" }
  public func openLink(_ url: String) -> String { "" }
  public func closeLink(_ url: String) -> String { "" }
}

/// HTML as citeproc-js writes it (the test suite's expected output).
public struct HTMLFormat: OutputFormat {
  /// Whether to turn URLs into anchors (off for the test suite).
  public var linkURLs: Bool
  public init(linkURLs: Bool = false) { self.linkURLs = linkURLs }

  public func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&#38;"
      case "<": result += "&#60;"
      case ">": result += "&#62;"
      case "\"": result += "&#34;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  public func open(_ style: InlineStyle) -> String {
    switch style {
    case .italic: "<i>"
    case .oblique: "<span style=\"font-style:oblique;\">"
    case .normalStyle: "<span style=\"font-style:normal;\">"
    case .bold: "<b>"
    case .light: "<span style=\"font-weight:light;\">"
    case .normalWeight: "<span style=\"font-weight:normal;\">"
    case .smallCaps: "<span style=\"font-variant:small-caps;\">"
    case .normalVariant: "<span style=\"font-variant:normal;\">"
    case .underline: "<span style=\"text-decoration:underline;\">"
    case .noDecoration: "<span style=\"text-decoration:none;\">"
    case .superscript: "<sup>"
    case .subscript: "<sub>"
    case .baseline: "<span style=\"baseline\">"
    }
  }

  public func close(_ style: InlineStyle) -> String {
    switch style {
    case .italic: "</i>"
    case .bold: "</b>"
    case .superscript: "</sup>"
    case .subscript: "</sub>"
    default: "</span>"
    }
  }

  public func openBlock(_ name: String) -> String { "<div class=\"\(name)\">" }
  public func closeBlock(_ name: String) -> String { "</div>" }
  public func openLink(_ url: String) -> String {
    guard linkURLs, url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("mailto:") else { return "" }
    return "<a href=\"\(escape(url))\">"
  }
  public func closeLink(_ url: String) -> String {
    guard linkURLs, url.hasPrefix("https://") || url.hasPrefix("http://") || url.hasPrefix("mailto:") else { return "" }
    return "</a>"
  }
}

/// Markdown (CommonMark with `<sup>`/`<sub>` HTML for what Markdown lacks).
public struct MarkdownFormat: OutputFormat {
  public init() {}
  public func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      if "*_`[]\\<>#".contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }
  public func open(_ style: InlineStyle) -> String {
    switch style {
    case .italic, .oblique: "*"
    case .bold: "**"
    case .superscript: "<sup>"
    case .subscript: "<sub>"
    default: ""
    }
  }
  public func close(_ style: InlineStyle) -> String {
    switch style {
    case .italic, .oblique: "*"
    case .bold: "**"
    case .superscript: "</sup>"
    case .subscript: "</sub>"
    default: ""
    }
  }
  public func openBlock(_ name: String) -> String { "" }
  public func closeBlock(_ name: String) -> String { "" }
  public func openLink(_ url: String) -> String { "" }
  public func closeLink(_ url: String) -> String { "" }
}
