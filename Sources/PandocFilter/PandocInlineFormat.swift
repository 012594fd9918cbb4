import CSLEngine

/// The engine's output as a compact markup that `PandocInlineReader` turns into pandoc inlines.
///
/// Markup uses private-use characters, which the text escapes by a leading `escapeMark`, so no
/// text can be mistaken for markup: `openStyle` + style code, `openBlock`/`openLink` + name or
/// URL + `endOfName`, and one closing mark each.
public struct PandocInlineFormat: OutputFormat {
  static let openStyle: Character = "\u{E000}"
  static let close: Character = "\u{E001}"
  static let openBlock: Character = "\u{E002}"
  static let openLink: Character = "\u{E003}"
  static let endOfName: Character = "\u{E004}"
  static let escapeMark: Character = "\u{E005}"

  /// Whether URLs and DOIs become links (`link-bibliography`).
  public var linkURLs: Bool

  public init(linkURLs: Bool = true) { self.linkURLs = linkURLs }

  public func escape(_ text: String) -> String {
    // U+E000…U+EFFF all start with the UTF-8 byte 0xEE: text without it needs no escaping.
    guard text.utf8.contains(0xEE) else { return text }
    var output = ""
    for character in text {
      if ("\u{E000}"..."\u{E005}").contains(character) { output.append(Self.escapeMark) }
      output.append(character)
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
