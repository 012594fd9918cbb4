import BibModel

/// Stable, unique citation keys from a `KeyPattern`; by default the first author's family name
/// + year + first significant title word (`knuth1984literate`). For names in a non-Latin script
/// the romanized form is used when the name has one (`Name.forms["zh-Latn-pinyin"]` →
/// `zhang2019…`); else Han characters get pinyin (`周` → `zhou`), kana Hepburn, Cyrillic a
/// transliteration, and what cannot be romanized keeps its letters; never `anon` for a named
/// author. Clashing keys get `a`, `b`, `c`… in a stable order (by title, then current key). A key
/// that already has the proposed form (with or without a suffix) is kept, so adding an entry
/// never renames others.
public enum CitationKeys {
  /// The key a reference would get before clash suffixes.
  public static func base(for reference: Reference, pattern: KeyPattern = .standard) -> String {
    pattern.key(for: reference)
  }

  /// A key for an entry that has none: `base(for:)`, then `a`, `b`… (and `-N`) until it is free.
  public static func fresh(
    for reference: Reference, taken: Set<String>, pattern: KeyPattern = .standard
  ) -> String {
    var keys = Fresh(taken: taken, pattern: pattern)
    return keys.key(for: reference)
  }

  /// Fresh keys for many entries that have none, each one taken as it is handed out. Where the
  /// search for a free suffix stopped is kept per base, so a thousand keyless entries by one
  /// author in one year cost linear time, not a search from `a` for each.
  public struct Fresh: Sendable {
    public private(set) var taken: Set<String>
    let pattern: KeyPattern
    private var nextSuffix: [String: Int] = [:]
    private var nextRename: [String: Int] = [:]

    public init(taken: Set<String> = [], pattern: KeyPattern = .standard) {
      self.taken = taken
      self.pattern = pattern
    }

    /// A free key for the reference, now taken.
    public mutating func key(for reference: Reference) -> String {
      let base = CitationKeys.base(for: reference, pattern: pattern)
      var suffix = nextSuffix[base] ?? -1
      var candidate = suffix < 0 ? base : Self.suffixed(base, suffix)
      while taken.contains(candidate) {
        suffix += 1
        candidate = Self.suffixed(base, suffix)
      }
      nextSuffix[base] = suffix + 1
      taken.insert(candidate)
      return candidate
    }

    /// `id-2`, `id-3`…: the first that is not taken, now taken (for a second entry with an id
    /// already used); the search for each id goes on where it stopped.
    public mutating func renamed(_ id: String) -> String {
      var counter = nextRename[id] ?? 2
      let used = taken
      let free = BibliographyFiles.freeID(id, from: &counter) { used.contains($0) }
      nextRename[id] = counter
      taken.insert(free)
      return free
    }

    /// Marks a key as used (an entry's own key).
    public mutating func insert(_ key: String) { taken.insert(key) }

    public func contains(_ key: String) -> Bool { taken.contains(key) }

    private static func suffixed(_ base: String, _ suffix: Int) -> String {
      base + (suffix < 26 ? String(UnicodeScalar(UInt8(97 + suffix))) : "-\(suffix)")
    }
  }

  /// Proposed keys for every reference: old id → new id (unchanged ids included).
  public static func assign(_ references: [Reference], pattern: KeyPattern = .standard) -> [String: String] {
    var groups: [String: [Reference]] = [:]
    for reference in references { groups[base(for: reference, pattern: pattern), default: []].append(reference) }
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
      for field: CSLVariable in ["biblatex:crossref", "biblatex:xdata"] {
        if let value = copy.variables[field] {
          copy.variables[field] = value.split(separator: ",").map { part in
            let key = part.trimmingCharacters(in: " ")
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
