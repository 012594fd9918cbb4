import Foundation

/// Turns the LaTeX of a BibTeX field into Unicode text with CSL rich-text markup: accents and
/// symbol commands become characters, `--`/`---`/`~` become dashes and a no-break space,
/// `\emph{…}` and friends become `<i>…</i>`, and — in title fields — a brace group at the top
/// level (`{DNA}`) becomes `<span class="nocase">DNA</span>`. Math (`$…$`) and commands Cited
/// does not know are kept verbatim, so writing the text back gives the same LaTeX.
struct LaTeXDecoder {
  private let scalars: [Unicode.Scalar]
  private let caseProtection: Bool
  private var index = 0
  private var composed = false

  /// Decodes a field value. `caseProtection` maps top-level brace groups to nocase spans.
  static func decode(_ text: String, caseProtection: Bool) -> String {
    // Fast path: no LaTeX, no dashes or quotes to ligate, single inner spaces only. A lone
    // hyphen, apostrophe or backquote is kept as it is (only doubled ones ligate): titles
    // and pages with hyphens took the scalar path (a third of writing BibLaTeX).
    let utf8 = text.utf8
    // (Read on the contiguous bytes: stepping the string's UTF-8 view cost some 30
    // instructions a byte.)
    let reading = utf8.withContiguousStorageIfAvailable { bytes in
      plainReading(bytes, caseProtection: caseProtection)
    }
    switch reading ?? plainReading(utf8, caseProtection: caseProtection) {
    case .asIs: return text
    case .inBraces: return String(Substring(utf8.dropFirst().dropLast()))
    case .none: return decodeByScalars(text, caseProtection: caseProtection)
    }
  }

  /// Whether the text of these bytes is not empty and `decode` gives it back as it is, with
  /// or without case protection.
  static func readsAsItself(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    !bytes.isEmpty && isPlain(bytes)
  }

  /// What `decode` can return without the scalar walk.
  private enum PlainReading {
    /// The text itself.
    case asIs
    /// The text without the pair of braces around it.
    case inBraces
  }

  /// Whether the text decodes as itself, or as itself without the braces around it.
  private static func plainReading<Bytes: BidirectionalCollection<UInt8>>(
    _ bytes: Bytes, caseProtection: Bool
  ) -> PlainReading? {
    if bytes.isEmpty || isPlain(bytes) { return .asIs }
    // Such a text in one pair of braces, without case protection, is the text itself (names
    // written `family={Hoff}` took the scalar path: some 17,000 instructions a part).
    if !caseProtection, bytes.count > 2, bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}"),
      isPlain(bytes.dropFirst().dropLast())
    {
      return .inBraces
    }
    return nil
  }

  /// Whether the scalar path returns these bytes as they are: no LaTeX, no dashes or quotes
  /// to ligate, single inner spaces only and none at either end, not empty. (The scalar path
  /// also turns its private stand-ins for breaks, U+E000 and U+E001, into newlines: a text
  /// with a lone mark and the stand-ins' first byte is not plain, as before.)
  private static func isPlain<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
    var previousSpace = true
    var previous: UInt8 = 0
    var loneMark = false
    var standInByte = false
    var empty = true
    for byte in bytes {
      defer { previous = byte }
      empty = false
      switch byte {
      case UInt8(ascii: "-"), UInt8(ascii: "`"), UInt8(ascii: "'"):
        if previous == byte { return false }
        loneMark = true
      case 0xEE: standInByte = true
      case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "~"),
        UInt8(ascii: "$"), 0x0A, 0x09, 0x0D:
        return false
      case 0x20:
        if previousSpace { return false }
        previousSpace = true
        continue
      default: break
      }
      previousSpace = false
    }
    return !empty && !(loneMark && standInByte) && !previousSpace
  }

  /// `decode` scalar by scalar, for any text (the reference for the fast path; tests compare).
  static func decodeByScalars(_ text: String, caseProtection: Bool) -> String {
    var decoder = LaTeXDecoder(scalars: Array(text.unicodeScalars), caseProtection: caseProtection)
    var output = decoder.run(depth: 0, end: decoder.scalars.count)
    output = collapseSpaces(output)
    return decoder.composed ? output.precomposedStringWithCanonicalMapping : output
  }

  private init(scalars: [Unicode.Scalar], caseProtection: Bool) {
    self.scalars = scalars
    self.caseProtection = caseProtection
  }

  /// Collapses runs of spaces and trims the ends (BibTeX's own whitespace rule).
  /// Stand-ins while decoding: `\\` (a line break) and a blank line (a paragraph break).
  static let lineBreak: Unicode.Scalar = "\u{E000}"
  static let paragraphBreak: Unicode.Scalar = "\u{E001}"

  static func collapseSpaces(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar == lineBreak || scalar == paragraphBreak {
        // Breaks become newlines; the spaces around them go.
        output.appendEach((scalar == lineBreak ? "\n" : "\n\n").unicodeScalars)
        pendingSpace = false
      } else if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
        pendingSpace = !output.isEmpty && output.last != "\n"
      } else {
        if pendingSpace { output.append(" ") }
        pendingSpace = false
        output.append(scalar)
      }
    }
    return String(output)
  }

  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
  }

  /// The index of the `}` closing the group whose `{` is at `open` (or `end` when unbalanced).
  private func groupEnd(_ open: Int, _ end: Int) -> Int {
    var depth = 0
    var cursor = open
    while cursor < end {
      let scalar = scalars[cursor]
      if scalar == "\\" {
        cursor += 2
        continue
      }
      if scalar == "{" { depth += 1 }
      if scalar == "}" {
        depth -= 1
        if depth == 0 { return cursor }
      }
      cursor += 1
    }
    return end
  }

  private func raw(_ start: Int, _ end: Int) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<min(end, scalars.count)])
    return String(view)
  }

  /// Deeper nesting than this is kept verbatim (bounded recursion: bad input never crashes).
  static let maximumDepth = 100

  private mutating func run(depth: Int, end: Int) -> String {
    if depth > Self.maximumDepth {
      let text = raw(index, end)
      index = end
      return text
    }
    var output = ""
    while index < end {
      let scalar = scalars[index]
      switch scalar {
      case "\\":
        output += command(depth: depth, end: end)
      case "{":
        output += group(depth: depth, end: end)
      case "}":
        output += "}"
        index += 1
      case "$":
        var close = index + 1
        while close < end, scalars[close] != "$" {
          if scalars[close] == "\\" { close += 1 }
          close += 1
        }
        if close < end {
          output += raw(index, close + 1)
          index = close + 1
        } else {
          output += "$"
          index += 1
        }
      case "~":
        output += "\u{00A0}"
        index += 1
      case "-":
        var count = 0
        while index < end, scalars[index] == "-" {
          count += 1
          index += 1
        }
        output += count == 2 ? "–" : count == 3 ? "—" : String(repeating: "-", count: count)
      case "`" where index + 1 < end && scalars[index + 1] == "`":
        output += "“"
        index += 2
      case "'" where index + 1 < end && scalars[index + 1] == "'":
        output += "”"
        index += 2
      case "\n":
        // A blank line is a paragraph break (as in LaTeX); a single newline is a space.
        var cursor = index + 1
        while cursor < end, scalars[cursor] == " " || scalars[cursor] == "\t" || scalars[cursor] == "\r" {
          cursor += 1
        }
        if cursor < end, scalars[cursor] == "\n" {
          while cursor < end,
            scalars[cursor] == " " || scalars[cursor] == "\t" || scalars[cursor] == "\r"
              || scalars[cursor] == "\n"
          {
            cursor += 1
          }
          output.unicodeScalars.append(Self.paragraphBreak)
          index = cursor
        } else {
          output += " "
          index += 1
        }
      default:
        output.unicodeScalars.append(scalar)
        index += 1
      }
    }
    return output
  }

  /// A brace group: case protection at the top level of a title, a formatting switch
  /// (`{\em …}`), or just grouping.
  private mutating func group(depth: Int, end: Int) -> String {
    let close = groupEnd(index, end)
    let start = index + 1
    index = start
    defer { index = min(close + 1, end) }
    if start >= close { return "" }
    if scalars[start] == "\\" {
      // `{\em text}` and friends.
      var cursor = start + 1
      while cursor < close, Self.isLetter(scalars[cursor]) { cursor += 1 }
      let name = raw(start + 1, cursor)
      if let markup = LaTeXSymbols.switches[name] {
        index = cursor
        while index < close, scalars[index] == " " { index += 1 }
        return markup.open + run(depth: depth + 1, end: close) + markup.close
      }
      if depth == 0 && caseProtection && (name.isEmpty || LaTeXSymbols.symbols[name] == nil)
        && LaTeXSymbols.accents[name] == nil && LaTeXSymbols.accents[raw(start + 1, start + 2)] == nil
        && LaTeXSymbols.formatting[name] == nil
      {
        // `{\foo …}` with an unknown command: keep it verbatim.
        return "{" + run(depth: depth + 1, end: close) + "}"
      }
      return run(depth: depth + 1, end: close)
    }
    let inner = run(depth: depth + 1, end: close)
    if depth == 0 && caseProtection { return LaTeXSymbols.nocaseOpen + inner + "</span>" }
    return inner
  }

  /// The argument of an accent or formatting command: a group or one character.
  private mutating func argument(depth: Int, end: Int) -> String {
    while index < end, scalars[index] == " " { index += 1 }
    guard index < end else { return "" }
    if scalars[index] == "{" {
      let close = groupEnd(index, end)
      index += 1
      let inner = run(depth: depth + 1, end: close)
      index = min(close + 1, end)
      return inner
    }
    if scalars[index] == "\\" { return command(depth: depth + 1, end: end) }
    let scalar = scalars[index]
    index += 1
    return String(Character(scalar))
  }

  private mutating func command(depth: Int, end: Int) -> String {
    let start = index
    if depth > Self.maximumDepth {
      index = end
      return raw(start, end)
    }
    index += 1
    guard index < end else { return "\\" }
    let first = scalars[index]
    if !Self.isLetter(first) {
      index += 1
      switch first {
      case "&", "%", "$", "#", "_", "{", "}": return String(Character(first))
      case " ", "\n": return " "
      case ",": return "\u{2009}"
      case "-", "/": return ""
      case "\\": return String(Character(Self.lineBreak))
      default:
        if let mark = LaTeXSymbols.accents[String(Character(first))] { return accent(mark, depth: depth, end: end) }
        return raw(start, index)
      }
    }
    while index < end, Self.isLetter(scalars[index]) { index += 1 }
    let name = raw(start + 1, index)
    if let mark = LaTeXSymbols.accents[name], name.count == 1 { return accent(mark, depth: depth, end: end) }
    if let symbol = LaTeXSymbols.symbols[name] {
      skipControlWordSpace(end: end)
      return symbol
    }
    if let markup = LaTeXSymbols.formatting[name] {
      while index < end, scalars[index] == " " { index += 1 }
      guard index < end, scalars[index] == "{" else { return raw(start, index) }
      let close = groupEnd(index, end)
      index += 1
      let inner = run(depth: depth + 1, end: close)
      index = min(close + 1, end)
      return markup.open + inner + markup.close
    }
    if name == "url" || name == "path" || name == "nolinkurl", index < end, scalars[index] == "{" {
      let close = groupEnd(index, end)
      let inner = raw(index + 1, close)
      index = min(close + 1, end)
      return inner
    }
    // Unknown: keep the command and its brace arguments verbatim.
    while index < end, scalars[index] == "{" {
      index = min(groupEnd(index, end) + 1, end)
    }
    return raw(start, index)
  }

  /// After a control word: skips spaces, or one empty group `{}`.
  private mutating func skipControlWordSpace(end: Int) {
    if index + 1 < end, scalars[index] == "{", scalars[index + 1] == "}" {
      index += 2
      return
    }
    while index < end, scalars[index] == " " || scalars[index] == "\n" { index += 1 }
  }

  private mutating func accent(_ mark: Unicode.Scalar, depth: Int, end: Int) -> String {
    var base = argument(depth: depth, end: end)
    if base == "ı" { base = "i" }
    if base == "ȷ" { base = "j" }
    composed = true
    guard !base.isEmpty else { return String(Character(mark)) }
    var view = base.unicodeScalars
    // The mark goes on the first character of the argument.
    if let first = view.first {
      var rest = view
      rest.removeFirst()
      view = String.UnicodeScalarView([first, mark]) + rest
    }
    return String(view)
  }
}

extension String.UnicodeScalarView {
  fileprivate static func + (lhs: String.UnicodeScalarView, rhs: String.UnicodeScalarView) -> String.UnicodeScalarView {
    var result = lhs
    result.append(contentsOf: rhs)
    return result
  }
}
