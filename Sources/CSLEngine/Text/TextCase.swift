import CSLStyle

/// Applies `text-case` across the text leaves of a tree (skipping `nocase` spans), keeping
/// track of word boundaries between leaves.
struct TextCaser {
  let textCase: CSL.TextCase
  /// Title case applies to English items only.
  let english: Bool
  /// Turkish and Azerbaijani dotted/dotless i.
  var turkic = false
  /// Plain ASCII text is cased on its bytes; false sends every text through the character
  /// paths (tests compare the two).
  var asciiPaths = true
  private var atStart = true
  private var afterSpace = true
  private var afterColon = false
  /// The text opens with straight quotation marks written in the data: citeproc-js leaves the
  /// first word inside them uncapitalized ("\"big\" idea" → "“big” Idea").
  private var leadingQuote = false

  init(_ textCase: CSL.TextCase, english: Bool) {
    self.textCase = textCase
    self.english = english
  }

  static let stopWords: Set<String> = [
    "a", "an", "and", "as", "at", "but", "by", "down", "for", "from", "in", "into", "nor", "of", "on",
    "onto", "or", "over", "so", "the", "till", "to", "up", "via", "with", "yet", "about", "above",
    "across", "after", "against", "along", "amid", "among", "around", "before", "behind", "below",
    "beneath", "beside", "between", "beyond", "circa", "despite", "during", "except", "inside", "like",
    "near", "next", "off", "out", "per", "plus", "since", "than", "through", "toward", "towards", "under",
    "underneath", "until", "unto", "upon", "versus", "vs.", "v.", "vs", "v", "within", "without",
    "de", "d'", "d\u{2019}", "von", "van", "et", "ca", "c",
  ]
  /// Character offset (over text leaves) where the last word starts.
  private var lastWordStart = Int.max
  private var offset = 0

  /// Applies the case to a whole tree (the entry point: it finds the last word first).
  mutating func applyAll(_ node: Node) -> Node {
    // Title case leaves every text of a non-English item as it is (`transform`): no word
    // needs finding. (Walking the item's title character by character cost a fifth of
    // casing all titles.)
    if textCase == .title && !english { return node }
    let text = Self.leafText(node)
    if asciiPaths, text.isPlainASCII {
      // One byte per character: the last word is found on the bytes.
      var position = text.utf8.count
      for byte in text.utf8.reversed() {
        if Self.isASCIIBoundary(byte) { break }
        position -= 1
      }
      lastWordStart = position
    } else {
      var position = text.count
      let characters = Array(text)
      while position > 0 && !Self.isBoundary(characters[position - 1]) { position -= 1 }
      lastWordStart = position
    }
    offset = 0
    return apply(node)
  }

  static func isBoundary(_ character: Character) -> Bool {
    // A lone ASCII scalar (or CR LF) is read from its byte; no other character is "-" or "/".
    if let byte = character.asciiValue { return isASCIIBoundary(byte) }
    return character.isWhitespace || character == "\u{2014}" || character == "\u{2013}"
  }

  /// `Character.isWhitespace` for ASCII: tab, line feed, vertical tab, form feed, return, space.
  static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  /// `isBoundary` for ASCII.
  static func isASCIIBoundary(_ byte: UInt8) -> Bool {
    isASCIIWhitespace(byte) || byte == 0x2D || byte == 0x2F
  }

  static func leafText(_ node: Node) -> String {
    switch node {
    case .text(let text): return text
    case .styled(_, let children), .quoted(let children), .nocase(let children), .display(_, let children),
      .tagged(_, let children), .sequence(let children), .link(_, let children):
      return children.map(leafText).joined()
    }
  }

  mutating func apply(_ node: Node) -> Node {
    switch node {
    case .styled(let style, _) where style == .smallCaps || style == .superscript || style == .subscript:
      skip(Self.leafText(node))
      return node
    case .text(let text): return .text(transform(text))
    case .nocase:
      // Nocase text still moves word boundaries forward.
      skip(Self.leafText(node))
      return node
    case .styled(let style, let children): return .styled(style, children.map { apply($0) })
    case .quoted(let children): return .quoted(children.map { apply($0) })
    case .tagged(.straightQuote, let children):
      if offset == 0 { leadingQuote = true }
      return .tagged(.straightQuote, children.map { apply($0) })
    case .display(let display, let children): return .display(display, children.map { apply($0) })
    case .tagged(let tag, let children): return .tagged(tag, children.map { apply($0) })
    case .sequence(let children): return .sequence(children.map { apply($0) })
    case .link(let url, let children): return .link(url, children.map { apply($0) })
    }
  }

  private mutating func skip(_ text: String) {
    if asciiPaths, text.isPlainASCII {
      for byte in text.utf8 { advance(byte: byte) }
      return
    }
    for character in text { advance(character) }
  }

  /// `advance` for an ASCII character.
  private mutating func advance(byte: UInt8) {
    offset += 1
    if Self.isASCIIBoundary(byte) {
      afterSpace = true
    } else {
      if byte == 0x3A || byte == 0x3F || byte == 0x21 {
        afterColon = true
      } else if byte.isASCIIAlphanumeric {
        afterColon = false; atStart = false
      }
      afterSpace = false
    }
  }

  private mutating func advance(_ character: Character) {
    if let byte = character.asciiValue { return advance(byte: byte) }
    offset += 1
    if character.isWhitespace || character == "-" || character == "/" {
      afterSpace = true
    } else {
      if character == ":" || character == "?" || character == "!" {
        afterColon = true
      } else if character.isLetter || character.isNumber {
        afterColon = false; atStart = false
      }
      afterSpace = false
    }
  }

  private mutating func transform(_ text: String) -> String {
    switch textCase {
    case .lowercase:
      skip(text)
      return Self.lower(text, turkic: turkic)
    case .uppercase:
      skip(text)
      return Self.upper(text, turkic: turkic)
    case .capitalizeFirst:
      return firstLetterUpper(text, lowerRest: false)
    case .capitalizeAll:
      let turkic = turkic
      // Turkic "i" takes a capital of two bytes: no byte path then.
      return casedWords(text, ascii: turkic ? nil : .capitalizeAll) { word, _, _, _ in
        Self.capitalized(word, turkic: turkic)
      }
    case .sentence:
      // citeproc-js: the first letter upper case, the rest lower case (nocase spans kept).
      return firstLetterUpper(text, lowerRest: true)
    case .title:
      guard english else { skip(text); return text }
      return casedWords(text, ascii: .title) { word, first, afterColon, last in
        let lower = word.lowercased()
        if word != lower {
          // Mixed or upper case stays, but a first word's lower-case letter run before an
          // apostrophe takes its capital ("o’Brien" → "O’Brien"), as in citeproc-js.
          let opensLower = first && (word.first?.isLowercase ?? false)
          return opensLower && !Self.hasInnerCapital(word.dropFirst()) ? Self.capitalized(word) : word
        }
        let core = Self.core(lower)
        if !first && !afterColon && !last && Self.stopWords.contains(core) { return word }
        // A one-letter word inside a title is a symbol or a stop word ("e-commerce", "vitamin c",
        // "evidence a"): only the first word and a word after a colon get a capital.
        if core.count == 1 && !first && !afterColon { return word }
        return Self.capitalized(word)
      }
    }
  }

  /// Upper-cases the first letter (of the field, carried across calls by `atStart`) and keeps
  /// the rest (`capitalize-first`) or lower-cases it (`sentence`). Plain ASCII takes a byte path.
  private mutating func firstLetterUpper(_ text: String, lowerRest: Bool) -> String {
    if leadingQuote { atStart = false }
    leadingQuote = false
    var result = ""
    if !turkic, asciiPaths, text.isPlainASCII {
      // Cased byte by byte into bytes, made a string once (appending scalars one by one to a
      // string cost several hundred instructions each).
      let bytes = Array(text.utf8)
      var cased = bytes
      for (index, byte) in bytes.enumerated() {
        let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        if atStart, isLetter {
          let keep = lowerRest ? false : Self.hasInnerCapital(bytes[(index + 1)...])
          cased[index] = (0x61...0x7A).contains(byte) && !keep ? byte - 0x20 : byte
          atStart = false
        } else if lowerRest, (0x41...0x5A).contains(byte) {
          cased[index] = byte + 0x20
        }
        advance(byte: byte)
      }
      return String(decoding: cased, as: UTF8.self)
    }
    let characters = Array(text)
    for (index, character) in characters.enumerated() {
      if atStart, character.isLetter {
        let keep = !lowerRest && Self.hasInnerCapital(characters[(index + 1)...])
        result += keep ? String(character) : Self.upper(String(character), turkic: turkic)
        atStart = false
      } else if lowerRest {
        result += Self.lower(String(character), turkic: turkic)
      } else {
        result.append(character)
      }
      advance(character)
    }
    return result
  }

  /// A word written in mixed case ("mRNA", "iPhone", "pH"): a capital among the letters that
  /// follow its first. citeproc-js leaves such a word alone in capitalize-first and
  /// capitalize-all; the run of letters ends at anything else ("o’Brien" is capitalized).
  static func hasInnerCapital<Bytes: Sequence<UInt8>>(_ rest: Bytes) -> Bool {
    for byte in rest {
      if (0x41...0x5A).contains(byte) { return true }
      if !(0x61...0x7A).contains(byte) { return false }
    }
    return false
  }

  static func hasInnerCapital<Letters: Sequence<Character>>(_ rest: Letters) -> Bool {
    for character in rest {
      guard character.isLetter else { return false }
      // The Unicode property, not `isUppercase` (true for caseless letters such as "ᵒ").
      if character.unicodeScalars.first?.properties.isUppercase ?? false { return true }
    }
    return false
  }

  /// Upper case; in Turkish and Azerbaijani "i" has a dotted capital ("İ").
  static func upper(_ text: String, turkic: Bool) -> String {
    (turkic ? text.replacingAll("i", with: "\u{0130}") : text).uppercased()
  }

  /// Lower case; in Turkish and Azerbaijani "I" has a dotless small letter ("ı").
  static func lower(_ text: String, turkic: Bool) -> String {
    (turkic ? text.replacingAll("I", with: "\u{0131}") : text).lowercased()
  }

  static func capitalized(_ word: String, turkic: Bool = false) -> String {
    if !turkic, let cased = capitalizedASCII(word) { return cased }
    return capitalizedCharacters(word, turkic: turkic)
  }

  /// `capitalized`, character by character (any text; the reference for the ASCII path).
  static func capitalizedCharacters(_ word: String, turkic: Bool = false) -> String {
    // An opening bracket or quote stays in front of the capital ("(Gadus", "“Party").
    if let first = word.first, "([{\"'\u{201C}\u{2018}".contains(first), word.count > 1 {
      return String(first) + capitalizedCharacters(String(word.dropFirst()), turkic: turkic)
    }
    guard let first = word.first, first.isLetter else { return word }
    // A lone Greek letter is a symbol in a scientific title (β-carotine stays), as in citeproc-js.
    if word.count == 1, let scalar = first.unicodeScalars.first, (0x0370...0x03FF).contains(scalar.value) {
      return word
    }
    if hasInnerCapital(word.dropFirst()) { return word }
    return upper(String(first), turkic: turkic) + word.dropFirst()
  }

  /// A word without the punctuation that clings to it ("from:" → "from", "(and" → "and"),
  /// so stop words are recognised next to colons, commas and brackets.
  static func core(_ word: String) -> String {
    coreASCII(word) ?? coreCharacters(word)
  }

  /// `core`, character by character (any text; the reference for the ASCII path).
  static func coreCharacters(_ word: String) -> String {
    guard let first = word.first, let last = word.last, !(first.isLetter && last.isLetter) else { return word }
    let trimmed = word.drop { !$0.isLetter }.reversed().drop { !$0.isLetter && $0 != "." && $0 != "'" }
    return String(trimmed.reversed())
  }

  /// `words`, leaving the first word alone when the text opens with straight quotation marks
  /// (see `leadingQuote`); plain ASCII is changed on its bytes (`asciiWords`) when the change
  /// has a byte form.
  private mutating func casedWords(
    _ text: String, ascii: ASCIIWordChange?, _ change: (String, Bool, Bool, Bool) -> String
  ) -> String {
    var leave = leadingQuote
    leadingQuote = false
    if let ascii, asciiPaths, text.isPlainASCII { return asciiWords(text, ascii, leavingFirst: leave) }
    let byteChange = asciiPaths ? ascii : nil
    return words(text) { word, first, afterColon, last in
      if leave {
        leave = false
        return word
      }
      // A word of plain ASCII in a text that is not (a title with an accented name or a
      // curly quote) is changed on its bytes too: lower-cased, trimmed and looked up as a
      // string, each word cost more than the text's characters.
      if let byteChange, word.isPlainASCII {
        return Self.changedASCIIWord(word, byteChange, first: first, afterColon: afterColon, last: last)
      }
      return change(word, first, afterColon, last)
    }
  }

  /// One word of plain ASCII changed on its bytes (`titleASCIIWord`, `capitalizeASCIIWord`).
  static func changedASCIIWord(
    _ word: String, _ change: ASCIIWordChange, first: Bool, afterColon: Bool, last: Bool
  ) -> String {
    var bytes = Array(word.utf8)
    bytes.withUnsafeMutableBufferPointer { buffer in
      change.apply(to: buffer, 0..<buffer.count, first: first, afterColon: afterColon, last: last)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `words` for plain ASCII: each word changed in place on the text's bytes, the first left
  /// alone when `leavingFirst`. (Through closures, with the flag in a box, the byte path cost
  /// twice what the words themselves did.)
  private mutating func asciiWords(_ text: String, _ change: ASCIIWordChange, leavingFirst: Bool) -> String {
    let lastStart = lastWordStart
    var leave = leavingFirst
    // The word state in locals, stored back at the end (`advance(byte:)` step by step).
    var (atStart, afterSpace, afterColon, offset) = (self.atStart, self.afterSpace, self.afterColon, self.offset)
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBufferPointer { buffer in
      var wordStart = 0
      var wordFirst = false
      var wordAfterColon = false
      var wordOffset = 0
      var inWord = false
      var index = 0
      while index <= buffer.count {
        let byte = index < buffer.count ? buffer[index] : 0x20
        if Self.isASCIIBoundary(byte) {
          if inWord {
            inWord = false
            if leave {
              leave = false
            } else {
              change.apply(
                to: buffer, wordStart..<index, first: wordFirst, afterColon: wordAfterColon,
                last: wordOffset >= lastStart)
            }
          }
          if index == buffer.count { break }
          afterSpace = true
        } else {
          if !inWord {
            inWord = true
            wordStart = index
            wordFirst = atStart
            wordAfterColon = afterColon
            wordOffset = offset
          }
          if byte == 0x3A || byte == 0x3F || byte == 0x21 {
            afterColon = true
          } else if byte.isASCIIAlphanumeric {
            afterColon = false
            atStart = false
          }
          afterSpace = false
        }
        offset += 1
        index += 1
      }
    }
    (self.atStart, self.afterSpace, self.afterColon, self.offset) = (atStart, afterSpace, afterColon, offset)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Splits text into words and separators and transforms each word as a string. Read on the
  /// text's UTF-8 by offset: a lone ASCII character (not a carriage return, not followed by a
  /// byte of a longer character) from its byte, any other character from the string at the
  /// offset the bytes reached; the result gathered as bytes. (Stepping string indices and
  /// appending substrings cost some 450 instructions a character, a fifth of casing titles
  /// that hold an accented letter or a curly quote.)
  private mutating func words(_ text: String, _ change: (String, Bool, Bool, Bool) -> String) -> String {
    let lastStart = lastWordStart
    let utf8 = text.utf8
    let bytes = Array(utf8)
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + 8)
    var wordFirst = atStart
    var wordAfterColon = afterColon
    var wordOffset = offset
    var runStart = 0
    var inWord = false
    var position = 0
    func flush(upTo end: Int, into result: inout [UInt8]) {
      let word = String(decoding: bytes[runStart..<end], as: UTF8.self)
      result.append(utf8: change(word, wordFirst, wordAfterColon, wordOffset >= lastStart))
    }
    while position < bytes.count {
      let byte = bytes[position]
      let lone =
        asciiPaths && byte < 0x80 && byte != 0x0D && (position + 1 == bytes.count || bytes[position + 1] < 0x80)
      var next = position + 1
      let boundary: Bool
      var character: Character?
      if lone {
        boundary = Self.isASCIIBoundary(byte)
      } else {
        let index = utf8.index(utf8.startIndex, offsetBy: position)
        let read = text[index]
        next = utf8.distance(from: utf8.startIndex, to: text.index(after: index))
        boundary = Self.isBoundary(read)
        character = read
      }
      if boundary == inWord {
        if inWord {
          flush(upTo: position, into: &result)
        } else {
          result.append(contentsOf: bytes[runStart..<position])
        }
        runStart = position
        inWord = !boundary
        if inWord {
          wordFirst = atStart
          wordAfterColon = afterColon
          wordOffset = offset
        }
      }
      if let character { advance(character) } else { advance(byte: byte) }
      position = next
    }
    if inWord {
      flush(upTo: position, into: &result)
    } else {
      result.append(contentsOf: bytes[runStart..<position])
    }
    return String(decoding: result, as: UTF8.self)
  }
}
