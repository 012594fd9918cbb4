/// Hepburn romanization of hiragana and katakana for citation keys: yōon (きゃ kya), the small
/// っ/ッ doubling the next consonant, ん/ン as n, the long-vowel mark ー dropped. Kanji are not
/// romanized (their readings are not in the text); they stay in their own script.
enum KanaRomanizer {
  /// Hiragana from あ (U+3042) to ゖ, in code point order; small kana are marked `_`.
  private static let hiragana: [String] = [
    "_a", "a", "_i", "i", "_u", "u", "_e", "e", "_o", "o",
    "ka", "ga", "ki", "gi", "ku", "gu", "ke", "ge", "ko", "go",
    "sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo",
    "ta", "da", "chi", "ji", "_tsu", "tsu", "zu", "te", "de", "to", "do",
    "na", "ni", "nu", "ne", "no",
    "ha", "ba", "pa", "hi", "bi", "pi", "fu", "bu", "pu", "he", "be", "pe", "ho", "bo", "po",
    "ma", "mi", "mu", "me", "mo",
    "_ya", "ya", "_yu", "yu", "_yo", "yo",
    "ra", "ri", "ru", "re", "ro",
    "_wa", "wa", "i", "e", "o", "n", "vu", "_ka", "_ke",
  ]

  /// The romanization of one kana, or nil for anything else (small kana keep their `_` mark).
  private static func reading(_ scalar: Unicode.Scalar) -> String? {
    var value = scalar.value
    if (0x30A1...0x30F6).contains(value) { value -= 0x60 }  // katakana → hiragana
    guard (0x3041...0x3096).contains(value) else { return nil }
    let offset = Int(value - 0x3041)
    return offset < hiragana.count ? hiragana[offset] : nil
  }

  /// True when the text holds any kana (a Japanese text, whose kanji are not Chinese readings).
  static func containsKana(_ text: String) -> Bool {
    text.unicodeScalars.contains { reading($0) != nil || $0.value == 0x30FC }
  }

  /// The text with kana romanized; other characters unchanged.
  static func romanize(_ text: String) -> String {
    var output = ""
    var doubleNext = false
    for scalar in text.unicodeScalars {
      if scalar.value == 0x30FC { continue }  // ー: the vowel is already written
      guard let kana = reading(scalar) else {
        if doubleNext { output += "t" }  // a small tsu before a non-kana: keep it audible
        doubleNext = false
        output.unicodeScalars.append(scalar)
        continue
      }
      if kana == "_tsu" {
        doubleNext = true
        continue
      }
      if kana.hasPrefix("_") {
        let small = String(kana.dropFirst())
        // Yōon: ki + small ya → kya; shi/chi/ji + small ya → sha/cha/ja.
        if small.hasPrefix("y"), output.hasSuffix("i"), output.count >= 2 {
          output.removeLast()
          let palatal = output.hasSuffix("sh") || output.hasSuffix("ch") || output.hasSuffix("j")
          output += palatal ? String(small.dropFirst()) : small
        } else {
          output += small
        }
        continue
      }
      if doubleNext, let first = kana.first {
        output += kana.hasPrefix("ch") ? "t" : String(first)
        doubleNext = false
      }
      output += kana
    }
    return output
  }
}
