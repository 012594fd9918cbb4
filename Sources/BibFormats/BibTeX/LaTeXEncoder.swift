import Foundation

/// Writes Unicode text with CSL rich-text markup as BibTeX field text: the inverse of
/// `LaTeXDecoder`. In `ascii` mode accented letters and symbols become LaTeX commands
/// (`ü` → `{\"u}`, `ß` → `{\ss}`, `–` → `--`); otherwise UTF-8 is written as is and only
/// BibTeX's special characters are escaped.
struct LaTeXEncoder: Sendable {
  var ascii: Bool

  init(ascii: Bool = false) {
    self.ascii = ascii
  }

  private static let tags: [(tag: String, open: String, close: String?)] = [
    ("<i>", "\\textit{", nil), ("<b>", "\\textbf{", nil), ("<sup>", "\\textsuperscript{", nil),
    ("<sub>", "\\textsubscript{", nil), (LaTeXSymbols.nocaseOpen, "{", nil),
    (LaTeXSymbols.smallCapsOpen, "\\textsc{", nil), (LaTeXSymbols.noDecorationOpen, "\\textup{", nil),
    ("</i>", "}", "i"), ("</b>", "}", "b"), ("</sup>", "}", "sup"), ("</sub>", "}", "sub"), ("</span>", "}", "span"),
  ]

  private static func closeName(_ tag: String) -> String {
    if tag.hasPrefix("<span") { return "span" }
    return String(tag.dropFirst().dropLast())
  }

  /// Encodes a field value. Markup is written as LaTeX only when `markup` is true.
  func encode(_ text: String, caseProtection: Bool, markup: Bool = true) -> String {
    // Most values (names, numbers, plain titles) have nothing to escape: they are written as
    // they are without their scalars being gathered one by one.
    if text.utf8.withContiguousStorageIfAvailable(leavesAsIs) == true { return text }
    return encodeByScalars(text, markup: markup)
  }

  /// Whether `encodeByScalars` gives the text back unchanged: no byte BibTeX or the markup
  /// treats specially, no doubled dash or quote (written apart with `{}`), and nothing outside
  /// ASCII in ASCII mode, no no-break space and no en or em dash otherwise.
  func leavesAsIs(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    for byte in bytes {
      switch byte {
      case 0x3C, 0x24, 0x5C, 0x7B, 0x7D, 0x26, 0x25, 0x23, 0x5F, 0x7E, 0x5E, 0x0A: return false
      case 0x2D, 0x60, 0x27: if previous == byte { return false }
      case 0x80...:
        if ascii { return false }
        if byte == 0xA0 && previous == 0xC2 { return false }
        if (byte == 0x93 || byte == 0x94) && previous == 0x80 && beforePrevious == 0xE2 { return false }
      default: break
      }
      beforePrevious = previous
      previous = byte
    }
    return true
  }

  /// Encodes a field value scalar by scalar (every value `leavesAsIs` does not pass).
  func encodeByScalars(_ text: String, markup: Bool = true) -> String {
    // Scalars, not Characters: "}" followed by a combining mark is one Character but must
    // still be escaped. ASCII output works on the precomposed (NFC) form.
    let characters = Array((ascii ? text.precomposedStringWithCanonicalMapping : text).unicodeScalars)
    var output = ""
    output.reserveCapacity(text.utf8.count + 8)
    var stack: [String] = []
    let dollars = characters.filter { $0 == "$" }.count
    let mathPairs = dollars > 0 && dollars % 2 == 0
    var index = 0
    while index < characters.count {
      let character = characters[index]
      switch character {
      case "<" where markup:
        var matched = false
        for entry in Self.tags where Self.hasPrefix(characters, index, entry.tag) {
          if let close = entry.close {
            guard stack.last == close else { continue }
            stack.removeLast()
          } else {
            stack.append(Self.closeName(entry.tag))
          }
          output += entry.open
          index += entry.tag.unicodeScalars.count
          matched = true
          break
        }
        if !matched {
          output += "<"
          index += 1
        }
        continue
      case "$" where mathPairs:
        var close = index + 1
        while close < characters.count, characters[close] != "$" { close += 1 }
        output.unicodeScalars.appendEach(characters[index...min(close, characters.count - 1)])
        index = close + 1
        continue
      case "\\":
        // A command kept verbatim by the decoder: `\foo{…}`.
        var end = index + 1
        while end < characters.count, characters[end].isASCII, characters[end].properties.isAlphabetic { end += 1 }
        if end > index + 1 {
          let name = String(String.UnicodeScalarView(characters[(index + 1)..<end]))
          if LaTeXSymbols.symbols[name] == nil && LaTeXSymbols.formatting[name] == nil
            && LaTeXSymbols.accents[name] == nil && !["url", "path", "nolinkurl"].contains(name)
          {
            output += "\\" + name
            index = end
            while index < characters.count, characters[index] == "{",
              let close = Self.groupEnd(characters, index)
            {
              output.unicodeScalars.appendEach(characters[index...close])
              index = close + 1
            }
            continue
          }
        }
        output += "\\textbackslash{}"
      case "{": output += "\\{"
      case "}": output += "\\}"
      case "&", "%", "#", "_": output += "\\" + String(Character(character))
      case "$": output += "\\$"
      case "~": output += "\\textasciitilde{}"
      case "^": output += "\\textasciicircum{}"
      case "\u{00A0}": output += "~"
      case "\n":
        // Two newlines are a blank line (a paragraph); others are `\\` line breaks.
        var count = 0
        while index < characters.count, characters[index] == "\n" {
          count += 1
          index += 1
        }
        output += count == 2 ? "\n\n" : String(repeating: "\\\\\n", count: count)
        continue
      case "-", "–", "—":
        output += character == "-" ? "-" : character == "–" ? "--" : "---"
        // Keep dashes apart so `--`/`---` ligatures read back as what was written.
        if index + 1 < characters.count, ["-", "–", "—"].contains(characters[index + 1]) { output += "{}" }
      case "`", "'":
        output.unicodeScalars.append(character)
        if index + 1 < characters.count, characters[index + 1] == character { output += "{}" }
      default:
        if ascii && !character.isASCII {
          output += asciiForm(Character(character))
        } else {
          output.unicodeScalars.append(character)
        }
      }
      index += 1
    }
    for _ in stack { output += "}" }
    return output
  }

  private static func hasPrefix(_ characters: [Unicode.Scalar], _ index: Int, _ prefix: String) -> Bool {
    var cursor = index
    for character in prefix.unicodeScalars {
      guard cursor < characters.count, characters[cursor] == character else { return false }
      cursor += 1
    }
    return true
  }

  private static func groupEnd(_ characters: [Unicode.Scalar], _ open: Int) -> Int? {
    var depth = 0
    var cursor = open
    while cursor < characters.count {
      if characters[cursor] == "\\" {
        cursor += 2
        continue
      }
      if characters[cursor] == "{" { depth += 1 }
      if characters[cursor] == "}" {
        depth -= 1
        if depth == 0 { return cursor }
      }
      cursor += 1
    }
    return nil
  }

  /// `ü` → `{\"u}`, `ç` → `{\c{c}}`, `ß` → `{\ss}`; characters without a LaTeX form stay.
  private func asciiForm(_ character: Character) -> String {
    if let command = LaTeXSymbols.symbolCommands[character] { return "{\\" + command + "}" }
    let decomposed = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
    guard let base = decomposed.first, base.isASCII, decomposed.count > 1 else { return String(character) }
    var text = String(Character(base))
    if text == "i" { text = "\\i" }
    if text == "j" { text = "\\j" }
    for mark in decomposed.dropFirst() {
      guard let command = LaTeXSymbols.accentCommands[mark] else { return String(character) }
      let isLetterCommand = command.first?.isLetter ?? false
      text =
        isLetterCommand
        ? "\\" + command + "{" + text + "}" : "\\" + command + (text.count == 1 ? text : "{" + text + "}")
    }
    return "{" + text + "}"
  }
}
