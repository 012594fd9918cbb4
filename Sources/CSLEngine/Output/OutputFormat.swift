import BibModel

/// Turns flattened output into text: plain text, HTML (citeproc-js markup) or Markdown.
public protocol OutputFormat: Sendable {
  /// Escapes literal text.
  func escape(_ text: String) -> String
  /// Appends the escaped text's UTF-8 to `bytes`: `escape` as bytes, which a format may write
  /// without making the escaped string.
  func appendEscaped(_ text: String, to bytes: inout [UInt8])
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
  /// Whether a style's formatting nested in the same formatting is written again (HTML
  /// nests `<i><i>…</i></i>` as citeproc-js does) or left out (Markdown cannot nest it).
  var repeatsNestedStyles: Bool { get }
  /// Where a citation of item `id` links to (pandoc's `link-citations`), nil for no link; the
  /// cite's own rendering is linked, not its prefix, suffix or the layout's affixes.
  func citeLink(_ id: String) -> String?
  /// An opening or closing quotation mark (`text` is the locale's mark); pandoc wraps quoted
  /// text in a `Span`, other formats write the mark.
  func quote(_ text: String, opening: Bool) -> String
}

extension OutputFormat {
  public var repeatsNestedStyles: Bool { false }
  public func citeLink(_ id: String) -> String? { nil }
  public func quote(_ text: String, opening: Bool) -> String { escape(text) }
  public func appendEscaped(_ text: String, to bytes: inout [UInt8]) { bytes.append(utf8: escape(text)) }
}

/// Plain text: no markup.
public struct PlainTextFormat: OutputFormat {
  public init() {}
  public func escape(_ text: String) -> String { text }
  /// The text as it is (the default went through `escape` and a string for every token).
  public func appendEscaped(_ text: String, to bytes: inout [UInt8]) { bytes.append(utf8: text) }
  public func open(_ style: InlineStyle) -> String { "" }
  public func close(_ style: InlineStyle) -> String { "" }
  /// Blocks as citeproc-js lays them out in text: a block on a line of its own, an indented
  /// block on a new line after four spaces, a left-margin label followed by a space.
  public func openBlock(_ name: String) -> String { PlainTextFormat.blockOpening(name) }
  public func closeBlock(_ name: String) -> String { PlainTextFormat.blockClosing(name) }
  public func openLink(_ url: String) -> String { "" }
  public func closeLink(_ url: String) -> String { "" }

  static func blockOpening(_ name: String) -> String {
    switch name {
    case "csl-block": "\n"
    case "csl-indent": "\n    "
    default: ""
    }
  }
  static func blockClosing(_ name: String) -> String { name == "csl-left-margin" ? " " : "" }
}

/// HTML as citeproc-js writes it (the test suite's expected output).
public struct HTMLFormat: OutputFormat {
  /// Whether to turn URLs into anchors (off for the test suite).
  public var linkURLs: Bool
  /// Whether `"` and `'` are escaped too (citeproc-js leaves them; the suite expects that).
  public var escapeQuotes: Bool
  public init(linkURLs: Bool = false, escapeQuotes: Bool = true) {
    self.linkURLs = linkURLs
    self.escapeQuotes = escapeQuotes
  }
  public var repeatsNestedStyles: Bool { true }

  /// Text that `escape` leaves as it is is copied straight into the bytes.
  public func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
    let copied: Bool? = text.utf8.withContiguousStorageIfAvailable { utf8 in
      guard Self.leavesAsIs(utf8) else { return false }
      bytes.append(contentsOf: utf8)
      return true
    }
    if copied != true { bytes.append(utf8: escape(text)) }
  }

  /// Whether `escape` returns the text as it is, in one pass over its UTF-8: no character to
  /// replace (`& < > " '`), no superscript character, no two white-space characters in a row
  /// (as `pairingSpaces` finds them). ASCII is read byte by byte; other scalars are decoded
  /// (text in other scripts took three passes, scalars decoded twice, before it was copied
  /// unchanged, as nearly all of it is).
  static func leavesAsIs(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool { leavesAsIs(utf8, byWords: true) }

  /// `leavesAsIs`, with eight ASCII bytes read at a time where they hold nothing to escape and
  /// no control character (`byWords`; false in tests, to check that both answer alike):
  /// byte by byte, a title cost some 6 instructions a byte.
  static func leavesAsIs(_ utf8: UnsafeBufferPointer<UInt8>, byWords: Bool) -> Bool {
    var previousSpace = false
    var index = 0
    let raw = byWords ? utf8.baseAddress.map(UnsafeRawPointer.init) : nil
    while index < utf8.count {
      if let raw, index + 8 <= utf8.count, let spaces = plainWordSpaces(ByteWord.load(raw, at: index)) {
        // Two spaces in a row, within the word or across its start, are paired by `escape`.
        if spaces & (spaces << 8) != 0 || (previousSpace && spaces & 0x80 != 0) { return false }
        previousSpace = spaces & 0x8000_0000_0000_0000 != 0
        index += 8
        continue
      }
      let lead = utf8[index]
      if lead < 0x80 {
        switch lead {
        case 0x26, 0x3C, 0x3E, 0x22, 0x27: return false
        case 0x20, 0x09...0x0D:
          if previousSpace { return false }
          previousSpace = true
        default: previousSpace = false
        }
        index += 1
        continue
      }
      let length: Int
      var value: UInt32
      switch lead {
      case 0xC2..<0xE0: (value, length) = (UInt32(lead & 0x1F), 2)
      case 0xE0..<0xF0: (value, length) = (UInt32(lead & 0x0F), 3)
      case 0xF0..<0xF5: (value, length) = (UInt32(lead & 0x07), 4)
      default: return false
      }
      guard index + length <= utf8.count else { return false }
      for offset in 1..<length {
        let next = utf8[index + offset]
        guard next & 0xC0 == 0x80 else { return false }
        value = value << 6 | UInt32(next & 0x3F)
      }
      guard !isSuperscriptScalar(value), let scalar = Unicode.Scalar(value) else { return false }
      let space = isJavaScriptSpace(scalar)
      if space && previousSpace { return false }
      previousSpace = space
      index += length
    }
    return true
  }

  /// For eight ASCII bytes with no byte to escape and no control character, the top bit of
  /// each byte that is a space (exactly those); nil for any other eight bytes.
  private static func plainWordSpaces(_ word: UInt64) -> UInt64? {
    guard !ByteWord.holdsNonASCII(word), !ByteWord.holdsBelow(word, 0x20) else { return nil }
    let escaped =
      ByteWord.matches(word, 0x26) | ByteWord.matches(word, 0x3C) | ByteWord.matches(word, 0x3E)
      | ByteWord.matches(word, 0x22) | ByteWord.matches(word, 0x27)
    guard escaped == 0 else { return nil }
    // The zero bytes of the word against spaces, exactly: no carry crosses a byte here.
    let difference = word ^ 0x2020_2020_2020_2020
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((difference & low) &+ low) | difference | low)
  }

  public func escape(_ text: String) -> String {
    if text.utf8.withContiguousStorageIfAvailable(Self.leavesAsIs) == true { return text }
    let text = Self.pairingSpaces(text)
    if text.isPlainASCII { return escapeASCII(text) }
    // Non-ASCII text usually has nothing to replace: a scalar scan proves it without
    // walking characters (every replaced character is a single scalar).
    if !text.unicodeScalars.contains(where: { scalar in
      switch scalar.value {
      case 0x26, 0x3C, 0x3E, 0x22, 0x27: return true
      default: return Self.isSuperscriptScalar(scalar.value)
      }
    }) {
      return text
    }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&#38;"
      case "<": result += "&#60;"
      case ">": result += "&#62;"
      case "\"" where escapeQuotes: result += "&#34;"
      case "'" where escapeQuotes: result += "&#39;"
      default:
        if !character.isASCII, let scalar = character.unicodeScalars.first,
          Self.isSuperscriptScalar(scalar.value), let base = Self.superscripts[character]
        {
          result += "<sup>" + base + "</sup>"
        } else {
          result.append(character)
        }
      }
    }
    return result
  }

  /// citeproc-js writes each two white-space characters in a row as a no-break space and a
  /// space, so a browser shows both ("2019 &#160;12" prints "2019\u{A0} 12").
  static func pairingSpaces(_ text: String) -> String {
    // ASCII text is read byte by byte: its only spaces are tab to carriage return and space.
    let asciiPair: Bool?? = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      var previous = false
      for byte in bytes {
        if byte >= 0x80 { return nil }
        let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
        if space && previous { return true }
        previous = space
      }
      return false
    }
    if case .some(.some(false)) = asciiPair { return text }
    var previousWasSpace = false
    var found = false
    for scalar in text.unicodeScalars {
      let isSpace = isJavaScriptSpace(scalar)
      if isSpace && previousWasSpace {
        found = true
        break
      }
      previousWasSpace = isSpace
    }
    guard found else { return text }
    var result = String.UnicodeScalarView()
    var pending: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      if let space = pending {
        pending = nil
        if isJavaScriptSpace(scalar) {
          result.append("\u{A0}")
          result.append(" ")
          continue
        }
        result.append(space)
      }
      if isJavaScriptSpace(scalar) { pending = scalar } else { result.append(scalar) }
    }
    if let space = pending { result.append(space) }
    return String(result)
  }

  /// What `\s` matches in JavaScript.
  static func isJavaScriptSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
    default: return false
    }
  }

  /// ASCII text without carriage returns: every byte is one character, so the escapes are
  /// applied byte by byte and unescaped runs are copied whole.
  private func escapeASCII(_ text: String) -> String {
    let utf8 = text.utf8
    var result = ""
    result.reserveCapacity(utf8.count + 16)
    var runStart = utf8.startIndex
    var index = runStart
    while index != utf8.endIndex {
      let entity: String
      switch utf8[index] {
      case 0x26: entity = "&#38;"
      case 0x3C: entity = "&#60;"
      case 0x3E: entity = "&#62;"
      case 0x22 where escapeQuotes: entity = "&#34;"
      case 0x27 where escapeQuotes: entity = "&#39;"
      default:
        index = utf8.index(after: index)
        continue
      }
      result += text[runStart..<index]
      result += entity
      index = utf8.index(after: index)
      runStart = index
    }
    result += text[runStart..<index]
    return result
  }

  /// Whether a scalar starts one of `superscripts`' keys: a cheap test before the character lookup.
  static func isSuperscriptScalar(_ value: UInt32) -> Bool {
    value < superscriptBitmap.count && superscriptBitmap[Int(value)]
  }

  /// `superscriptBitmap[scalar]` is true for the first scalar of every `superscripts` key.
  private static let superscriptBitmap: [Bool] = {
    let values = superscripts.keys.compactMap { $0.unicodeScalars.first.map { Int($0.value) } }
    var bitmap = [Bool](repeating: false, count: (values.max() ?? 0) + 1)
    for value in values { bitmap[value] = true }
    return bitmap
  }()

  /// Superscript characters that citeproc-js writes as `<sup>` around the base character.
  static let superscripts: [Character: String] = {
    let pairs = [
      "ª a ² 2 ³ 3 ¹ 1 º o ʰ h ʱ ɦ ʲ j ʳ r ʴ ɹ ʵ ɻ ʶ ʁ",
      "ʷ w ʸ y ˠ ɣ ˡ l ˢ s ˣ x ˤ ʕ ᴬ A ᴭ Æ ᴮ B ᴰ D ᴱ E",
      "ᴲ Ǝ ᴳ G ᴴ H ᴵ I ᴶ J ᴷ K ᴸ L ᴹ M ᴺ N ᴼ O ᴽ Ȣ ᴾ P",
      "ᴿ R ᵀ T ᵁ U ᵂ W ᵃ a ᵄ ɐ ᵅ ɑ ᵆ ᴂ ᵇ b ᵈ d ᵉ e ᵊ ə",
      "ᵋ ɛ ᵌ ɜ ᵍ g ᵏ k ᵐ m ᵑ ŋ ᵒ o ᵓ ɔ ᵔ ᴖ ᵕ ᴗ ᵖ p ᵗ t",
      "ᵘ u ᵙ ᴝ ᵚ ɯ ᵛ v ᵜ ᴥ ᵝ β ᵞ γ ᵟ δ ᵠ φ ᵡ χ ⁰ 0 ⁱ i",
      "⁴ 4 ⁵ 5 ⁶ 6 ⁷ 7 ⁸ 8 ⁹ 9 ⁺ + ⁻ − ⁼ = ⁽ ( ⁾ ) ⁿ n",
      "℠ SM ™ TM ㆒ 一 ㆓ 二 ㆔ 三 ㆕ 四 ㆖ 上 ㆗ 中 ㆘ 下 ㆙ 甲 ㆚ 乙 ㆛ 丙",
      "㆜ 丁 ㆝ 天 ㆞ 地 ㆟ 人 ˀ ʔ ˁ ʕ ۥ و ۦ ي",
    ].joined(separator: " ")
    let words = pairs.split(separator: " ").map(String.init)
    var table: [Character: String] = [:]
    var index = 0
    while index + 1 < words.count {
      if let key = words[index].first { table[key] = words[index + 1] }
      index += 2
    }
    return table
  }()

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

  /// Blocks are laid out on lines as citeproc-js does: a heading block on its own paragraph,
  /// the left margin on a new line, the right-inline part and indented blocks closing a line.
  public func openBlock(_ name: String) -> String {
    switch name {
    case "csl-block": "\n\n    <div class=\"csl-block\">"
    case "csl-left-margin": "\n    <div class=\"csl-left-margin\">"
    // Written out: the numeric styles open one at every entry, and the interpolated string
    // was made anew each time.
    case "csl-right-inline": "<div class=\"csl-right-inline\">"
    case "csl-indent": "<div class=\"csl-indent\">"
    default: "<div class=\"\(name)\">"
    }
  }
  public func closeBlock(_ name: String) -> String {
    switch name {
    case "csl-block": "</div>\n"
    case "csl-right-inline", "csl-indent": "</div>\n  "
    default: "</div>"
    }
  }
  public func openLink(_ url: String) -> String {
    guard linkURLs, Self.isLinkable(url) else { return "" }
    return "<a href=\"" + escape(url) + "\">"
  }
  public func closeLink(_ url: String) -> String {
    guard linkURLs, Self.isLinkable(url) else { return "" }
    return "</a>"
  }

  /// Whether a URL takes an anchor: http, https and mailto only, matched on its opening
  /// bytes (three `hasPrefix` calls cost more than writing the anchor). A scheme followed by
  /// a byte beyond ASCII is asked of `hasPrefix` too: a combining mark there joins the
  /// scheme's last character, and the scheme is then not its prefix.
  static func isLinkable(_ url: String) -> Bool {
    // Read from the string's own bytes where it has them (a generic `starts(with:)` over its
    // UTF-8 view cost some 1,000 instructions for each link opened and closed).
    if let answer = url.utf8.withContiguousStorageIfAvailable({ linkScheme(in: $0) }) {
      guard let (scheme, next) = answer else { return false }
      return next < 0x80 || url.hasPrefix(scheme)
    }
    let bytes = url.utf8
    return linkSchemes.contains { scheme in
      guard bytes.starts(with: scheme.utf8) else { return false }
      let next = bytes.dropFirst(scheme.utf8.count).first ?? 0
      return next < 0x80 || url.hasPrefix(scheme)
    }
  }

  /// The scheme among `linkSchemes` that the bytes open with, if any, and the byte after it
  /// (0 at the end).
  private static func linkScheme(in bytes: UnsafeBufferPointer<UInt8>) -> (String, UInt8)? {
    for (scheme, schemeBytes) in zip(linkSchemes, linkSchemeBytes) where bytes.count >= schemeBytes.count {
      var matches = true
      for index in schemeBytes.indices where bytes[index] != schemeBytes[index] {
        matches = false
        break
      }
      if matches { return (scheme, schemeBytes.count < bytes.count ? bytes[schemeBytes.count] : 0) }
    }
    return nil
  }

  private static let linkSchemes = ["https://", "http://", "mailto:"]
  private static let linkSchemeBytes = linkSchemes.map { Array($0.utf8) }
}

/// Markdown (CommonMark with `<sup>`/`<sub>` HTML for what Markdown lacks).
public struct MarkdownFormat: OutputFormat {
  public init() {}
  public func escape(_ text: String) -> String {
    // Without any of the marked bytes there is nothing to escape (a marked character needs its byte).
    guard text.containsByte(where: Self.isMarked) else { return text }
    var result = ""
    for character in text {
      if "*_`[]\\<>#".contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }
  private static func isMarked(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x2A, 0x5F, 0x60, 0x5B, 0x5D, 0x5C, 0x3C, 0x3E, 0x23: true
    default: false
    }
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
  public func openBlock(_ name: String) -> String { PlainTextFormat.blockOpening(name) }
  public func closeBlock(_ name: String) -> String { PlainTextFormat.blockClosing(name) }
  public func openLink(_ url: String) -> String { "" }
  public func closeLink(_ url: String) -> String { "" }
}
