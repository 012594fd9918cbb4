import Testing

@testable import CSLEngine

/// The serializer's byte-level shortcuts answer exactly as the character-level work they skip:
/// escaping straight into bytes writes what `escape` returns, and the punctuation merge reads
/// the same characters from the bytes as from the string's characters.
@Suite struct SerializerFastPathTests {
  /// Texts around every branch: plain ASCII, characters to escape, white space in pairs (ASCII
  /// and not), non-ASCII text, superscripts, combining marks, CR LF, and texts longer than a
  /// small string.
  static let texts: [String] = [
    "", "a", "plain text", "a & b", "<i>x</i>", "it's", "\"quoted\"", "two  spaces", "tab\t\tend", "line\r\nbreak",
    "x\u{A0}\u{A0}y", "x \u{A0}y", "caf\u{E9}", "x\u{B2}", "H\u{2082}O", "\u{201C}Title,\u{201D}",
    "a long ASCII text with nothing to escape at all", "a long text with <markup> & an ampersand in it",
    "a long text with  two spaces somewhere in the middle", "\u{4E2D}\u{6587}\u{6807}\u{9898}", ".", "..", ". ",
    " .", "e\u{301}.", ".\u{301}", "\u{600}.", "x\u{200D}.", "\u{1F1E6}\u{1F1E8}.", "\r\n", "x\r\n", "\r\nx",
    "\u{1100}\u{1161}.", "end.", "end:", "; next", "\u{E9}.", ".\u{E9}", String(repeating: "ab.", count: 20),
    String(repeating: "\u{E9}", count: 20) + ".",
  ]

  /// 20,000 texts, each of `pieceCounts` pieces drawn from `pieces` (seeded, so a failure can
  /// be replayed).
  static func generatedTexts(from pieces: [String], pieceCounts: ClosedRange<Int>, seed: UInt64) -> [String] {
    var generator = TextCaserTests.SplitMix(state: seed)
    return (0..<20_000).map { _ in
      (0..<Int.random(in: pieceCounts, using: &generator)).map { _ in
        pieces.randomElement(using: &generator) ?? "a"
      }.joined()
    }
  }

  @Test func htmlEscapesIntoBytesAsEscapeReturns() {
    for format in [HTMLFormat(), HTMLFormat(linkURLs: true, escapeQuotes: false)] {
      for text in Self.texts {
        var bytes: [UInt8] = [0x41]
        format.appendEscaped(text, to: &bytes)
        #expect(bytes == [0x41] + Array(format.escape(text).utf8), "\(text.debugDescription)")
      }
    }
  }

  /// Generated texts in any script: copied as they are only when `escape` leaves them so,
  /// and escaped as `escape` does otherwise.
  @Test func generatedTextsInAnyScriptEscapeAsEscapeReturns() {
    let pieces = [
      "a", "Ab", " ", "\t", "&", "<", ">", "\"", "'", "\u{A0}", "\u{3000}", "\u{2009}", "\u{FEFF}", "\u{4E2D}\u{6587}",
      "\u{E9}", "e\u{301}", "\u{AA}", "\u{B2}", "\u{1D43}", "\u{2122}", "\u{3192}", "\u{1F600}", "\u{430}", "\r\n",
    ]
    var (copied, escaped) = (0, 0)
    for text in Self.generatedTexts(from: pieces, pieceCounts: 1...6, seed: 41) {
      let asIs = Array(text.utf8).withUnsafeBufferPointer(HTMLFormat.leavesAsIs)
      for format in [HTMLFormat(), HTMLFormat(linkURLs: true, escapeQuotes: false)] {
        if asIs { #expect(format.escape(text) == text, "\(text.debugDescription)") }
        var bytes: [UInt8] = []
        format.appendEscaped(text, to: &bytes)
        #expect(bytes == Array(format.escape(text).utf8), "\(text.debugDescription)")
      }
      if asIs { copied += 1 } else { escaped += 1 }
    }
    // Both answers occur. (The check may refuse a text `escape` leaves as it is, a no-break
    // space before a space, which pairing writes as it was: such a text is escaped.)
    #expect(copied > 2_000 && escaped > 2_000, "\(copied) copied as they are, \(escaped) escaped")
  }

  /// Read eight bytes at a time, the check answers as read byte by byte: generated texts of
  /// words, spaces (single and paired, at every alignment), characters to escape, control
  /// characters and other scripts.
  @Test func wordsAtATimeAnswerAsBytesDo() {
    let pieces = [
      "title", "A", "b", " ", " ", "  ", "&", "<", ">", "\"", "'", "\t", "\n", "\u{7F}", "\u{E9}", "\u{A0}",
      "\u{4E2D}", "\u{B2}", "1999", "-", ".", ",",
    ]
    var (kept, refused) = (0, 0)
    for text in Self.generatedTexts(from: pieces, pieceCounts: 1...24, seed: 43) {
      let bytes = Array(text.utf8)
      for start in 0..<min(8, bytes.count) {
        let (byWords, byBytes) = bytes[start...].withUnsafeBufferPointer {
          (HTMLFormat.leavesAsIs($0, byWords: true), HTMLFormat.leavesAsIs($0, byWords: false))
        }
        #expect(byWords == byBytes, "\(text.debugDescription) from byte \(start)")
        if byBytes { kept += 1 } else { refused += 1 }
      }
    }
    #expect(kept > 10_000 && refused > 10_000, "\(kept) kept, \(refused) refused")
  }

  @Test func otherFormatsEscapeIntoBytesAsEscapeReturns() {
    let formats: [any OutputFormat] = [PlainTextFormat(), MarkdownFormat()]
    for format in formats {
      for text in Self.texts {
        var bytes: [UInt8] = []
        format.appendEscaped(text, to: &bytes)
        #expect(bytes == Array(format.escape(text).utf8), "\(text.debugDescription)")
      }
    }
  }

  /// Replacing a character answers as replacing each equal character does, with or without
  /// the byte-level shortcut (a character that holds the byte with a mark is another).
  @Test func replacingACharacterMatchesReplacingCharacters() {
    for text in Self.texts + ["a.b.c", "no dots here", ".\u{301}x", "s.v."] {
      for target: Character in [".", " ", "'", "\r\n", "\u{E9}"] {
        let expected = text.map { $0 == target ? "-" : String($0) }.joined()
        #expect(text.replacingAll(target, with: "-") == expected, "\(text.debugDescription) \(target)")
      }
    }
  }

  @Test func edgeCharactersReadFromBytesAsFromCharacters() {
    for text in Self.texts {
      #expect(Serializer.lastASCIICharacter(text) == text.last?.asciiValue, "last of \(text.debugDescription)")
      #expect(Serializer.firstASCIICharacter(text) == text.first?.asciiValue, "first of \(text.debugDescription)")
    }
  }
}

/// An affix told plain from its bytes is exactly the node the affix parse makes of it.
@Suite struct AffixFastPathTests {
  static let affixes: [String] =
    SerializerFastPathTests.texts + [
      ", ", ". ", "(", ")", " [", "]", "<sup>", "&amp;", "'s", "\"", "\u{00AB} ", " \u{00BB}", "\u{201C}", "\u{2018}x",
      "\u{300A}", "p.\u{00A0}", "x>y", "a;b", String(repeating: ", ", count: 12),
    ]

  @Test func aPlainAffixIsItsOwnText() {
    var plain = 0
    for affix in Self.affixes where Renderer.isPlainAffix(affix) {
      plain += 1
      #expect(Renderer.affix(affix) == .text(affix), "\(affix.debugDescription)")
    }
    #expect(plain >= 10, "the fast path is taken")
    for affix in ["<i>x</i>", "&amp;", "it's", "\"q\"", "\u{00AB} x", "\u{201C}x"] {
      #expect(!Renderer.isPlainAffix(affix), "\(affix.debugDescription)")
    }
  }
}
