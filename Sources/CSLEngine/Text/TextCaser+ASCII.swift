extension TextCaser {
  /// The change a word of plain ASCII takes on its bytes (`asciiWords`).
  enum ASCIIWordChange {
    case title, capitalizeAll

    /// Changes one word of plain ASCII in place (`titleASCIIWord`, `capitalizeASCIIWord`).
    func apply(
      to bytes: UnsafeMutableBufferPointer<UInt8>, _ word: Range<Int>, first: Bool, afterColon: Bool, last: Bool
    ) {
      switch self {
      case .title: TextCaser.titleASCIIWord(bytes, word, first: first, afterColon: afterColon, last: last)
      case .capitalizeAll: TextCaser.capitalizeASCIIWord(bytes, word)
      }
    }
  }

  /// Title case for one word of plain ASCII (the byte form of the title change in
  /// `transform`, which it must match: `TextCaserTests` compares them).
  static func titleASCIIWord(
    _ bytes: UnsafeMutableBufferPointer<UInt8>, _ word: Range<Int>, first: Bool, afterColon: Bool, last: Bool
  ) {
    let letters = bytes[word]
    if letters.contains(where: { (0x41...0x5A).contains($0) }) {
      // Mixed or upper case stays; a first word opening in lower case takes its capital.
      if first, let initial = letters.first, (0x61...0x7A).contains(initial), !hasInnerCapital(letters.dropFirst()) {
        bytes[word.lowerBound] = initial - 0x20
      }
      return
    }
    let core = coreBounds(letters)
    if !first && !afterColon && !last && isStopWord(UnsafeBufferPointer(rebasing: bytes[core])) { return }
    if core.count == 1 && !first && !afterColon { return }
    capitalizeASCIIWord(bytes, word)
  }

  /// `capitalized` for one word of plain ASCII, in place.
  static func capitalizeASCIIWord(_ bytes: UnsafeMutableBufferPointer<UInt8>, _ word: Range<Int>) {
    if let index = capitalIndex(bytes[word]) { bytes[index] -= 0x20 }
  }

  /// Whether ASCII bytes spell a stop word, found without making a string of them (a string
  /// made and hashed for each word of every title cost more than casing the title).
  static func isStopWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard word.count <= longestStopWord, let key = packedWord(word) else { return false }
    // A binary search of the sorted keys.
    var low = 0
    var high = packedStopWords.count
    while low < high {
      let middle = (low + high) / 2
      let found = packedStopWords[middle]
      if found == key { return true }
      if found < key { low = middle + 1 } else { high = middle }
    }
    return false
  }

  /// Up to 15 bytes and their count in one number (the count apart, so no two words share
  /// one); nil for a longer word.
  static func packedWord<Bytes: Collection<UInt8>>(_ word: Bytes) -> UInt128? {
    guard word.count < 16 else { return nil }
    var key = UInt128(word.count) << 120
    var shift: UInt128 = 0
    for byte in word {
      key |= UInt128(byte) << shift
      shift += 8
    }
    return key
  }

  /// The ASCII stop words packed (`packedWord`) and sorted.
  static let packedStopWords: [UInt128] = stopWords.compactMap { word in
    word.utf8.allSatisfy { $0 < 0x80 } ? packedWord(word.utf8) : nil
  }.sorted()

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
