/// Romanizations for citation keys when a name has no recorded romanized form: Cyrillic by a
/// simple scholarly-style transliteration table; other scripts (Han, kana, Hangul…) are not
/// romanized here and keys keep the original script rather than falling back to `anon`.
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

  /// A key part for a name: ASCII-folded, else transliterated, else the original letters.
  static func keyPart(_ text: String) -> String {
    let folded = TextKey.asciiFold(text)
    if !folded.isEmpty { return folded }
    let transliterated = TextKey.asciiFold(transliterate(text))
    if !transliterated.isEmpty { return transliterated }
    return TextKey.fold(text)
  }
}
