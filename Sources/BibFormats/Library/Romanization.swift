import BibModel

/// Romanizations for citation keys when a name has no recorded romanized form: Cyrillic by a
/// simple scholarly-style transliteration table, Han characters by pinyin (`PinyinTable`, not
/// in Japanese text), kana by Hepburn (`KanaRomanizer`). Text that cannot be romanized whole
/// keeps its original script rather than falling back to `anon`.
enum Romanization {
  private static let cyrillic: [Character: String] = [
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "iu", "я": "ia", "і": "i", "ї": "i", "є": "ie", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj",
    "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz",
  ]

  /// The text with Cyrillic letters transliterated (lowercased); other characters unchanged.
  static func transliterate(_ text: String) -> String {
    var output = ""
    for character in text.lowercased() { output += cyrillic[character] ?? String(character) }
    return output
  }

  /// The text romanized letter by letter, or nil when some letter has no romanization here
  /// (a Han character outside the table, kanji in Japanese text, Hangul…).
  static func romanize(_ text: String, japanese: Bool) -> String? {
    let japanese = japanese || KanaRomanizer.containsKana(text)
    var output = ""
    for character in KanaRomanizer.romanize(transliterate(text)) {
      if character.isASCII || !character.isLetter {
        output.append(character)
      } else if !japanese, let syllable = PinyinTable.syllable(character) {
        output += syllable
      } else if TextKey.asciiFold(String(character)).isEmpty {
        return nil
      } else {
        output.append(character)  // Latin with diacritics: folded later
      }
    }
    return output
  }

  /// A key part for a name or word: ASCII-folded, else romanized, else the original letters.
  static func keyPart(_ text: String, japanese: Bool = false) -> String {
    let folded = TextKey.asciiFold(text)
    if !folded.isEmpty { return folded }
    if let romanized = romanize(text, japanese: japanese) {
      let key = TextKey.asciiFold(romanized)
      if !key.isEmpty { return key }
    }
    return TextKey.fold(text)
  }

  /// True for Han ideographs and kana (scripts written without spaces between words).
  static func isUnspaced(_ character: Character) -> Bool {
    character.unicodeScalars.contains { scalar in
      (0x3040...0x30FF).contains(scalar.value) || (0x3400...0x9FFF).contains(scalar.value)
        || (0xF900...0xFAFF).contains(scalar.value) || (0x20000...0x2FFFF).contains(scalar.value)
    }
  }
}
