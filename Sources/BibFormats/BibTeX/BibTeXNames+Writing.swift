import BibModel

/// Writing names: the classic form when it reads back the same, else BibLaTeX's extended one.
extension BibTeXNames {
  static func needsBraces(_ text: String) -> Bool {
    if let answer = text.utf8.withContiguousStorageIfAvailable(asciiNeedsBraces), let answer { return answer }
    return needsBracesByCharacters(text)
  }

  /// `needsBraces`, for any text.
  static func needsBracesByCharacters(_ text: String) -> Bool {
    // A text without the bytes of " ", "," and "=" holds none of them: searching it for each
    // (some 2,000 instructions a search) is for the texts that have one of the bytes.
    let mayHold = text.utf8.contains { $0 == 0x20 || $0 == 0x2C || $0 == 0x3D }
    return (mayHold && (text.contains(" ") || text.contains(","))) || text.lowercased() == "and"
      || text.first.map { !$0.isUppercase } ?? false
      || (mayHold && text.contains("="))
  }

  /// `needsBraces` read from the bytes of ASCII text (each byte a character, CR LF aside,
  /// which is neither upper case nor any byte tested), nil for other text. Searching the text
  /// for " " through Foundation cost some 4,000 instructions a call.
  private static func asciiNeedsBraces(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard ByteWord.isASCII(bytes) else { return wordNeedsBraces(bytes) }
    if bytes.contains(where: { $0 == 0x20 || $0 == 0x2C || $0 == 0x3D }) || isAnd(bytes) { return true }
    guard let first = bytes.first else { return false }
    return !(0x41...0x5A).contains(first)
  }

  /// `needsBraces` for a text beyond ASCII without a space, comma or equals sign byte whose
  /// first two bytes are ASCII (so its first character is the first byte): whether that byte
  /// is no upper-case letter; nil for any other text. No such text lower-cases to `and` (no
  /// scalar beyond ASCII but the Kelvin sign lower-cases into ASCII). Family names such as
  /// `Schröder` took the character reading: some 800 instructions a name.
  private static func wordNeedsBraces(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard bytes.count >= 2, bytes[0] < 0x80, bytes[1] < 0x80,
      !bytes.contains(where: { $0 == 0x20 || $0 == 0x2C || $0 == 0x3D })
    else { return nil }
    return !(0x41...0x5A).contains(bytes[0])
  }

  /// The three bytes `and` in any case.
  static func isAnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.count == 3 && bytes[0] | 0x20 == 0x61 && bytes[1] | 0x20 == 0x6E && bytes[2] | 0x20 == 0x64
  }
  /// Whether the bytes hold `and` (any case) anywhere: without it, no word of them is `and`.
  static func holdsAnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.count >= 3 && bytes.indices.dropLast(2).contains { isAnd(UnsafeBufferPointer(rebasing: bytes[$0..<$0 + 3])) }
  }

  private static func encode(_ text: String, _ latex: LaTeXEncoder) -> String {
    latex.encode(text, caseProtection: false)
  }

  /// Writes one name in the classic form when that reads back the same, else extended.
  static func write(_ name: Name, latex: LaTeXEncoder) -> String {
    var bytes: [UInt8] = []
    write(name, latex: latex, into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `write`, appended to `text` as UTF-8 (a list's names are written into one buffer: each
  /// name's pieces joined into strings of their own, then the names joined, cost some 3,000
  /// instructions a name).
  /// Returns whether the name was written `family, given` such that reading the list gives
  /// the name back as it is (`readsBackAsWritten`).
  @discardableResult
  static func write(_ name: Name, latex: LaTeXEncoder, into text: inout [UInt8]) -> Bool {
    if name.hasOnlyFamilyAndGiven, let family = name.family, let given = name.given,
      writePlain(family: family, given: given, latex: latex, into: &text)
    {
      return true
    }
    return writeInGeneral(name, latex: latex, into: &text)
  }

  /// `write` for any name, each question asked of the parts as strings (the reference for
  /// `writePlain`).
  @discardableResult
  static func writeInGeneral(_ name: Name, latex: LaTeXEncoder, into text: inout [UInt8]) -> Bool {
    if let literal = name.literal {
      // A name that is literally "others" is braced: bare `others` means et al. (`EtAl`).
      text.append(0x7B)
      text.append(utf8: encode(literal, latex))
      text.append(0x7D)
      return false
    }
    let family = name.family.map { encode($0, latex) } ?? ""
    let given = name.given.map { encode($0, latex) }
    let familyNeedsBraces = needsBraces(name.family ?? "")
    let bareFamily = name.given == nil && name.suffix == nil && name.nonDroppingParticle == nil && familyNeedsBraces
    if name.droppingParticle == nil, !family.isEmpty, !bareFamily,
      name.nonDroppingParticle.map({ particle in
        let list = words(particle)
        // (A word without the comma byte holds no comma: the search is for those that have it.)
        return !list.isEmpty
          && list.allSatisfy({ $0.first?.isLowercase ?? false && !($0.utf8.contains(0x2C) && $0.contains(",")) })
      }) ?? true
    {
      if let particle = name.nonDroppingParticle {
        text.append(utf8: encode(particle, latex))
        text.append(0x20)
      }
      appendBraced(family, if: familyNeedsBraces, to: &text)
      if let suffix = name.suffix {
        let suffixText = encode(suffix, latex)
        text.append(utf8: ", ")
        appendBraced(suffixText, if: needsComma(suffixText), to: &text)
        text.append(utf8: ", ")
        if let given { appendBraced(given, if: needsComma(given), to: &text) }
      } else if let given {
        text.append(utf8: ", ")
        let givenNeedsBraces = needsComma(given)
        appendBraced(given, if: givenNeedsBraces, to: &text)
        return !familyNeedsBraces && !givenNeedsBraces && readsBackAsWritten(name, family: family, given: given)
      }
      return false
    }
    var parts: [String] = []
    if let family = name.family { parts.append("family={" + encode(family, latex) + "}") }
    if let given = name.given { parts.append("given={" + encode(given, latex) + "}") }
    if let prefix = name.droppingParticle ?? name.nonDroppingParticle {
      parts.append("prefix={" + encode(prefix, latex) + "}")
      parts.append("useprefix=" + (name.droppingParticle == nil ? "true" : "false"))
    }
    if let suffix = name.suffix { parts.append("suffix={" + encode(suffix, latex) + "}") }
    for key in name.extra.keys.sorted() where key.hasPrefix("biblatex:") {
      if let value = name.extra[key]?.stringValue { parts.append(String(key.dropFirst(9)) + "=" + value) }
    }
    text.append(utf8: parts.joined(separator: ", "))
    return false
  }

  /// Writes a name of a family and a given part only as `family, given` when each part's
  /// bytes show that the general writing gives that, unbraced and encoded as it is, and that
  /// it reads back as itself (`readsBackAsWritten`); false, writing nothing, for any other.
  /// (The general writing asked each question of a string of its own: some 1,500 instructions
  /// of its 3,200 a name.)
  private static func writePlain(
    family: String, given: String, latex: LaTeXEncoder, into text: inout [UInt8]
  )
    -> Bool
  {
    let plainFamily = family.utf8.withContiguousStorageIfAvailable { bytes in
      asciiNeedsBraces(bytes) == false && latex.leavesAsIs(bytes) && readsAsItself(bytes, without: familyStops)
    }
    guard plainFamily == true else { return false }
    let plainGiven = given.utf8.withContiguousStorageIfAvailable { bytes in
      bytesNeedComma(bytes) == false && latex.leavesAsIs(bytes) && readsAsItself(bytes, without: givenStops)
    }
    guard plainGiven == true else { return false }
    text.append(utf8: family)
    text.append(0x2C)
    text.append(0x20)
    text.append(utf8: given)
    return true
  }

  /// Whether a name written `family, given` (neither braced) reads back as itself in a list:
  /// it has those two parts only, encoding left both as they are, and decoding does too (so
  /// neither has a blank at an end, a doubled blank, a brace, a backslash or a tilde: the
  /// family, unbraced, has no space, comma or `=`, nor is it `and`; the given, unbraced, has
  /// no comma or `=` at depth 0 and no `and` word). The list then splits at the `and`s
  /// between the names, and each reads as `parseFamilyCommaGiven` reads it: the name.
  private static func readsBackAsWritten(_ name: Name, family: String, given: String) -> Bool {
    // (The bytes are looked at too: beside a mark, a comma or `=` is no character of its own,
    // and the braces tests read characters there.)
    name.hasOnlyFamilyAndGiven && name.family == family && name.given == given
      && readsAsItself(family, without: familyStops) && readsAsItself(given, without: givenStops)
  }

  /// Whether the text decodes as itself (`LaTeXDecoder.readsAsItself`) and holds none of
  /// the bytes; false when its bytes are not contiguous.
  private static func readsAsItself(_ text: String, without stops: ASCIIByteSet) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { readsAsItself($0, without: stops) } ?? false
  }

  /// `readsAsItself` on the text's bytes.
  private static func readsAsItself(_ bytes: UnsafeBufferPointer<UInt8>, without stops: ASCIIByteSet) -> Bool {
    !bytes.contains(where: stops.contains) && LaTeXDecoder.readsAsItself(bytes)
  }

  private static let familyStops = ASCIIByteSet(0x20, 0x2C, 0x3D)
  private static let givenStops = ASCIIByteSet(0x2C, 0x3D)

  /// Appends `piece`, in braces when `braced`.
  private static func appendBraced(_ piece: String, if braced: Bool, to text: inout [UInt8]) {
    if braced { text.append(0x7B) }
    text.append(utf8: piece)
    if braced { text.append(0x7D) }
  }

  static func needsComma(_ text: String) -> Bool {
    if let answer = text.utf8.withContiguousStorageIfAvailable(bytesNeedComma), let answer { return answer }
    return needsCommaByCharacters(text)
  }

  /// `needsComma`, for any text.
  static func needsCommaByCharacters(_ text: String) -> Bool {
    var depth = 0
    for character in text {
      if character == "{" { depth += 1 }
      if character == "}" { depth -= 1 }
      if depth == 0 && (character == "," || character == "=") { return true }
    }
    return splitList("x and " + text).count != 2
  }

  /// `needsComma` read from the bytes, nil when the characters must be read. Splitting the list
  /// is needed only when the text could hold an `and` word or no word at all: without the
  /// bytes `and` (any case) and with a byte that separates nothing, the list is two names.
  /// Outside ASCII, a brace, comma or equals sign is a character of its own unless a byte of
  /// another character stands beside it (a combining mark after it, a prepended one before).
  private static func bytesNeedComma(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    if !ByteWord.isASCII(bytes) {
      for index in bytes.indices {
        let byte = bytes[index]
        guard byte == 0x7B || byte == 0x7D || byte == 0x2C || byte == 0x3D else { continue }
        if index > 0 && bytes[index - 1] >= 0x80 || index + 1 < bytes.count && bytes[index + 1] >= 0x80 { return nil }
      }
    }
    var depth = 0
    for byte in bytes {
      if byte == 0x7B { depth += 1 }
      if byte == 0x7D { depth -= 1 }
      if depth == 0 && (byte == 0x2C || byte == 0x3D) { return true }
    }
    let hasWord = bytes.contains { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }
    guard hasWord && !holdsAnd(bytes) else { return nil }
    return false
  }

  static func writeList(_ names: [Name], latex: LaTeXEncoder) -> String {
    writeListReadingBack(names, latex: latex).text
  }

  /// The list written, and whether reading it back (`EtAl.parse`, with `and others` after it
  /// or not) is known to give the names as they are without reading it: each was written
  /// `family, given` as `readsBackAsWritten` allows. (Reading each list the writer wrote
  /// back cost some 3,700 instructions a name.)
  static func writeListReadingBack(_ names: [Name], latex: LaTeXEncoder) -> (text: String, readsBack: Bool) {
    var readsBack = true
    var bytes: [UInt8] = []
    bytes.reserveCapacity(
      names.reduce(0) {
        $0 + ($1.family?.utf8.count ?? 0) + ($1.given?.utf8.count ?? 0) + ($1.literal?.utf8.count ?? 0) + 8
      })
    for (offset, name) in names.enumerated() {
      if offset > 0 { bytes.append(utf8: " and ") }
      if !write(name, latex: latex, into: &bytes) { readsBack = false }
    }
    return (String(decoding: bytes, as: UTF8.self), readsBack)
  }
}
