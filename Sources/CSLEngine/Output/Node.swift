import BibModel
import CSLStyle

/// Inline formatting that the output tree carries; output formats decide the markup.
public enum InlineStyle: Sendable, Hashable {
  case italic, oblique, normalStyle, bold, light, normalWeight, smallCaps, normalVariant
  case underline, noDecoration, superscript, `subscript`, baseline
}

/// What a tagged part of the output is, so collapsing and substitution can find it again.
enum NodeTag: Sendable, Hashable {
  case names(String)
  /// One name inside a names list (subsequent-author-substitute works name by name).
  case name
  /// The label of a names list ("ed."), left out when names are compared.
  case nameLabel
  /// What a names element printed inside its own affixes and formatting: the part
  /// subsequent-author-substitute replaces.
  case nameContent
  case date
  case year
  case yearSuffix
  /// A cite's own prefix or suffix: punctuation is not moved into quotes written there.
  case citeAffix
  /// An enclosing element's suffix punctuation that follows an inner suffix's punctuation
  /// after a closing quote: moved inside the quotes it goes first (citeproc-js).
  case enclosingPunctuation
  /// The end of a style's prefix that ends in punctuation: citeproc-js does not merge it with
  /// the punctuation that opens what it prefixes (";" + ":5" prints ";:5").
  case prefixEnd
  /// Quotation marks and apostrophes written in a style's affix: printed as written.
  case verbatim
  /// A style's fixed `<text value>`: citeproc-js treats it as content, so punctuation that
  /// opens it does not merge with what precedes it ("2021 ;" + "." prints "2021 ;.").
  case fixedValue
  /// The end of the citation number and its suffix: citeproc-js folds no space after it into
  /// the next element's ("11.  2018." where author and title are missing).
  case spaceBarrier
  /// The end of a formatted element's suffix (italics, bold, quotes ...): citeproc-js keeps its
  /// closing space apart from a following prefix's opening space, though a delimiter's merges
  /// ("<i>Title</i>, " + " Master's thesis" prints both spaces).
  case formattedSuffixEnd
  /// Between an element with formatting of its own that ends in a suffix and the next sibling,
  /// which opens with a prefix: citeproc-js merges nothing there ("<i>Title</i>," + ", 12"
  /// prints ",,"). Placed by the group that holds both.
  case styledSuffixEnd
  /// The start of a prefix that opens with a space (see `formattedSuffixEnd`).
  case prefixStart
  case citationNumber
  case citationLabel
  case term
  case locator
  case title
  /// Straight double quotation marks written in the data (see `TextCaser`'s leading quote).
  case straightQuote
  /// Formatting written in the data (`<i>` in a title): it flips against the formatting
  /// around it, where the style's own nested formatting simply repeats.
  case markup
}

/// The intermediate output tree: rendering builds it, output formats flatten it.
enum Node: Sendable, Hashable {
  case text(String)
  case styled(InlineStyle, [Node])
  case quoted([Node])
  /// Text exempt from text-case (`<span class="nocase">` in input).
  case nocase([Node])
  case display(CSL.Display, [Node])
  case tagged(NodeTag, [Node])
  case sequence([Node])
  /// A link that formats may turn into an anchor.
  case link(String, [Node])

  static var empty: Node { .sequence([]) }

  var isEmpty: Bool {
    switch self {
    case .text(let text): return text.isEmpty
    case .styled(_, let children), .quoted(let children), .nocase(let children), .display(_, let children),
      .tagged(_, let children), .sequence(let children), .link(_, let children):
      return Self.allEmpty(children)
    }
  }

  /// True when every node of the list is empty, read through the list's buffer: this runs on
  /// every rendered element (2 % fewer instructions on the cite path than `allSatisfy`).
  private static func allEmpty(_ nodes: [Node]) -> Bool {
    nodes.withUnsafeBufferPointer { buffer in
      for index in buffer.indices {
        switch buffer[index] {
        case .text(let text): if !text.isEmpty { return false }
        case .styled(_, let children), .quoted(let children), .nocase(let children), .display(_, let children),
          .tagged(_, let children), .sequence(let children), .link(_, let children):
          if !allEmpty(children) { return false }
        }
      }
      return true
    }
  }

  /// Whether every text in the tree is plain ASCII (`String.isPlainASCII`).
  var hasOnlyASCIIText: Bool {
    switch self {
    case .text(let text): return text.isPlainASCII
    case .styled(_, let children), .quoted(let children), .nocase(let children), .display(_, let children),
      .tagged(_, let children), .sequence(let children), .link(_, let children):
      return children.allSatisfy(\.hasOnlyASCIIText)
    }
  }

  /// The text without markup.
  var plainText: String {
    // A single text needs no gathering; the rest is gathered as bytes (see `Serializer`).
    if case .text(let text) = self { return text }
    var result: [UInt8] = []
    // Room for a cite or a sort key at once (grown from empty, the bytes were copied two or
    // three times).
    result.reserveCapacity(64)
    appendPlainText(to: &result)
    return String(decoding: result, as: UTF8.self)
  }

  func appendPlainText(to result: inout [UInt8]) { appendPlainText(to: &result, skipping: nil) }

  /// The plain text with every subtree tagged `skipped` left out: the plain text of the tree
  /// with those subtrees replaced by empty ones, without building that tree.
  func plainText(skipping skipped: NodeTag) -> String {
    var result: [UInt8] = []
    appendPlainText(to: &result, skipping: skipped)
    return String(decoding: result, as: UTF8.self)
  }

  /// The plain text, subtrees tagged `skipped` (when given) left out.
  private func appendPlainText(to result: inout [UInt8], skipping skipped: NodeTag?) {
    switch self {
    case .text(let text): result.append(utf8: text)
    case .tagged(let tag, let children):
      if let skipped, tag == skipped { return }
      for child in children { child.appendPlainText(to: &result, skipping: skipped) }
    case .quoted(let children):
      result.append(contentsOf: "\u{201C}".utf8)
      for child in children { child.appendPlainText(to: &result, skipping: skipped) }
      result.append(contentsOf: "\u{201D}".utf8)
    case .styled(_, let children), .nocase(let children), .display(_, let children), .sequence(let children),
      .link(_, let children):
      for child in children { child.appendPlainText(to: &result, skipping: skipped) }
    }
  }

  /// True when the first non-empty text leaf lies inside a subtree with this tag.
  func startsWith(tag wanted: NodeTag) -> Bool { firstText(inside: wanted, within: false) ?? false }

  /// Whether the first non-empty text leaf lies inside a subtree tagged `wanted` (`within`: a
  /// node around this one is); nil when the tree has no such leaf. One walk down to the leaf
  /// (asking each child whether it was empty walked it again at every level).
  private func firstText(inside wanted: NodeTag, within: Bool) -> Bool? {
    switch self {
    case .text(let text): return text.isEmpty ? nil : within
    case .tagged(let tag, let children):
      let inside = within || tag == wanted
      for child in children {
        if let found = child.firstText(inside: wanted, within: inside) { return found }
      }
      return nil
    case .styled(_, let children), .quoted(let children), .nocase(let children), .display(_, let children),
      .sequence(let children), .link(_, let children):
      for child in children {
        if let found = child.firstText(inside: wanted, within: within) { return found }
      }
      return nil
    }
  }

  /// The tree without trailing spaces in its last text, and whether any were removed.
  func trimmingTrailingSpaces() -> (Node, Bool) {
    // Most entries end in no space: the tree is then returned as it is (rebuilt along its last
    // path, it cost some 4,000 instructions an entry of a numeric style).
    guard mayEndInSpace else { return (self, false) }
    switch self {
    case .text(let text):
      let trimmed = text.droppingTrailingSpaces()
      return (.text(trimmed), trimmed.utf8.count != text.utf8.count)
    case .styled(let style, let children): return Self.trimLast(children) { .styled(style, $0) }
    case .quoted: return (self, false)
    case .nocase(let children): return Self.trimLast(children) { .nocase($0) }
    case .display(let display, let children): return Self.trimLast(children) { .display(display, $0) }
    case .tagged(let tag, let children): return Self.trimLast(children) { .tagged(tag, $0) }
    case .sequence(let children): return Self.trimLast(children) { .sequence($0) }
    case .link(let url, let children): return Self.trimLast(children) { .link(url, $0) }
    }
  }

  /// Whether `trimmingTrailingSpaces` can change anything: the last non-empty text outside
  /// quotation marks ends in a space byte (a trailing space character ends in one).
  private var mayEndInSpace: Bool {
    switch self {
    case .text(let text): return text.utf8.last == 0x20
    case .quoted: return false
    case .styled(_, let children), .nocase(let children), .display(_, let children), .tagged(_, let children),
      .sequence(let children), .link(_, let children):
      guard let index = children.lastIndex(where: { !$0.isEmpty }) else { return false }
      return children[index].mayEndInSpace
    }
  }

  private static func trimLast(_ children: [Node], _ rebuild: ([Node]) -> Node) -> (Node, Bool) {
    guard let index = children.lastIndex(where: { !$0.isEmpty }) else { return (rebuild(children), false) }
    var copy = children
    let (trimmed, changed) = copy[index].trimmingTrailingSpaces()
    copy[index] = trimmed
    return (rebuild(copy), changed)
  }

  /// The first subtree with this tag.
  func first(tagged wanted: NodeTag) -> Node? {
    switch self {
    case .text: return nil
    case .tagged(let tag, let children):
      if tag == wanted { return self }
      for child in children { if let found = child.first(tagged: wanted) { return found } }
      return nil
    case .styled(_, let children), .quoted(let children), .nocase(let children), .display(_, let children),
      .sequence(let children), .link(_, let children):
      for child in children { if let found = child.first(tagged: wanted) { return found } }
      return nil
    }
  }

  /// True when some tag matches.
  func contains(where predicate: (NodeTag) -> Bool) -> Bool {
    switch self {
    case .text: return false
    case .tagged(let tag, let children):
      return predicate(tag) || children.contains { $0.contains(where: predicate) }
    case .styled(_, let children), .quoted(let children), .nocase(let children), .display(_, let children),
      .sequence(let children), .link(_, let children):
      return children.contains { $0.contains(where: predicate) }
    }
  }

  /// The tree with the subtrees whose tag matches replaced.
  func replacing(where predicate: (NodeTag) -> Bool, with replacement: (Node) -> Node) -> Node {
    switch self {
    case .text: return self
    case .tagged(let tag, let children):
      if predicate(tag) { return replacement(self) }
      return .tagged(tag, children.map { $0.replacing(where: predicate, with: replacement) })
    case .styled(let style, let children):
      return .styled(style, children.map { $0.replacing(where: predicate, with: replacement) })
    case .quoted(let children): return .quoted(children.map { $0.replacing(where: predicate, with: replacement) })
    case .nocase(let children): return .nocase(children.map { $0.replacing(where: predicate, with: replacement) })
    case .display(let display, let children):
      return .display(display, children.map { $0.replacing(where: predicate, with: replacement) })
    case .sequence(let children): return .sequence(children.map { $0.replacing(where: predicate, with: replacement) })
    case .link(let url, let children):
      return .link(url, children.map { $0.replacing(where: predicate, with: replacement) })
    }
  }

  /// Applies a function to every text leaf outside `nocase`.
  func mapText(_ transform: (String) -> String) -> Node {
    switch self {
    case .text(let text): return .text(transform(text))
    case .nocase: return self
    case .styled(let style, let children): return .styled(style, children.map { $0.mapText(transform) })
    case .quoted(let children): return .quoted(children.map { $0.mapText(transform) })
    case .display(let display, let children): return .display(display, children.map { $0.mapText(transform) })
    case .tagged(let tag, let children): return .tagged(tag, children.map { $0.mapText(transform) })
    case .sequence(let children): return .sequence(children.map { $0.mapText(transform) })
    case .link(let url, let children): return .link(url, children.map { $0.mapText(transform) })
    }
  }

  /// The tree ends in a closing quote followed only by punctuation-only text (an inner
  /// element's suffix).
  var endsInQuotedPunctuation: Bool {
    switch self {
    case .sequence(let children), .tagged(_, let children):
      guard var index = children.lastIndex(where: { !$0.isEmpty }) else { return false }
      guard children[index].isQuotePunctuation else { return children[index].endsInQuotedPunctuation }
      while index > 0, children[index].isEmpty || children[index].isQuotePunctuation { index -= 1 }
      return children[index].endsInQuote
    default:
      return false
    }
  }

  /// Text of only the marks that move inside quotation marks.
  private var isQuotePunctuation: Bool {
    guard case .text(let text) = self else { return false }
    return !text.isEmpty && text.allSatisfy { ".,!?".contains($0) }
  }

  private var endsInQuote: Bool {
    switch self {
    // citeproc-js keeps the usual order when the quoted text holds formatting from the data
    // ("“Using <i>E. coli</i> as a model,.”").
    case .quoted(let children): return Node.sequence(children).first(tagged: .markup) == nil
    case .sequence(let children), .tagged(_, let children), .styled(_, let children):
      return children.last(where: { !$0.isEmpty })?.endsInQuote ?? false
    default: return false
    }
  }
}

extension Node {
  /// True when the plain text holds a letter or a digit (`Character.isLetter || isNumber`).
  /// The leaves are read in order and the search stops at the first ASCII letter or digit
  /// that follows an ASCII byte (or opens the text): such a byte begins a character of its
  /// own, whatever comes after it. Otherwise the whole text is gathered and its characters
  /// asked.
  var printsLetterOrDigit: Bool {
    var afterASCII = true
    if Self.findsASCIIAlphanumeric(self, afterASCII: &afterASCII) { return true }
    return plainText.contains { $0.isLetter || $0.isNumber }
  }

  private static func findsASCIIAlphanumeric(_ node: Node, afterASCII: inout Bool) -> Bool {
    switch node {
    case .text(let text):
      for byte in text.utf8 {
        if byte.isASCIIAlphanumeric && afterASCII { return true }
        afterASCII = byte < 0x80
      }
      return false
    case .quoted(let children):
      // Curly quotation marks surround the children in the plain text.
      afterASCII = false
      for child in children where findsASCIIAlphanumeric(child, afterASCII: &afterASCII) { return true }
      afterASCII = false
      return false
    case .styled(_, let children), .nocase(let children), .display(_, let children),
      .tagged(_, let children), .sequence(let children), .link(_, let children):
      for child in children where findsASCIIAlphanumeric(child, afterASCII: &afterASCII) { return true }
      return false
    }
  }
}
