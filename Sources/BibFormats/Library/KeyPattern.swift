import BibModel

/// A citation-key pattern in the bracket syntax of JabRef and Better BibTeX: text outside
/// brackets is copied, `[marker]` or `[marker:modifier:…]` is replaced by a value of the
/// reference. Markers: `auth`, `authN` (first N letters), `authors`, `authorsN` (N names, then
/// `EtAl`), `auth.etal`, `authEtAl`, `year`, `shortyear`, `title`, `shorttitle` (3 words),
/// `veryshorttitle` (1 word), `firstpage`, `lastpage`, and any field name (`[journal]`,
/// `[volume]`, `[DOI]`). Modifiers: `lower`, `upper`, `capitalize`, `abbr`. Names and words in
/// other scripts are romanized (`Romanization`); Cited's fallbacks are `anon` for no author and
/// `nd` for no year. The default, `[auth:lower][year][veryshorttitle:lower]`, gives
/// `knuth1984literate`.
public struct KeyPattern: Sendable, Hashable, CustomStringConvertible {
  /// A pattern that cannot be used, with the reason.
  public struct Invalid: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  enum Part: Sendable, Hashable {
    case literal(String)
    case marker(String, modifiers: [String])
  }

  /// The pattern as written.
  public let description: String
  let parts: [Part]

  /// Cited's default keys: `familyYEARword`.
  public static let standard = KeyPattern(
    verified: "[auth:lower][year][veryshorttitle:lower]",
    parts: [
      .marker("auth", modifiers: ["lower"]), .marker("year", modifiers: []),
      .marker("veryshorttitle", modifiers: ["lower"]),
    ])

  private init(verified text: String, parts: [Part]) {
    self.description = text
    self.parts = parts
  }

  static let modifiers: Set<String> = ["lower", "upper", "capitalize", "abbr"]

  /// Parses a pattern; unbalanced brackets, empty markers and unknown modifiers are errors.
  public init(_ text: String) throws(Invalid) {
    var parts: [Part] = []
    var literal = ""
    var rest = Substring(text)
    while let first = rest.first {
      rest = rest.dropFirst()
      if first == "]" { throw Invalid(description: "unbalanced ']' in key pattern '\(text)'") }
      guard first == "[" else {
        literal.append(first)
        continue
      }
      guard let close = rest.firstIndex(of: "]") else {
        throw Invalid(description: "unbalanced '[' in key pattern '\(text)'")
      }
      let pieces = rest[..<close].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      rest = rest[rest.index(after: close)...]
      guard let name = pieces.first, !name.isEmpty, !name.contains("[") else {
        throw Invalid(description: "empty marker in key pattern '\(text)'")
      }
      for modifier in pieces.dropFirst() where !Self.modifiers.contains(modifier) {
        throw Invalid(
          description:
            "unknown modifier ':\(modifier)' in key pattern '\(text)' (known: lower, upper, capitalize, abbr)")
      }
      if !literal.isEmpty { parts.append(.literal(literal)) }
      literal = ""
      parts.append(.marker(name, modifiers: Array(pieces.dropFirst())))
    }
    if !literal.isEmpty { parts.append(.literal(literal)) }
    guard parts.contains(where: { if case .marker = $0 { true } else { false } }) else {
      throw Invalid(description: "key pattern '\(text)' has no [marker]")
    }
    self.description = text
    self.parts = parts
  }

  /// The key the pattern gives a reference (before clash suffixes); never empty.
  public func key(for reference: Reference) -> String {
    let values = KeyValues(reference)
    var key = ""
    for part in parts {
      switch part {
      case .literal(let text): key += text
      case .marker(let name, let modifiers):
        var value = values.marker(name)
        for modifier in modifiers { value = Self.apply(modifier, to: value) }
        key += value
      }
    }
    let cleaned = String(key.filter { !$0.isWhitespace && !"{}(),\"#%'=\\~".contains($0) })
    return cleaned.isEmpty ? "anon" : cleaned
  }

  private static func apply(_ modifier: String, to value: String) -> String {
    switch modifier {
    case "lower": return value.lowercased()
    case "upper": return value.uppercased()
    case "capitalize": return KeyValues.capitalized(value)
    case "abbr": return String(KeyValues.splitCamel(value).compactMap(\.first))
    default: return value
    }
  }
}
