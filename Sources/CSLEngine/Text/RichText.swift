/// Parses the small HTML-like markup CSL data may carry (`<i>`, `<b>`, `<sup>`, `<sub>`,
/// `<sc>`, `<span style="font-variant:small-caps;">`, `<span class="nocase">`,
/// `<span class="nodecor">`) and quotation marks (straight or curly, double or single) into
/// output nodes. Apostrophes become ’. Anything else is kept as text.
enum RichText {
  /// The quotation marks that data may use as markup besides straight quotes: as citeproc-js
  /// reads it, the locale's own outer pair (“…” in en-US, „…“ in German, «…» in Russian,
  /// 《…》 in Chinese); other curly quotes print as written.
  struct QuotePair: Sendable, Hashable {
    let open: Character
    let close: Character
    /// The opening mark's bytes, read once for `PlainScan`.
    let openMark: PlainScan.Mark

    static let english = QuotePair(open: "\u{201C}", close: "\u{201D}")

    /// The pair a locale's `open-quote` and `close-quote` terms name, when each is one character.
    static func terms(open: String?, close: String?) -> QuotePair? {
      guard let open, let close, open.count == 1, close.count == 1, let first = open.first, let last = close.first
      else {
        return nil
      }
      return QuotePair(open: first, close: last)
    }

    init(open: Character, close: Character) {
      self.open = open
      self.close = close
      self.openMark = PlainScan.Mark(open)
    }
  }

  /// `copyingPlainBytes`: one-byte characters no rule reads are copied without the scanner's
  /// comparisons (false only in tests, which check it changes nothing).
  static func parse(_ source: String, quotes: QuotePair? = .english, copyingPlainBytes: Bool = true) -> Node {
    let text = spacingGuillemets(source)
    // Fast path: nothing the scanner treats apart (`PlainScan`): the text as it is, or with
    // its apostrophes curled (the empty text too, as one empty text).
    switch PlainScan.scan(text, quotes: quotes) {
    case .asIs: return .text(text)
    case .apostrophes: return .text(PlainScan.curlingApostrophes(text))
    case .markup: return scanning(text, quotes: quotes, copyingPlainBytes: copyingPlainBytes)
    }
  }

  /// `parse` by the scanner alone, character by character (the fast paths are held to it).
  static func scanned(_ source: String, quotes: QuotePair? = .english) -> Node {
    scanning(spacingGuillemets(source), quotes: quotes, copyingPlainBytes: true)
  }

  /// French guillemets keep their inner spaces as narrow no-break spaces (citeproc-js).
  private static func spacingGuillemets(_ text: String) -> String {
    guard text.containsByte(0xC2), text.contains("\u{00AB}") || text.contains("\u{00BB}") else { return text }
    return text.components(separatedBy: "\u{00AB} ").joined(separator: "\u{00AB}\u{202F}")
      .components(separatedBy: " \u{00BB}").joined(separator: "\u{202F}\u{00BB}")
  }

  private static func scanning(_ text: String, quotes: QuotePair?, copyingPlainBytes: Bool) -> Node {
    var scanner = Scanner(characters: Array(text), quotes: quotes, copyingPlainBytes: copyingPlainBytes)
    let nodes = scanner.parse(until: nil)
    return nodes.count == 1 ? nodes[0] : .sequence(nodes)
  }

  private enum Closer: Equatable {
    case tag(String)
    case straightDouble
    /// The close of the locale's pair.
    case localeDouble
    case single
  }

  private struct Scanner {
    let characters: [Character]
    let quotes: QuotePair?
    var index = 0
    /// The one-byte characters equal to the locale's marks (`plainByte`), 0 for none.
    private let markBytes: (open: UInt8, close: UInt8)

    private let copyingPlainBytes: Bool

    init(characters: [Character], quotes: QuotePair?, copyingPlainBytes: Bool) {
      self.characters = characters
      self.quotes = quotes
      self.copyingPlainBytes = copyingPlainBytes
      markBytes = (
        quotes.map { Self.asciiEquivalent($0.open) } ?? 0, quotes.map { Self.asciiEquivalent($0.close) } ?? 0
      )
    }

    /// The ASCII byte whose character equals `mark` (characters compare by canonical
    /// equivalence: besides ASCII itself, three one-scalar characters decompose to ASCII), 0
    /// when none does.
    private static func asciiEquivalent(_ mark: Character) -> UInt8 {
      let scalars = mark.unicodeScalars
      guard let scalar = scalars.first, scalars.count == 1 else { return 0 }
      switch scalar.value {
      case 0..<0x80: return UInt8(scalar.value)
      case 0x037E: return 0x3B  // Greek question mark: ";"
      case 0x1FEF: return 0x60  // Greek varia: "`"
      case 0x212A: return 0x4B  // Kelvin sign: "K"
      default: return 0
      }
    }

    static let tags: [(open: String, close: String, make: @Sendable ([Node]) -> Node)] = [
      ("<i>", "</i>", { .tagged(.markup, [.styled(.italic, $0)]) }),
      ("<em>", "</em>", { .tagged(.markup, [.styled(.italic, $0)]) }),
      ("<b>", "</b>", { .tagged(.markup, [.styled(.bold, $0)]) }),
      ("<strong>", "</strong>", { .tagged(.markup, [.styled(.bold, $0)]) }),
      ("<sup>", "</sup>", { .tagged(.markup, [.styled(.superscript, $0)]) }),
      ("<sub>", "</sub>", { .tagged(.markup, [.styled(.subscript, $0)]) }),
      ("<sc>", "</sc>", { .tagged(.markup, [.styled(.smallCaps, $0)]) }),
      ("<span style=\"font-variant:small-caps;\">", "</span>", { .tagged(.markup, [.styled(.smallCaps, $0)]) }),
      ("<span style=\"font-variant: small-caps;\">", "</span>", { .tagged(.markup, [.styled(.smallCaps, $0)]) }),
      ("<span class=\"nocase\">", "</span>", { .nocase($0) }),
      (
        "<span class=\"nodecor\">", "</span>",
        // Plain formatting and, as in citeproc-js, no case changes either.
        {
          .nocase([.tagged(.markup, [.styled(.normalStyle, [.styled(.normalWeight, [.styled(.normalVariant, $0)])])])])
        }
      ),
      ("<span style=\"font-style:italic;\">", "</span>", { .tagged(.markup, [.styled(.italic, $0)]) }),
      ("<span style=\"font-weight:bold;\">", "</span>", { .tagged(.markup, [.styled(.bold, $0)]) }),
    ]

    func matches(_ literal: String, at start: Int) -> Bool {
      var position = start
      for character in literal {
        guard position < characters.count, characters[position] == character else { return false }
        position += 1
      }
      return true
    }

    func isCloser(_ closer: Closer, at position: Int) -> Bool {
      guard position < characters.count else { return false }
      switch closer {
      case .tag(let tag): return matches(tag, at: position)
      case .straightDouble:
        // A straight quote after a space does not close ("Obligations " stays as written).
        return characters[position] == "\"" && (position == 0 || !characters[position - 1].isWhitespace)
      case .localeDouble: return characters[position] == quotes?.close
      case .single:
        let character = characters[position]
        guard character == "'" || character == "\u{2019}" else { return false }
        let next = position + 1 < characters.count ? characters[position + 1] : nil
        return next.map { !$0.isLetter && !$0.isNumber } ?? true
      }
    }

    func hasCloser(_ closer: Closer, after start: Int) -> Bool {
      var position = start
      while position < characters.count {
        if isCloser(closer, at: position) { return true }
        position += 1
      }
      return false
    }

    func opensSingleQuote(at position: Int) -> Bool {
      let previous = position > 0 ? characters[position - 1] : nil
      guard previous.map({ $0.isWhitespace || "([\u{2014}\u{201C}\"/".contains($0) }) ?? true else { return false }
      guard position + 1 < characters.count, !characters[position + 1].isWhitespace else { return false }
      return hasCloser(.single, after: position + 2)
    }

    /// The byte of a one-byte character that no branch of `parse` treats apart from other text
    /// (not `<`, `"`, `'`, `&`, the locale's marks, a line feed), or nil: such a character is
    /// copied as it is, with no comparison against each mark.
    private func plainByte(_ character: Character) -> UInt8? {
      guard copyingPlainBytes, let byte = character.asciiValue else { return nil }
      switch byte {
      case 0x00, 0x0A, 0x0D, 0x22, 0x26, 0x27, 0x3C, markBytes.open, markBytes.close: return nil
      default: return byte
      }
    }

    mutating func parse(until closer: Closer?) -> [Node] {
      var nodes: [Node] = []
      // The text so far, as UTF-8 (one string is made of it at each flush).
      var buffer: [UInt8] = []
      func flush() {
        if !buffer.isEmpty {
          nodes.append(.text(String(decoding: buffer, as: UTF8.self)))
          buffer = []
        }
      }
      while index < characters.count {
        if let byte = plainByte(characters[index]) {
          buffer.append(byte)
          index += 1
          continue
        }
        if let closer, isCloser(closer, at: index) {
          if case .tag(let tag) = closer { index += tag.count } else { index += 1 }
          flush()
          return nodes
        }
        let character = characters[index]
        switch character {
        case "<":
          if let tag = Self.tags.first(where: { matches($0.open, at: index) }),
            hasCloser(.tag(tag.close), after: index + tag.open.count)
          {
            flush()
            index += tag.open.count
            nodes.append(tag.make(parse(until: .tag(tag.close))))
            continue
          }
        case "\"":
          if closer != .straightDouble, hasCloser(.straightDouble, after: index + 1) {
            flush()
            index += 1
            nodes.append(.tagged(.straightQuote, [.quoted(parse(until: .straightDouble))]))
            continue
          }
        case _ where character == quotes?.open && character != "\u{2018}":
          if hasCloser(.localeDouble, after: index + 1) {
            flush()
            index += 1
            nodes.append(.quoted(parse(until: .localeDouble)))
            continue
          }
        case "'", "\u{2018}":
          // ‘ opens a quote inside another, or where it is the locale's own (en-GB).
          let opens = character == "'" || closer != nil || quotes?.open == "\u{2018}"
          if closer != .single, opens, opensSingleQuote(at: index) {
            flush()
            index += 1
            nodes.append(.quoted(parse(until: .single)))
            continue
          }
          if character == "'" {
            buffer.append(contentsOf: "\u{2019}".utf8)
            index += 1
            continue
          }
        case "&":
          if matches("&amp;", at: index) {
            buffer.append(0x26)
            index += 5
            continue
          }
        default: break
        }
        buffer.append(contentsOf: character.utf8)
        index += 1
      }
      flush()
      return nodes
    }
  }
}
