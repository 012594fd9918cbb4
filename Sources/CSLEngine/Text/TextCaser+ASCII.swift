extension TextCaser {
  /// A change to one word of plain ASCII, made in place on the text's bytes: the word's
  /// bounds, whether it is the field's first word, follows a colon, is the last word.
  typealias ByteChange = (inout [UInt8], Range<Int>, Bool, Bool, Bool) -> Void

  /// Title case for one word of plain ASCII (the byte form of the title change in
  /// `transform`, which it must match: `TextCaserTests` compares them).
  static func titleASCIIWord(_ bytes: inout [UInt8], _ word: Range<Int>, first: Bool, afterColon: Bool, last: Bool) {
    let letters = bytes[word]
    if letters.contains(where: { (0x41...0x5A).contains($0) }) {
      // Mixed or upper case stays; a first word opening in lower case takes its capital.
      if first, let initial = letters.first, (0x61...0x7A).contains(initial), !hasInnerCapital(letters.dropFirst()) {
        bytes[word.lowerBound] = initial - 0x20
      }
      return
    }
    let core = coreBounds(letters)
    if !first && !afterColon && !last && core.count <= longestStopWord
      && stopWords.contains(String(decoding: letters[core], as: UTF8.self))
    {
      return
    }
    if core.count == 1 && !first && !afterColon { return }
    capitalizeASCIIWord(&bytes, word)
  }

  /// `capitalized` for one word of plain ASCII, in place.
  static func capitalizeASCIIWord(_ bytes: inout [UInt8], _ word: Range<Int>) {
    if let index = capitalIndex(bytes[word]) { bytes[index] -= 0x20 }
  }

  /// The length of the longest stop word: a longer word needs no look-up.
  static let longestStopWord = stopWords.map(\.utf8.count).max() ?? 0

  /// `capitalized` for a word of plain ASCII, nil for any other word.
  static func capitalizedASCII(_ word: String) -> String? {
    guard word.isPlainASCII else { return nil }
    guard let index = capitalIndex(word.utf8) else { return word }
    var bytes = Array(word.utf8)
    let offset = word.utf8.distance(from: word.utf8.startIndex, to: index)
    bytes[offset] -= 0x20
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `core` for a word of plain ASCII, nil for any other word.
  static func coreASCII(_ word: String) -> String? {
    guard word.isPlainASCII else { return nil }
    return String(decoding: word.utf8[coreBounds(word.utf8)], as: UTF8.self)
  }

  /// Where `capitalized` raises a letter in an ASCII word: its first byte after any opening
  /// brackets and quotes (kept in front while more than one byte is left) when that is a
  /// lower-case letter and no capital follows among the letters after it; nil when the word
  /// stays as it is.
  static func capitalIndex<Bytes: BidirectionalCollection<UInt8>>(_ word: Bytes) -> Bytes.Index? {
    var index = word.startIndex
    var left = word.count
    while left > 1, isASCIIOpener(word[index]) {
      index = word.index(after: index)
      left -= 1
    }
    guard index != word.endIndex, (0x61...0x7A).contains(word[index]) else { return nil }
    return hasInnerCapital(word[word.index(after: index)...]) ? nil : index
  }

  /// The bounds of an ASCII word's `core`: from its first letter to its last letter, full
  /// stop or apostrophe; the whole word when it opens and ends with a letter.
  static func coreBounds<Bytes: BidirectionalCollection<UInt8>>(_ word: Bytes) -> Range<Bytes.Index> {
    guard let first = word.first, let last = word.last, !(first.isASCIILetter && last.isASCIILetter) else {
      return word.startIndex..<word.endIndex
    }
    guard let start = word.firstIndex(where: \.isASCIILetter) else { return word.startIndex..<word.startIndex }
    var end = word.endIndex
    while end > start {
      let byte = word[word.index(before: end)]
      if byte.isASCIILetter || byte == 0x2E || byte == 0x27 { break }
      end = word.index(before: end)
    }
    return start..<end
  }

  /// The ASCII characters that stay in front of a capital: ( [ { " '.
  static func isASCIIOpener(_ byte: UInt8) -> Bool {
    byte == 0x28 || byte == 0x5B || byte == 0x7B || byte == 0x22 || byte == 0x27
  }
}
