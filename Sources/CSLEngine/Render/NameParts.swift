import BibModel

/// Splits particles out of family and given names as citeproc-js does ("van Gogh" → "van"
/// + "Gogh"; "Alexander von" → "Alexander" + "von"), unless the data already has them or
/// asks not to (`parse-names: false`, or a family name in double quotes).
enum NameParts {
  /// Family-first names without a separator: scripts other than Latin, Greek and Cyrillic.
  /// A fast path skips the Unicode property lookups for Latin text.
  static func isNonRomanic(_ name: Name) -> Bool {
    let family = name.family ?? ""
    let given = name.given ?? ""
    if !family.containsByte(where: { $0 >= 0xCD }) && !given.containsByte(where: { $0 >= 0xCD }) { return false }
    return name.isNonRomanic
  }

  static func normalized(_ name: Name) -> Name {
    guard name.literal == nil, !isSettled(name) else { return name }
    return normalizedInFull(name)
  }

  /// True when `normalizedInFull` would change nothing, read from the bytes of the usual
  /// name ("Smith", "John A."): both parts start and end in printable ASCII, the family name
  /// holds no space, hyphen, apostrophe or quotation mark, and the given name no comma, and no
  /// lowercase word after its last space.
  static func isSettled(_ name: Name) -> Bool {
    if let family = name.family,
      !(family.utf8.withContiguousStorageIfAvailable(settledFamily) ?? settledFamily(family.utf8))
    {
      return false
    }
    if let given = name.given, !(given.utf8.withContiguousStorageIfAvailable(settledGiven) ?? settledGiven(given.utf8))
    {
      return false
    }
    return true
  }

  /// Both ends printable ASCII.
  private static func printableEnds<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
    guard let first = bytes.first, let last = bytes.last else { return false }
    return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
  }

  /// `isSettled` for a family name: no opening quotation mark, no space, hyphen, apostrophe or
  /// byte that opens a curly quote (read in the string's storage where it is contiguous: the
  /// generic walk over `utf8` cost some 1,000 instructions a name, for every name of a run).
  private static func settledFamily<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
    printableEnds(bytes) && bytes.first != 0x22
      && !bytes.contains(where: { $0 == 0x20 || $0 == 0x2D || $0 == 0x27 || $0 == 0xE2 })
  }

  /// `isSettled` for a given name: no comma, and the word after the last space not lowercase.
  private static func settledGiven<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
    guard printableEnds(bytes), !bytes.contains(0x2C) else { return false }
    if let space = bytes.lastIndex(of: 0x20) {
      let next = bytes[bytes.index(after: space)]
      guard next < 0x80, !(0x61...0x7A).contains(next) else { return false }
    }
    return true
  }

  /// Every step of `normalized`, whatever the name.
  static func normalizedInFull(_ name: Name) -> Name {
    guard name.literal == nil else { return name }
    var result = name
    result.family = name.family.map { $0.trimmingWhitespace() }
    result.given = name.given.map { $0.trimmingWhitespace() }
    if let family = result.family, family.hasPrefix("\""), family.hasSuffix("\""), family.count > 2 {
      result.family = String(family.dropFirst().dropLast())
      return result
    }
    // "John, III" / "John,! Jr.": a suffix after a comma in the given name.
    if result.suffix == nil, let given = result.given, given.containsByte(0x2C),
      let comma = given.firstIndex(of: ",")
    {
      var suffix = String(given[given.index(after: comma)...]).trimmingSpaces()
      if suffix.hasPrefix("!") {
        result.commaSuffix = true
        suffix = String(suffix.dropFirst()).trimmingSpaces()
      }
      if !suffix.isEmpty {
        result.suffix = suffix
        result.given = String(given[..<comma]).trimmingSpaces()
      }
    }
    guard name.parseNames != false else { return result }
    // Particles need a space, hyphen or apostrophe in the family name (checked on the bytes first).
    if result.nonDroppingParticle == nil, let family = result.family,
      family.containsByte(where: { $0 == 0x20 || $0 == 0x2D || $0 == 0x27 || $0 == 0xE2 })
    {
      let words = family.spaceSeparatedWords()
      var particles: [String] = []
      var index = 0
      while index < words.count - 1, let first = words[index].first(where: { $0.isLetter }), first.isLowercase {
        particles.append(words[index])
        index += 1
      }
      var rest = words[index...].joined(separator: " ")
      var attached = false  // the last particle was glued to the family name ("d'Aubignac")
      // "al-One", "d'Aubignac": a short lowercase prefix joined by a hyphen or apostrophe.
      if let mark = rest.firstIndex(where: { $0 == "-" || $0 == "'" || $0 == "\u{2019}" }) {
        let head = rest[..<mark]
        let afterMark = rest.index(after: mark)
        if !head.isEmpty, head.count <= 3, head.allSatisfy(\.isLowercase), afterMark < rest.endIndex,
          rest[afterMark].isUppercase
        {
          particles.append(String(rest[...mark]))
          attached = true
          rest = String(rest[afterMark...])
        }
      }
      if !particles.isEmpty {
        var joined = ""
        for particle in particles {
          if !joined.isEmpty, let last = joined.last, last != "-" && last != "'" && last != "\u{2019}" { joined += " " }
          joined += particle
        }
        // "de' Frinkle": a separate apostrophe particle keeps its space (a trailing space marks it).
        if !attached, let last = joined.last, last == "'" || last == "\u{2019}" { joined += " " }
        result.nonDroppingParticle = joined
        result.family = rest
      }
    }
    if result.droppingParticle == nil, let given = result.given, given.containsByte(0x20) {
      var words = given.spaceSeparatedWords()
      var particles: [String] = []
      while words.count > 1, let last = words.last, let first = last.first, first.isLowercase {
        particles.insert(last, at: 0)
        words.removeLast()
      }
      if !particles.isEmpty {
        result.droppingParticle = particles.joined(separator: " ")
        result.given = words.joined(separator: " ")
      }
    }
    return result
  }
}
