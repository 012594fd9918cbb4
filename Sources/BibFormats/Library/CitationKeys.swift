import BibModel

/// Stable, unique citation keys: first author's family name + year + first significant title
/// word (`knuth1984literate`). For names in a non-Latin script the romanized form is used
/// when the name has one (`Name.forms["zh-Latn-pinyin"]` → `zhang2019…`); else Cyrillic is
/// transliterated (`Иванов` → `ivanov`) and other scripts keep their letters (`周2010…`), never `anon`. Clashing keys get
/// `a`, `b`, `c`… in a stable order (by title, then current key). A key that already has the
/// proposed form (with or without a suffix) is kept, so adding an entry never renames others.
public enum CitationKeys {
  private static let stopWords: Set<String> = [
    "a", "an", "the", "on", "of", "in", "for", "and", "to", "with", "at", "by", "from", "is", "are", "der", "die",
    "das", "ein", "eine", "le", "la", "les", "l", "un", "une", "des", "el", "los", "las", "il", "lo", "de", "del",
  ]

  /// The key a reference would get before clash suffixes.
  public static func base(for reference: Reference) -> String {
    let first = (reference.names["author"] ?? reference.names["editor"] ?? reference.names["container-author"])?.first
    var author = ""
    if let first {
      var name = first
      if name.isNonRomanic || (name.literal.map { !TextKey.asciiFold($0).isEmpty } == false),
        let romanized = name.romanized
      {
        name = romanized.name
      }
      let family = name.family ?? name.literal.map { String($0.split(separator: " ").first ?? "") } ?? ""
      author = Romanization.keyPart(family)
    }
    if author.isEmpty { author = "anon" }
    var year = "nd"
    if let issued = reference.dates["issued"]?.year { year = String(issued) }
    var word = ""
    var title = reference["title"] ?? ""
    if TextKey.asciiFold(title).isEmpty, let romanized = reference.romanized("title") { title = romanized }
    for candidate in TextKey.fold(title, keepSpaces: true).split(separator: " ") {
      let folded = Romanization.keyPart(String(candidate))
      if !folded.isEmpty && !stopWords.contains(folded) {
        word = folded
        break
      }
    }
    return author + year + word
  }

  /// A key for an entry that has none: `base(for:)`, then `a`, `b`… (and `-N`) until it is free.
  public static func fresh(for reference: Reference, taken: Set<String>) -> String {
    let base = base(for: reference)
    var candidate = base
    var suffix = 0
    while taken.contains(candidate) {
      candidate = base + (suffix < 26 ? String(UnicodeScalar(UInt8(97 + suffix))) : "-\(suffix)")
      suffix += 1
    }
    return candidate
  }

  /// Proposed keys for every reference: old id → new id (unchanged ids included).
  public static func assign(_ references: [Reference]) -> [String: String] {
    var groups: [String: [Reference]] = [:]
    for reference in references { groups[base(for: reference), default: []].append(reference) }
    var result: [String: String] = [:]
    var taken: Set<String> = []
    for key in groups.keys.sorted() {
      guard let members = groups[key] else { continue }
      if members.count == 1, let only = members.first {
        result[only.id] = key
        taken.insert(key)
        continue
      }
      let ordered = members.sorted { lhs, rhs in
        let left = TextKey.fold(lhs["title"] ?? "")
        let right = TextKey.fold(rhs["title"] ?? "")
        return left != right ? left < right : lhs.id < rhs.id
      }
      var rest: [Reference] = []
      for member in ordered {
        let id = member.id
        if id.count == key.count + 1, id.hasPrefix(key), let last = id.last, last.isASCII, last.isLowercase,
          !taken.contains(id)
        {
          result[id] = id
          taken.insert(id)
        } else {
          rest.append(member)
        }
      }
      var letter = UInt8(ascii: "a")
      for member in rest {
        var candidate = key + String(UnicodeScalar(letter))
        while taken.contains(candidate), letter < UInt8(ascii: "z") {
          letter += 1
          candidate = key + String(UnicodeScalar(letter))
        }
        if taken.contains(candidate) { candidate = key + "-" + member.id }
        result[member.id] = candidate
        taken.insert(candidate)
        letter = min(letter + 1, UInt8(ascii: "z"))
      }
    }
    return result
  }

  /// Renames references (and `crossref`/`xdata` fields pointing at them).
  public static func rename(_ references: [Reference], _ mapping: [String: String]) -> [Reference] {
    references.map { reference in
      var copy = reference
      copy.id = mapping[reference.id] ?? reference.id
      for field in ["biblatex:crossref", "biblatex:xdata"] {
        if let value = copy.variables[field] {
          copy.variables[field] = value.split(separator: ",").map { part in
            let key = part.trim(" ")
            return mapping[key] ?? key
          }.joined(separator: ",")
        }
      }
      return copy
    }
  }

  /// Rewrites `source: KEY` lines of knowledge-base YAML text (quotes and comments kept).
  public static func rewriteSources(_ text: String, _ mapping: [String: String]) -> (String, Int) {
    var count = 0
    let lines = text.lines(keepingCarriageReturns: true).map { line -> String in
      guard let range = line.range(of: "source:") else { return String(line) }
      let before = line[..<range.lowerBound]
      guard before.allSatisfy({ $0 == " " || $0 == "-" || $0 == "\t" }) else { return String(line) }
      let after = line[range.upperBound...]
      let spaces = after.prefix { $0 == " " }
      var rest = after.dropFirst(spaces.count)
      var quote = ""
      if let first = rest.first, first == "\"" || first == "'" {
        quote = String(first)
        rest = rest.dropFirst()
      }
      let key = rest.prefix { quote.isEmpty ? !($0 == " " || $0 == "#" || $0 == "\r") : String($0) != quote }
      guard let replacement = mapping[String(key)], replacement != String(key) else { return String(line) }
      count += 1
      return String(before) + "source:" + spaces + quote + replacement + String(rest.dropFirst(key.count))
    }
    return (lines.joined(separator: "\n"), count)
  }
}
