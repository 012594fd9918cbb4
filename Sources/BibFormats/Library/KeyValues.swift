import BibModel

/// The values `KeyPattern` markers take for one reference: family names and title words,
/// folded to ASCII letters and digits with their case kept, romanized when written in another
/// script.
struct KeyValues {
  let reference: Reference
  /// Family names of the authors (else editors, else container authors), key-ready.
  let families: [String]
  /// Significant title words, key-ready and capitalized as written.
  let words: [String]

  private static let stopWords: Set<String> = [
    "a", "an", "the", "on", "of", "in", "for", "and", "to", "with", "at", "by", "from", "is", "are", "der", "die",
    "das", "ein", "eine", "le", "la", "les", "l", "un", "une", "des", "el", "los", "las", "il", "lo", "de", "del",
  ]

  init(_ reference: Reference) {
    self.reference = reference
    let japanese = reference.variables["language"]?.lowercased().hasPrefix("ja") == true
    let names = reference.names["author"] ?? reference.names["editor"] ?? reference.names["container-author"] ?? []
    families = names.map { original in
      var name = original
      if name.isNonRomanic || (name.literal.map { !TextKey.asciiFold($0).isEmpty } == false),
        let romanized = name.romanized
      {
        name = romanized.name
      }
      var family = name.family ?? name.literal.map { String($0.split(separator: " ").first ?? "") } ?? ""
      if (name.given ?? "").isEmpty, !japanese { family = Self.chineseSurname(family) }
      return Self.keyText(family, japanese: japanese)
    }.filter { !$0.isEmpty }
    var title = reference["title"] ?? ""
    if TextKey.asciiFold(title).isEmpty, let romanized = reference.romanized("title") { title = romanized }
    words = Self.words(title, japanese: japanese)
  }

  /// The value of a marker (empty when the reference has nothing for it).
  func marker(_ name: String) -> String {
    switch name {
    case "auth": return families.first ?? "anon"
    case "authors": return families.isEmpty ? "anon" : families.joined()
    case "auth.etal", "authEtAl":
      guard let first = families.first else { return "anon" }
      let separator = name == "auth.etal" ? "." : ""
      if families.count == 2 { return first + separator + families[1] }
      return families.count > 2 ? first + (name == "auth.etal" ? ".etal" : "EtAl") : first
    case "year": return reference.dates["issued"]?.year.map(String.init) ?? "nd"
    case "shortyear": return String((reference.dates["issued"]?.year.map(String.init) ?? "nd").suffix(2))
    case "title": return words.map(Self.capitalized).joined()
    case "shorttitle": return words.prefix(3).map(Self.capitalized).joined()
    case "veryshorttitle": return words.first ?? ""
    case "firstpage", "lastpage":
      let page = reference["page"] ?? ""
      let bounds = page.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "," }).map {
        $0.trimmingCharacters(in: " ")
      }
      return (name == "firstpage" ? bounds.first : bounds.last).map { Self.keyText($0, japanese: false) } ?? ""
    default:
      if let count = Self.number(after: "authors", in: name) {
        guard !families.isEmpty else { return "anon" }
        return families.prefix(count).joined() + (families.count > count ? "EtAl" : "")
      }
      if let count = Self.number(after: "auth", in: name) {
        return String((families.first ?? "anon").prefix(count))
      }
      return field(name)
    }
  }

  /// Compound surnames of two characters (the rest are one character).
  private static let compoundSurnames: Set<String> = [
    "欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "尉迟", "尉遲", "公孙", "公孫",
    "慕容", "令狐", "司徒", "夏侯", "长孙", "長孫", "宇文", "轩辕", "軒轅", "端木", "申屠", "南宫", "南宮",
  ]

  /// The surname of a Chinese name written whole (`周望` → `周`, `欧阳修` → `欧阳`); other text as it is.
  static func chineseSurname(_ text: String) -> String {
    guard (2...4).contains(text.count),
      text.allSatisfy({ Romanization.isUnspaced($0) && !KanaRomanizer.containsKana(String($0)) })
    else { return text }
    let two = String(text.prefix(2))
    if compoundSurnames.contains(two) { return text.count > 2 ? two : text }
    return String(text.prefix(1))
  }

  /// `authors3` → 3 for the prefix `authors`; nil when the rest is not a number.
  private static func number(after prefix: String, in name: String) -> Int? {
    guard name.hasPrefix(prefix) else { return nil }
    return Int(name.dropFirst(prefix.count)).flatMap { $0 > 0 ? $0 : nil }
  }

  /// Any field by its CSL or BibTeX name, without spaces and punctuation.
  private func field(_ name: String) -> String {
    let aliases = [
      "journal": "container-title", "journaltitle": "container-title", "booktitle": "container-title",
      "pages": "page", "doi": "DOI", "isbn": "ISBN", "issn": "ISSN", "url": "URL", "address": "publisher-place",
      "location": "publisher-place",
    ]
    let variable = aliases[name.lowercased()] ?? name
    let value = reference[CSLVariable(variable)] ?? reference[CSLVariable(variable.lowercased())] ?? ""
    return Self.words(value, japanese: false, keepStopWords: true).map(Self.capitalized).joined()
  }

  /// ASCII letters and digits of the text with their case; romanized (lowercase) when the text
  /// has none; the original letters when it cannot be romanized.
  static func keyText(_ text: String, japanese: Bool) -> String {
    var output = ""
    for scalar in TextKey.stripMarkup(text).decomposedStringWithCanonicalMapping.unicodeScalars {
      if scalar.properties.generalCategory == .nonspacingMark { continue }
      switch scalar {
      case "ß": output += "ss"
      case "æ": output += "ae"
      case "Æ": output += "AE"
      case "ø", "Ø", "ł", "Ł", "đ", "Đ", "ı": output += special(scalar)
      case "œ": output += "oe"
      case "Œ": output += "OE"
      default:
        if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output.isEmpty ? Romanization.keyPart(text, japanese: japanese) : output
  }

  private static func special(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "ø": "o"
    case "Ø": "O"
    case "ł": "l"
    case "Ł": "L"
    case "đ": "d"
    case "Đ": "D"
    default: "i"
    }
  }

  /// The title's words, key-ready; in scripts without spaces, a word is two characters.
  static func words(_ text: String, japanese: Bool, keepStopWords: Bool = false) -> [String] {
    var result: [String] = []
    let plain = TextKey.stripMarkup(text)
    // Once for the whole text (per word, a long title was quadratic: 50 s for 1 MB).
    let kanaText = japanese || KanaRomanizer.containsKana(plain)
    for raw in plain.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "–" || $0 == "—" || $0 == "/" }) {
      var word = Substring(raw)
      if let first = word.first(where: { $0.isLetter || $0.isNumber }), Romanization.isUnspaced(first) {
        word = word.drop { !Romanization.isUnspaced($0) }
        // A word: a run of kana (up to six), else two Han characters.
        let kana = word.prefix { KanaRomanizer.containsKana(String($0)) }
        word = kana.isEmpty ? word.prefix(2) : kana.prefix(6)
      }
      let key = keyText(String(word), japanese: kanaText)
      guard !key.isEmpty else { continue }
      if !keepStopWords && stopWords.contains(key.lowercased()) { continue }
      result.append(key)
    }
    return result
  }

  /// The first letter uppercased, the rest as it is.
  static func capitalized(_ word: String) -> String {
    guard let first = word.first else { return word }
    return first.uppercased() + word.dropFirst()
  }

  /// `LeadingSmallGroups` → `Leading`, `Small`, `Groups` (for `:abbr`).
  static func splitCamel(_ text: String) -> [String] {
    var parts: [String] = []
    for character in text {
      if character.isUppercase || parts.isEmpty { parts.append("") }
      parts[parts.count - 1].append(character)
    }
    return parts
  }
}
