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

  init(openQuote: String, closeQuote: String, openInnerQuote: String, closeInnerQuote: String) {
    self.openQuote = openQuote
    self.closeQuote = closeQuote
    self.openInnerQuote = openInnerQuote
    self.closeInnerQuote = closeInnerQuote
  }

  mutating func add(_ node: Node) {
    switch node {
    case .text(let text):
      if !text.isEmpty {
        // The byte test spares the character search for text without any apostrophe byte.
        let hasApostrophe = !keepApostrophes && text.utf8.contains(0x27) && text.contains("'")
        tokens.append(.text(hasApostrophe ? text.replacingAll("'", with: "\u{2019}") : text))
      }
    case .tagged(.verbatim, let children):
      for child in children {
        if case .text(let text) = child, !text.isEmpty { tokens.append(.text(text)) } else { add(child) }
      }
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
      var effective = style
      switch style {
      case .italic, .oblique:
        if italic { effective = .normalStyle }
        italic = !italic
      case .normalStyle:
        if !italic { for child in children { add(child) }; return }
        italic = false
      case .bold:
        if bold { effective = .normalWeight }
        bold = !bold
      case .normalWeight:
        if !bold { for child in children { add(child) }; return }
        bold = false
      case .smallCaps:
        if smallCaps { effective = .normalVariant }
        smallCaps = !smallCaps
      case .normalVariant:
        if !smallCaps { for child in children { add(child) }; return }
        smallCaps = false
      case .noDecoration:
        for child in children { add(child) }
        return
      default: break
      }
      tokens.append(.open(.style(effective)))
      for child in children { add(child) }
      tokens.append(.close(.style(effective)))
      (italic, bold, smallCaps) = saved
    }
  }
}
