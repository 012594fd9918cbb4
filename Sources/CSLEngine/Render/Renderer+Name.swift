import BibModel
import CSLStyle

extension Renderer {
  /// One name in the style's form, honouring disambiguation's given-name expansion;
  /// `nonRomanic` is `NameParts.isNonRomanic(person)`, when the caller knows it.
  func formatName(
    _ person: Name, index: Int, options: CSL.NameOptions, name: CSL.Name?, sortOrder: Bool, nonRomanic: Bool? = nil
  ) -> Node {
    let familyPart = name?.familyPart
    let givenPart = name?.givenPart
    if let literal = person.literal, !literal.isEmpty {
      // The family name-part's formatting and case, not its affixes (citeproc-js).
      return piece(literal, familyPart, withCase: true)
    }
    let readsLevel = !(disambiguation.givenLevelsFirstNamesOnly && !inFirstNames)
    // Whether the given-name level can change what this name prints: only in a short form
    // or with initials (the level decides the form, whether to initialize, and `initialize`,
    // which reads only with initials). With `initialize="false"` the initials mark only
    // respaces initials written in the given name: decided below, once they are made.
    let levelMatters = options.form == .short || (options.initializeWith != nil && (options.initialize ?? true))
    if levelMatters { noteLevelRead(index, readsLevel: readsLevel) }
    // Most cites expand no given name: an empty table is not hashed into.
    var level = readsLevel && !disambiguation.givenLevels.isEmpty ? disambiguation.givenLevels[index] ?? 0 : 0
    if disambiguation.expandsWithinItem {
      let styled = options.form == .short ? 0 : (options.initializeWith != nil ? 1 : 2)
      if styled > level { level = withinItemLevel(person, index: index, styled: styled, options: options) }
    }
    if !disambiguation.sharedNames.isEmpty, let flags = disambiguation.sharedNames[namesVariable]?[index] {
      // citeproc-js: a shared family name asks for initials, shared initials for the full name
      // (so does a shared family name where the style prints no initials).
      let asked = flags & 2 != 0 || options.initializeWith == nil ? 2 : 1
      level = max(level, asked)
    }
    var form = options.form ?? .long
    var initializeWith = options.initializeWith
    var initialize = options.initialize ?? true
    if level >= 1 && form == .short { form = .long }
    if level >= 2 || (level == 1 && options.form == .short && initializeWith == nil) {
      // A given name made only of initials ("J.J.", "J. J.") keeps the style's spelling of
      // initials even when expanded, so differently spaced initials stay the same name.
      let onlyInitials = Processor.isOnlyInitials(person.given ?? "")
      if !(onlyInitials && options.initializeWith != nil) { initializeWith = nil }
    }
    if level >= 2 { initialize = true }
    let family = person.family ?? ""
    var given = person.given ?? ""
    var dropping = person.droppingParticle ?? ""
    var nonDropping = person.nonDroppingParticle ?? ""
    if mode == .sort {
      // citeproc-js drops a particle's first apostrophe in sort keys ("’t Horvath" sorts under T).
      // (Most names have neither particle: nothing to look through.)
      if !dropping.isEmpty { dropping = Self.droppingFirstApostrophe(dropping) }
      if !nonDropping.isEmpty { nonDropping = Self.droppingFirstApostrophe(nonDropping) }
    }
    var suffix = person.suffix ?? ""
    // With initialize-with, an abbreviated suffix ends like an initial ("Jr." → "Jr" when
    // initials take no period), as citeproc-js normalizes it.
    if let initializeWith = options.initializeWith, suffix.utf8.count > 1, suffix.count > 1, suffix.hasSuffix("."),
      !suffix.contains(" ")
    {
      suffix = String(suffix.dropLast()) + initializeWith.droppingTrailingNameSpace()
    }
    if family.isEmpty {
      // A lone given name ("Banksy") prints as written, but not in the short form, which
      // prints family names only: there it prints nothing (citeproc-js).
      if form == .short { return .empty }
      return block(piece(given, givenPart, withCase: true), givenPart)
    }
    if let initializeWith, !given.isEmpty {
      let hyphen = compiled.style.initializeWithHyphen
      if let cache {
        given = cache.initials(given, with: initializeWith, hyphen: hyphen, initialize: initialize)
      } else {
        given = Self.initials(given, with: initializeWith, hyphen: hyphen, initialize: initialize)
      }
    }
    // `initialize="false"`: a level that drops the mark prints the given name as written, so
    // it matters when the mark changed it (or the level has dropped it already).
    if !levelMatters, options.initializeWith != nil, initializeWith == nil || given != (person.given ?? "") {
      noteLevelRead(index, readsLevel: readsLevel)
    }
    if nonRomanic ?? NameParts.isNonRomanic(person) {
      let familyNode = block(piece(family, familyPart, withCase: true), familyPart)
      if form == .short || given.isEmpty { return familyNode }
      return .sequence([familyNode, block(piece(given, givenPart, withCase: true), givenPart)])
    }
    // citeproc-js joins a particle to the family name with a no-break space in styles whose
    // default locale is French, Russian or Czech ("de\u{A0}la\u{A0}Fontaine" stays on one line).
    let particleSpace = compiled.particleSpace
    func spaced(_ nodes: [(String, Node)], joiningDropping: Bool = false) -> [Node] {
      var result: [Node] = []
      result.reserveCapacity(max(0, 2 * nodes.count - 1))
      var previous = ""
      for (text, node) in nodes where !text.isEmpty {
        if !result.isEmpty, let last = previous.last, last != "'" && last != "\u{2019}" && last != "-" && last != " " {
          // In display order the dropping particle joins what follows it too ("de\u{A0}Gaulle").
          let joins =
            (previous == nonDropping && text == family)
            || (joiningDropping && previous == dropping && (text == family || text == nonDropping))
          result.append(.text(joins ? particleSpace : " "))
        }
        result.append(node)
        previous = text
      }
      return result
    }
    let familyCore = piece(family, familyPart, withCase: true)
    // Most names have no particle: their family pieces are the family name alone, as `spaced`
    // would make them, without the lists it builds (two a call, some 150,000 calls at 10k).
    let noParticles = dropping.isEmpty && nonDropping.isEmpty
    func familyAndParticle() -> [Node] {
      noParticles
        ? [familyCore] : spaced([(nonDropping, piece(nonDropping, familyPart, withCase: true)), (family, familyCore)])
    }
    if form == .short {
      if mode == .sort && !nonDropping.isEmpty && compiled.style.demoteNonDroppingParticle != .never
        && !hasStaticOrder(person)
      {
        // citeproc-js: a short name in a sort key keeps its particle, after the family name
        // (names written family first keep it in front).
        return .sequence([block(familyCore, familyPart), .text(" "), piece(nonDropping, familyPart)])
      }
      return noParticles ? block(familyCore, familyPart) : block(familyAndParticle(), familyPart)
    }
    if given.isEmpty && dropping.isEmpty {
      var pieces = familyAndParticle()
      if !suffix.isEmpty { pieces.append(.text(" " + suffix)) }
      return block(pieces, familyPart)
    }
    let givenCore = piece(given, givenPart, withCase: true)
    if hasStaticOrder(person) {
      // Family name first, one space, no separator, in every position, and without the
      // name-parts' affixes ("Clark Patricia" where others print "Baker, Hans"), as citeproc-js.
      let familyBlock = Node.sequence(familyAndParticle())
      return .sequence([familyBlock, .text(" "), givenCore])
    }
    if sortOrder {
      let separator = options.sortSeparator ?? ", "
      let demote =
        compiled.style.demoteNonDroppingParticle == .displayAndSort
        || (mode == .sort && compiled.style.demoteNonDroppingParticle == .sortOnly)
      var pieces: [Node] = []
      pieces.reserveCapacity(4)
      let givenPieces: [Node]
      if noParticles {
        // Given is not empty here (a name without it or a particle returned above).
        pieces.append(block(familyCore, familyPart))
        pieces.append(.text(separator))
        pieces.append(block(givenCore, givenPart))
        if !suffix.isEmpty { pieces.append(.text(separator + suffix)) }
        return .sequence(pieces)
      } else if demote {
        pieces.append(block(familyCore, familyPart))
        givenPieces = spaced([
          (given, givenCore), (dropping, piece(dropping, givenPart, withCase: true)),
          (nonDropping.trimmingSpaces(), piece(nonDropping.trimmingSpaces(), familyPart, withCase: true)),
        ])
      } else {
        pieces.append(block(familyAndParticle(), familyPart))
        givenPieces = spaced([(given, givenCore), (dropping, piece(dropping, givenPart, withCase: true))])
      }
      if !givenPieces.isEmpty {
        pieces.append(.text(separator))
        pieces.append(block(givenPieces, givenPart))
      }
      if !suffix.isEmpty { pieces.append(.text(separator + suffix)) }
      return .sequence(pieces)
    }
    let familyBlock: Node
    if noParticles && suffix.isEmpty {
      // A family name alone (most names) is its own block, without a list of one piece.
      familyBlock = block(familyCore, familyPart)
    } else {
      var familyPieces =
        noParticles
        ? [familyCore]
        : spaced(
          [
            // The dropping particle takes the given name's formatting and case (citeproc-js, and the
            // specification's "given" name-part), though the family's affixes enclose it.
            (dropping, piece(dropping, givenPart, withCase: true)),
            (nonDropping, piece(nonDropping, familyPart, withCase: true)),
            (family, familyCore),
          ], joiningDropping: true)
      if !suffix.isEmpty { familyPieces.append(.text((person.commaSuffix ? ", " : " ") + suffix)) }
      familyBlock = block(familyPieces, familyPart)
    }
    var pieces: [Node] = []
    pieces.reserveCapacity(3)
    if !given.isEmpty {
      pieces.append(block(givenCore, givenPart))
      if !(givenPart?.suffix?.last.map { $0.isWhitespace } ?? false) { pieces.append(.text(" ")) }
    }
    pieces.append(familyBlock)
    return .sequence(pieces)
  }

  /// Records that the given-name level of the name at `index` can change what it prints.
  private func noteLevelRead(_ index: Int, readsLevel: Bool) {
    nameLevelsMatter = true
    if readsLevel { givenLevelReads?.insert(index) }
  }

  /// citeproc-js, by-cite rule: a bibliography name printed longer than its citation expands
  /// when another name of the same item seen so far shares its family name: to initials when
  /// their initials differ, in full when they are the same.
  private func withinItemLevel(_ person: Name, index: Int, styled: Int, options: CSL.NameOptions) -> Int {
    guard let family = person.family, let given = person.given, !given.isEmpty else { return styled }
    let seen = (seenNames ?? []) + namesetNames.prefix(index + 1)
    guard seen.contains(where: { $0.family == family && $0.given != given }) else { return styled }
    let keys = { (given: String) in Self.givenKey(given, cache: self.cache) }
    let mine = keys(given)
    var initials = Set<String>()
    var givens = Set<String>()
    for other in seen where other.family == family {
      guard let otherGiven = other.given, !otherGiven.isEmpty else { continue }
      let key = keys(otherGiven)
      initials.insert(key.initials)
      if key.initials == mine.initials { givens.insert(key.given) }
    }
    if givens.count > 1 || (initials.count > 1 && options.initializeWith == nil) { return 2 }
    return initials.count > 1 ? max(styled, 1) : styled
  }

  /// Text as the given-name rules compare names: periods dropped, words single-spaced.
  static func withoutPeriods(_ text: String) -> String {
    // Without a period or a space byte there is nothing to drop (no other character equals
    // either): most family names, in any script, are returned as they are.
    guard text.containsByte(where: { $0 == 0x2E || $0 == 0x20 }) else { return text }
    // ASCII (one character a byte: no carriage return) is cut on its bytes.
    guard text.isPlainASCII else { return withoutPeriodsByCharacters(text) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for byte in text.utf8 {
      if byte == 0x2E || byte == 0x20 {
        pendingSpace = !bytes.isEmpty
        continue
      }
      if pendingSpace { bytes.append(0x20) }
      pendingSpace = false
      bytes.append(byte)
    }
    return bytes.elementsEqual(text.utf8) ? text : String(decoding: bytes, as: UTF8.self)
  }

  static func withoutPeriodsByCharacters(_ text: String) -> String {
    text.split(whereSeparator: { $0 == "." || $0 == " " }).joined(separator: " ")
  }

  /// A given name as the given-name rules compare it (`withoutPeriods`), with its initials
  /// ("J.-P. M." for "Jean-Paul Marie"); `cache` keeps initials already worked out.
  static func givenKey(_ given: String, cache: RenderCache?) -> (initials: String, given: String) {
    let plain = withoutPeriods(given)
    let initials =
      cache?.initials(plain, with: ".", hyphen: true, initialize: true)
      ?? Self.initials(plain, with: ".", hyphen: true, initialize: true)
    return (initials, plain)
  }

  /// Names written family first in every position: `static-ordering` in the data, Latin-script
  /// names in a Chinese or Japanese item (romanized names keep their native order), and names
  /// in a Vietnamese or Hungarian item (names with script forms of their own excepted).
  func hasStaticOrder(_ person: Name) -> Bool {
    if person.staticOrdering { return true }
    // Names with their own script forms follow Cited's multilingual extension, not the item.
    guard nameForms == nil, person.forms.isEmpty, let language = lookup.language else { return false }
    // Compared on the first three bytes, case-insensitively and without allocating: this runs
    // for every name rendered.
    var bytes = language.utf8.makeIterator()
    guard let first = bytes.next().map({ $0 | 0x20 }), let second = bytes.next().map({ $0 | 0x20 }) else {
      return false
    }
    let primary = (first, second)
    if primary == (0x7A, 0x68) || primary == (0x6A, 0x61) { return true }  // zh…, ja…
    return bytes.next() == nil && (primary == (0x76, 0x69) || primary == (0x68, 0x75))  // vi, hu
  }

  /// One name piece with the name-part's formatting (and text-case for the main piece).
  private func piece(_ text: String, _ decoration: CSL.Decoration?, withCase: Bool = false) -> Node {
    // An empty part (no particle, most often) parses to itself.
    guard !text.isEmpty else { return .text(text) }
    var node = RichText.parse(text, quotes: compiled.terms.dataQuotes)
    guard let decoration else { return node }
    if withCase, let textCase = decoration.textCase {
      // citeproc-js cases name parts whatever the item's language.
      var caser = TextCaser(textCase, english: true)
      node = caser.applyAll(node)
    }
    return Self.format(node, decoration.formatting)
  }

  /// `block` of one piece, without a list to hold it.
  private func block(_ node: Node, _ decoration: CSL.Decoration?) -> Node {
    guard let decoration, !(decoration.prefix ?? "").isEmpty || !(decoration.suffix ?? "").isEmpty else { return node }
    return block([node], decoration)
  }

  /// The name-part's affixes around its pieces.
  private func block(_ nodes: [Node], _ decoration: CSL.Decoration?) -> Node {
    let prefix = decoration?.prefix ?? ""
    let suffix = decoration?.suffix ?? ""
    // Most name-parts have no affixes: the pieces are the block (no list to build).
    if prefix.isEmpty && suffix.isEmpty { return nodes.count == 1 ? nodes[0] : .sequence(nodes) }
    var parts: [Node] = []
    parts.reserveCapacity(nodes.count + 2)
    if !prefix.isEmpty { parts.append(.text(prefix)) }
    parts.append(contentsOf: nodes)
    if !suffix.isEmpty { parts.append(.text(suffix)) }
    return parts.count == 1 ? parts[0] : .sequence(parts)
  }

  static func droppingFirstApostrophe(_ particle: String) -> String {
    guard let index = particle.firstIndex(where: { $0 == "'" || $0 == "\u{2019}" }) else { return particle }
    var result = particle
    result.remove(at: index)
    return result
  }

  static func particleSpace(_ defaultLocale: String?) -> String {
    let language = (defaultLocale ?? "").prefix(2).lowercased()
    return language == "fr" || language == "ru" || language == "cs" ? "\u{A0}" : " "
  }

  static func joinParticle(_ particle: String, _ family: String) -> String {
    guard !particle.isEmpty else { return family }
    guard !family.isEmpty else { return particle }
    if let last = particle.last, last == "'" || last == "\u{2019}" || last == "-" || last == " " {
      return particle + family
    }
    return particle + " " + family
  }

  /// Turns given names into initials ("Jean-Paul Marie" → "J.-P. M."). Single letters and
  /// abbreviations written with a period ("Ph.") count as initials; other words are
  /// initialized only when `initialize` is true; lowercase words ("de") stay whole.
  static func initials(
    _ given: String, with mark: String, hyphen: Bool, initialize: Bool, markup: Bool = true
  ) -> String {
    if let initials = ASCIIInitials.initials(given, with: mark, hyphen: hyphen, initialize: initialize) {
      return initials
    }
    return characterInitials(given, with: mark, hyphen: hyphen, initialize: initialize, markup: markup)
  }

  /// `initials` character by character, for any text (`ASCIIInitials` reads most names faster).
  static func characterInitials(
    _ given: String, with mark: String, hyphen: Bool, initialize: Bool, markup: Bool = true
  ) -> String {
    if markup && given.contains("<") && given.contains(">") {
      return markedInitials(given, with: mark, hyphen: hyphen, initialize: initialize)
    }
    // Without initialize-with-hyphen, a hyphen separates words like a space (citeproc-js:
    // "Seo-yeon" → "S. yeon", "Jean-Pierre" → "J. P.").
    let characters = hyphen ? Array(given) : given.map { $0 == "-" ? " " : $0 }
    // Tokenize: words separated by spaces or periods; remember which had a period.
    var tokens: [(text: String, abbreviated: Bool)] = []
    var current = ""
    for character in characters {
      if character == "." || character == " " {
        if !current.isEmpty {
          tokens.append((current, character == "."))
          current = ""
        }
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { tokens.append((current, false)) }
    var result = ""
    let trimmedMark = mark.droppingTrailingNameSpace()
    for var token in tokens {
      // A hyphen after a period ("Tz.-Ch.") joins the next initial to the previous one.
      if token.text.hasPrefix("-"), !result.isEmpty {
        token.text.removeFirst()
        guard !token.text.isEmpty else { continue }
        result = result.droppingTrailingNameSpace() + "-"
      }
      let pieces = token.text.split(separator: "-", omittingEmptySubsequences: true).map(String.init)
      // "Jean-P." is a name and an initial: only a token without a hyphen is one initial.
      let isInitial = token.text.count == 1 || (token.abbreviated && pieces.count < 2)
      if let first = token.text.first, first.isLowercase, !isInitial {
        if !result.isEmpty && !result.hasSuffix(" ") { result += " " }
        result += token.text + " "
        continue
      }
      if isInitial {
        result += token.text + mark
      } else if initialize {
        var initialsOfPieces: [String] = []
        for (pieceIndex, piece) in pieces.enumerated() {
          guard let first = piece.first else { continue }
          if pieceIndex > 0 && first.isLowercase { continue }
          let letters = Array(piece)
          if letters.count > 2, letters[1].isUppercase, letters[2].isLowercase {
            initialsOfPieces.append(String(first) + String(letters[1]).lowercased())
          } else {
            initialsOfPieces.append(String(first))
          }
        }
        if hyphen {
          result += initialsOfPieces.map { $0 + trimmedMark }.joined(separator: "-")
          result += String(mark.dropFirst(trimmedMark.count))
        } else {
          result += initialsOfPieces.map { $0 + mark }.joined()
        }
      } else {
        if !result.isEmpty && !result.hasSuffix(" ") && !result.hasSuffix("-") { result += " " }
        // An abbreviated word keeps its period ("Jean-P.", initialize="false").
        result += token.text + (token.abbreviated ? trimmedMark : "") + " "
      }
    }
    return result.droppingTrailingNameSpace()
  }
}
