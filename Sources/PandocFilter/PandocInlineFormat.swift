import CSLEngine

/// The engine's output as a compact markup that `PandocInlineReader` turns into pandoc inlines.
///
/// Markup uses private-use characters, which the text escapes by a leading `escapeMark`, so no
/// text can be mistaken for markup: `openStyle` + style code, `openBlock`/`openLink` + name or
/// URL + `endOfName`, and one closing mark each.
public struct PandocInlineFormat: OutputFormat {
  static let openStyle: Unicode.Scalar = "\u{E000}"
  static let close: Unicode.Scalar = "\u{E001}"
  static let openBlock: Unicode.Scalar = "\u{E002}"
  static let openLink: Unicode.Scalar = "\u{E003}"
  static let endOfName: Unicode.Scalar = "\u{E004}"
  static let escapeMark: Unicode.Scalar = "\u{E005}"

  /// Whether URLs and DOIs become links (`link-bibliography`).
  public var linkURLs: Bool
  /// Items whose citations link to their entry, `#ref-KEY` (`link-citations`).
  public var linkedItems: Set<String>

  public init(linkURLs: Bool = true, linkedItems: Set<String> = []) {
    self.linkURLs = linkURLs
    self.linkedItems = linkedItems
  }

  public func citeLink(_ id: String) -> String? { linkedItems.contains(id) ? "#ref-" + id : nil }

  /// Quoted text in a `Span` without attributes, the marks inside, as pandoc's citeproc writes it.
  public func quote(_ text: String, opening: Bool) -> String {
    opening ? openBlock("") + escape(text) : escape(text) + String(Self.close)
  }

  public func escape(_ text: String) -> String {
    // U+E000…U+EFFF all start with the UTF-8 byte 0xEE: text without it needs no escaping.
    guard text.utf8.contains(0xEE) else { return text }
    var output = ""
    for scalar in text.unicodeScalars {
      if ("\u{E000}"..."\u{E005}").contains(scalar) { output.unicodeScalars.append(Self.escapeMark) }
      output.unicodeScalars.append(scalar)
    }
    return output
  }

  public func open(_ style: InlineStyle) -> String { String(Self.openStyle) + Self.code(style) }
  public func close(_ style: InlineStyle) -> String { String(Self.close) }
  public func openBlock(_ name: String) -> String { String(Self.openBlock) + name + String(Self.endOfName) }
  public func closeBlock(_ name: String) -> String { String(Self.close) }
  public func openLink(_ url: String) -> String {
    guard linkURLs else { return "" }
    return String(Self.openLink) + url + String(Self.endOfName)
  }
  public func closeLink(_ url: String) -> String { linkURLs ? String(Self.close) : "" }

  /// One letter per style; `PandocInlineReader.wrap` maps it to pandoc's node.
  static func code(_ style: InlineStyle) -> String {
    switch style {
    case .italic, .oblique: "i"
    case .normalStyle: "n"
    case .bold: "b"
    case .light: "l"
    case .normalWeight: "w"
    case .smallCaps: "c"
    case .normalVariant: "v"
    case .underline: "u"
    case .noDecoration: "d"
    case .superscript: "p"
    case .subscript: "s"
    case .baseline: "a"
    }
  }
}
