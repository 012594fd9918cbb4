import CSLStyle

/// A flat piece of output: text or markup. Punctuation fixes work on this stream.
enum Token: Sendable, Hashable {
  case text(String)
  case open(Markup)
  case close(Markup)
  /// A quotation mark; `opening` tells which side.
  case quote(String, opening: Bool)

  enum Markup: Sendable, Hashable {
    case style(InlineStyle)
    case display(CSL.Display)
    case nocase
    /// A cite's prefix or suffix (citeproc-js leaves punctuation in them where it is).
    case affix
    /// A style's fixed value (see `NodeTag.fixedValue`).
    case fixedValue
    /// See `NodeTag.spaceBarrier` (opened only).
    case spaceBarrier
    /// See `NodeTag.formattedSuffixEnd` (opened only).
    case formattedSuffixEnd
    /// See `NodeTag.styledSuffixEnd` (opened only).
    case styledSuffixEnd
    /// See `NodeTag.prefixStart` (opened only).
    case prefixStart
    /// See `NodeTag.enclosingPunctuation`.
    case enclosingPunctuation
    /// See `NodeTag.prefixEnd` (opened only).
    case prefixEnd
    case link(String)
  }
}

/// Flattens trees into tokens: flip-flops nested italics/bold/small caps and alternates quotes.
struct Flattener {
  var openQuote = "\u{201C}"
  var closeQuote = "\u{201D}"
  var openInnerQuote = "\u{2018}"
  var closeInnerQuote = "\u{2019}"
  var tokens: [Token] = []
  /// Cited's `cited:data-quotes="as-written"`: straight apostrophes stay straight.
  var keepApostrophes = false
  private var italic = false
  private var bold = false
  private var smallCaps = false
  private var quoteDepth = 0
  /// Inside formatting written in the data (see `NodeTag.markup`).
  private var inData = false
  /// Whether the output format writes a style's nested formatting again (HTML).
  var repeatsNestedStyles = false

  init(openQuote: String, closeQuote: String, openInnerQuote: String, closeInnerQuote: String) {
    self.openQuote = openQuote
    self.closeQuote = closeQuote
    self.openInnerQuote = openInnerQuote
    self.closeInnerQuote = closeInnerQuote
  }

  /// The tokens added so far, handed over: the flattener keeps none, so the serializer
  /// changes them in place instead of copying them.
  mutating func takeTokens() -> [Token] {
    defer { tokens = [] }
    return tokens
  }

  mutating func add(_ node: Node) {
    switch node {
    case .text(let text):
      if !text.isEmpty {
        // The byte test spares the character search for text without any apostrophe byte.
        let hasApostrophe = !keepApostrophes && text.containsByte(0x27) && text.contains("'")
        tokens.append(.text(hasApostrophe ? text.replacingAll("'", with: "\u{2019}") : text))
      }
    case .tagged(.verbatim, let children):
      for child in children {
        if case .text(let text) = child, !text.isEmpty { tokens.append(.text(text)) } else { add(child) }
      }
    case .tagged(.markup, let children):
      let saved = inData
      inData = true
      for child in children { add(child) }
      inData = saved
    case .tagged(.spaceBarrier, _):
      tokens.append(.open(.spaceBarrier))
    case .tagged(.prefixEnd, _):
      tokens.append(.open(.prefixEnd))
    case .tagged(.formattedSuffixEnd, _):
      tokens.append(.open(.formattedSuffixEnd))
    case .tagged(.styledSuffixEnd, _):
      tokens.append(.open(.styledSuffixEnd))
    case .tagged(.prefixStart, _):
      tokens.append(.open(.prefixStart))
    case .tagged(.fixedValue, let children):
      tokens.append(.open(.fixedValue))
      for child in children { add(child) }
      tokens.append(.close(.fixedValue))
    case .tagged(.enclosingPunctuation, let children):
      tokens.append(.open(.enclosingPunctuation))
      for child in children { add(child) }
      tokens.append(.close(.enclosingPunctuation))
    case .tagged(.citeAffix, let children):
      tokens.append(.open(.affix))
      for child in children { add(child) }
      tokens.append(.close(.affix))
    case .sequence(let children), .tagged(_, let children):
      for child in children { add(child) }
    case .nocase(let children):
      for child in children { add(child) }
    case .link(let url, let children):
      tokens.append(.open(.link(url)))
      for child in children { add(child) }
      tokens.append(.close(.link(url)))
    case .display(let display, let children):
      guard !node.isEmpty else { return }
      tokens.append(.open(.display(display)))
      for child in children { add(child) }
      tokens.append(.close(.display(display)))
    case .quoted(let children):
      let inner = quoteDepth % 2 == 1
      tokens.append(.quote(inner ? openInnerQuote : openQuote, opening: true))
      quoteDepth += 1
      for child in children { add(child) }
      quoteDepth -= 1
      tokens.append(.quote(inner ? closeInnerQuote : closeQuote, opening: false))
    case .styled(let style, let children):
      guard !node.isEmpty else { return }
      let saved = (italic, bold, smallCaps)
      let effective = inData ? flipped(style) : repeated(style, around: children)
      if let effective { tokens.append(.open(.style(effective))) }
      for child in children { add(child) }
      if let effective { tokens.append(.close(.style(effective))) }
      (italic, bold, smallCaps) = saved
    }
  }

  /// The formatting axis a style sets (italics, weight, small caps), its upright form, and
  /// whether the style is that upright form; nil for styles that neither nest nor flip.
  private static func axis(
    of style: InlineStyle
  ) -> (flag: WritableKeyPath<Flattener, Bool>, upright: InlineStyle, isUpright: Bool)? {
    switch style {
    case .italic, .oblique: return (\.italic, .normalStyle, false)
    case .normalStyle: return (\.italic, .normalStyle, true)
    case .bold: return (\.bold, .normalWeight, false)
    case .normalWeight: return (\.bold, .normalWeight, true)
    case .smallCaps: return (\.smallCaps, .normalVariant, false)
    case .normalVariant: return (\.smallCaps, .normalVariant, true)
    default: return nil
    }
  }

  /// Formatting written in the data flips against the formatting around it: italics inside
  /// italics print upright. Nil when the formatting prints nothing (upright in upright).
  private mutating func flipped(_ style: InlineStyle) -> InlineStyle? {
    guard let (flag, upright, isUpright) = Self.axis(of: style) else { return style == .noDecoration ? nil : style }
    let on = self[keyPath: flag]
    self[keyPath: flag] = isUpright ? false : !on
    if isUpright { return on ? style : nil }
    return on ? upright : style
  }

  /// Whether the style's own formatting (not the data's) sets italics somewhere in the node.
  private static func hasStyleItalic(_ node: Node) -> Bool {
    switch node {
    case .text: return false
    case .tagged(.markup, _): return false
    case .styled(let style, let children):
      return style == .italic || style == .oblique || children.contains(where: hasStyleItalic)
    case .quoted(let children), .nocase(let children), .display(_, let children), .tagged(_, let children),
      .sequence(let children), .link(_, let children):
      return children.contains(where: hasStyleItalic)
    }
  }

  /// Whether some text in the node lies outside the style's own italics.
  private static func hasUprightText(_ node: Node) -> Bool {
    switch node {
    case .text(let text): return !text.isEmpty
    case .styled(let style, let children):
      return style != .italic && style != .oblique && children.contains(where: hasUprightText)
    case .quoted(let children), .nocase(let children), .display(_, let children), .tagged(_, let children),
      .sequence(let children), .link(_, let children):
      return children.contains(where: hasUprightText)
    }
  }

  /// The style's own formatting: as citeproc-js writes it, italics inside italics stay
  /// italic (HTML repeats the tag, formats that cannot nest leave it out); "normal" prints
  /// only where it undoes something, or (upright style) around text that is partly the
  /// style's own italics, as citeproc-js writes `<span style="font-style:normal;">Doe <i>et
  /// al.</i></span>` (but not around a title wholly in italics). HTML writes
  /// `text-decoration="none"` wherever the style sets it.
  private mutating func repeated(_ style: InlineStyle, around children: [Node]) -> InlineStyle? {
    guard let (flag, _, isUpright) = Self.axis(of: style) else {
      return style == .noDecoration && !repeatsNestedStyles ? nil : style
    }
    let on = self[keyPath: flag]
    self[keyPath: flag] = !isUpright
    if !isUpright { return on && !repeatsNestedStyles ? nil : style }
    let holdsItalics =
      style == .normalStyle && repeatsNestedStyles && children.contains(where: Self.hasStyleItalic)
      && children.contains(where: Self.hasUprightText)
    return on || holdsItalics ? style : nil
  }
}
