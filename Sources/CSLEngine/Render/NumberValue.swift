import BibModel

/// A number variable (page, volume, issue, locator, ...) read the way citeproc-js reads it, so
/// labels' plurals, range delimiters and page-range collapsing agree with the reference
/// processor on messy data. The value splits at joiners (`-`, `–`, `&`, ` and `, `, `, `; `)
/// into parts; each part may carry a statute-style label (`vol.`, `no.`, `p.`), a letter
/// particle (`S` in `S12`, `45n` in `45n2`) and the joiner that follows it. A group of parts
/// under one label is numeric when its first part is a number (optionally followed by letters
/// or `-,:`) or a lowercase roman numeral of i, v and x; it is plural when it holds more than
/// one part and its first part starts with a number or is a roman numeral.
struct NumberValue {
  struct Part {
    /// The label as written ("vol.", "p.") or "var:" and the variable's name.
    var label: String
    /// The first label of the field when it differs from this part's label.
    var origLabel: String
    /// The white space written after the label.
    var labelSuffix: String
    /// True when the label is printed before the value.
    var labelVisible: Bool
    var particle: String
    var value: String
    /// The joiner written after the part ("-", ", ", " & "), empty for the last.
    var joiningSuffix: String
    var numeric = false
    var collapsible = false
    var plural = false
  }

  /// What the parse needs from its surroundings.
  struct Context {
    /// The variable as the style names it ("page-first", "locator", "volume").
    var variable: CSLVariable
    /// The cite's locator label ("page", "chapter"), for locators.
    var locatorLabel: String?
    /// The locale's "and" term when the locale is not English (English "and" always joins),
    /// and the symbol joining parts written with `&`; asked only for values that need them.
    var joiners: () -> (localAnd: String?, ampersand: String)
    /// True when the item is a legal case (its number's hyphens join nothing).
    var isLegalCase = false
    /// Whether the locale defines a term.
    var hasTerm: (String) -> Bool
  }

  var parts: [Part]
  /// The variable named by the first part's label ("issue" for "no. 3"), nil when none.
  var labelVariable: String?
  var numeric: Bool
  var plural: Bool

  /// The variable with `page-first` read as `page`.
  let variable: CSLVariable

  static let labelVariables: [String: String] = NumericTest.labels.merging(["ser.": "series,"]) { a, _ in a }
  static let labelsOfVariables: [String: String] = NumericTest.defaultLabels.merging(["series,": "ser."]) { a, _ in a }
  private static let listVariables: Set<CSLVariable> = [.locator, .number, .locatorExtra, .page]

  /// `shortcuts`: values of digits and letters alone are read without splitting (false only in
  /// tests, to check that the general parse reads them alike).
  init(_ text: String, context: Context, shortcuts: Bool = true) {
    let realVariable = context.variable
    let variable = realVariable == .pageFirst ? .page : realVariable
    self.variable = variable
    var text = text
    if context.isLegalCase, realVariable == .number, text.contains("-") {
      text = Self.escapingHyphens(text)
    }
    let defaultLabel = Self.labelsOfVariables[variable.rawValue] ?? ""
    var parts: [Part]
    if shortcuts, let fast = Self.plainNumbers(text, variable: variable, realVariable: realVariable, context: context) {
      // The common cases: one plain number, two joined by a hyphen, or one with letters.
      parts = fast
    } else {
      parts = Self.parse(
        text, defaultLabel: defaultLabel, variable: variable, realVariable: realVariable, context: context)
    }
    // A part without a joiner before a labelled part is followed by a space.
    if parts.count > 1 {
      for index in 0..<(parts.count - 1) where parts[index].joiningSuffix.isEmpty && !parts[index + 1].label.isEmpty {
        parts[index].joiningSuffix = " "
      }
    }
    Self.setPluralsAndNumerics(&parts, variable: variable, hasTerm: context.hasTerm)
    if !parts.isEmpty, parts[0].numeric, variable.rawValue.hasPrefix("number-of-"), (Self.leadingInteger(text) ?? 0) > 1
    {
      parts[0].plural = true
    }
    for index in parts.indices where !parts[index].numeric { parts[index].plural = false }
    numeric = parts.first?.numeric ?? false
    plural = parts.first?.plural ?? false
    labelVariable = parts.first.flatMap { Self.labelVariables[$0.label] }
    if variable == .number, labelVariable == "issue", context.hasTerm("number") { labelVariable = "number" }
    // "91 Civ. 5442|91 Civ. 5471": several numbers written with bars.
    if variable == .number, parts.count == 1, parts[0].value.contains("|") {
      parts[0].value = parts[0].value.replacingAll("|", with: ", ")
      parts[0].numeric = true
      parts[0].plural = true
      parts[0].collapsible = false
      numeric = true
      plural = true
    }
    // "12/13": slash-joined numbers are one number.
    if parts.count == 1, Self.isSlashedNumbers(parts[0].value) {
      parts[0].numeric = true
      parts[0].plural = false
      parts[0].collapsible = false
      numeric = true
      plural = false
    }
    self.parts = parts
  }

  /// A value of digits alone ("12"), two numbers joined by a bare hyphen ("12-15"), or ASCII
  /// letters and digits with a digit among them ("e74478", "C7", "45n2"), parsed without
  /// splitting; nil for other values, and when the value's embedded label would not count as
  /// a label (the general parse then decides). The general parse finds no joiner and no label
  /// in letters and digits (a label is followed by a full stop or a space, and every known
  /// label ends in a full stop) and takes the value whole, its particle split off as here (an
  /// article number took some 79,000 instructions).
  private static func plainNumbers(
    _ text: String, variable: CSLVariable, realVariable: CSLVariable, context: Context
  )
    -> [Part]?
  {
    var hyphen: String.Index?
    var sawDigit = false
    var sawLetter = false
    for index in text.utf8.indices {
      let byte = text.utf8[index]
      if byte >= 0x30 && byte <= 0x39 {
        sawDigit = true
      } else if byte == 0x2D, hyphen == nil, sawDigit, !sawLetter {
        hyphen = index
        sawDigit = false
      } else if byte.isASCIILetter, hyphen == nil {
        sawLetter = true
      } else {
        return nil
      }
    }
    guard sawDigit else { return nil }
    let label: String
    let position: Int?
    if variable == .locator || variable == .locatorExtra || variable == .page {
      guard let found = context.locatorLabel.map({ labelsOfVariables[$0] }) ?? "p." else { return nil }
      label = found
    } else if let found = labelsOfVariables[variable.rawValue] {
      label = found
    } else {
      label = "var:" + variable.rawValue
    }
    if label.hasPrefix("var:") {
      position = nil
    } else {
      guard let named = labelVariables[label], listVariables.contains(variable) || named == variable.rawValue,
        context.hasTerm(named)
      else { return nil }
      position = 0
    }
    func plain(_ value: String, joiner: String, position: Int?) -> Part {
      let visible = realVariable == .page && position == 0 && label != "p." && label != "pp."
      return Part(
        label: label, origLabel: "", labelSuffix: position == nil && label.hasPrefix("var:") ? "" : " ",
        labelVisible: visible, particle: "", value: value, joiningSuffix: joiner)
    }
    guard let hyphen else {
      var part = plain(text, joiner: "", position: position)
      if sawLetter { (part.particle, part.value) = splitParticle(text) }
      return [part]
    }
    return [
      plain(String(text[..<hyphen]), joiner: "-", position: position),
      plain(String(text[text.index(after: hyphen)...]), joiner: "", position: nil),
    ]
  }

  // MARK: - Splitting

  private static func parse(
    _ text: String, defaultLabel: String, variable: CSLVariable, realVariable: CSLVariable, context: Context
  ) -> [Part] {
    var text = withEmbeddedLabel(
      text.trimmingWhitespace(), variable: variable, locatorLabel: context.locatorLabel)
    if variable == .page, text.contains("\u{2013}") { text = text.replacingAll("\u{2013}", with: "-") }
    var hyphenJoins = true
    if text.contains("\\-") {
      // An escaped hyphen joins nothing; the other hyphens then read as en dashes.
      hyphenJoins = false
      let pieces = text.components(separatedBy: "\\-").map { $0.replacingAll("-", with: "\u{2013}") }
      text = pieces.joined(separator: "\\-").replacingAll("\\", with: "")
    }
    let (localAnd, ampersand) = context.joiners()
    var elements = split(Array(text), hyphenJoins: hyphenJoins, localAnd: localAnd, ampersand: ampersand)
    elements = fixedSubsections(elements)
    var parts: [Part] = []
    var label = defaultLabel
    var origLabel = ""
    var index = 0
    while index < elements.count {
      let element = elements[index]
      let joiner = index + 1 < elements.count ? elements[index + 1] : ""
      var (pieces, labels) = labelSplit(Array(element))
      if labels.isEmpty {
        let filtered = origLabel == label.trimmingWhitespace() ? "" : origLabel
        parts.append(
          part(origLabel: filtered, label: label, value: element, joiner: joiner, position: nil, variable: variable))
        index += 2
        continue
      }
      mergeNonNumbers(&pieces, &labels)
      if let first = labels.first {
        let slug = first.trimmingWhitespace()
        let named = labelVariables[slug]
        let isLabel =
          named.map { context.hasTerm($0) && (listVariables.contains(variable) || $0 == variable.rawValue) } ?? false
        if !isLabel {
          if index == 0 {
            labels.removeFirst()
            pieces[0] = pieces[0] + " " + slug + " " + pieces[1]
            pieces.remove(at: 1)
          }
        } else {
          origLabel = slug
        }
      }
      for (position, piece) in pieces.enumerated() where !piece.isEmpty || position == pieces.count - 1 {
        if position > 0 { label = labels[position - 1] }
        let filtered = origLabel == label.trimmingWhitespace() ? "" : origLabel
        parts.append(
          part(
            origLabel: filtered, label: label, value: piece.trimmingWhitespace(),
            joiner: position == pieces.count - 1 ? joiner : "", position: index, realVariable: realVariable,
            variable: variable))
      }
      index += 2
    }
    return parts
  }

  /// citeproc-js puts the variable's own label before a value that does not start with one.
  private static func withEmbeddedLabel(_ text: String, variable: CSLVariable, locatorLabel: String?) -> String {
    guard let first = text.first, !first.isWhitespaceByASCII else { return text }
    let firstWord = String(text.prefix { $0 != " " })
    guard labelVariables[firstWord] == nil else { return text }
    let label: String?
    if variable == .locator || variable == .locatorExtra || variable == .page {
      label = locatorLabel.map { labelsOfVariables[$0] } ?? "p."
    } else {
      label = labelsOfVariables[variable.rawValue]
    }
    return label.map { $0 + " " + text } ?? text
  }

  /// The value split at joiners: values at even positions, joiners at odd ones. `skipping`:
  /// `joinerEnd` is not asked at characters no joiner starts with (false only in tests, to
  /// check that it changes nothing).
  static func split(
    _ characters: [Character], hyphenJoins: Bool, localAnd: String?, ampersand: String, skipping: Bool = true
  )
    -> [String]
  {
    var andWords: [[Character]] = [Array("and")]
    if let localAnd, !localAnd.isEmpty { andWords.append(Array(localAnd)) }
    var elements: [String] = []
    var start = 0
    var index = 0
    while index < characters.count {
      // Every joiner starts with a space, `&`, `,`, `;`, `\\` or a dash: at any other character
      // `joinerEnd` finds none, and is not asked.
      guard !skipping || mayStartJoiner(characters[index]),
        let end = joinerEnd(characters, at: index, hyphenJoins: hyphenJoins, andWords: andWords)
      else {
        index += 1
        continue
      }
      let before = String(characters[start..<index])
      var joiner = String(characters[index..<end])
      if isAmpersandJoiner(characters[index..<end]) {
        let beforeLetters = (before.first.map(isASCIILetter) ?? false) && (before.last.map(isASCIILetter) ?? false)
        joiner = beforeLetters ? ampersand : " " + ampersand + " "
      }
      elements.append(before)
      elements.append(joiner)
      start = end
      index = end
    }
    elements.append(String(characters[start...]))
    return elements
  }

  /// Whether a joiner may start at the character (`joinerEnd`'s alternatives all start with
  /// one of these); ASCII is decided on its byte, anything else by `isWhitespace`.
  private static func mayStartJoiner(_ character: Character) -> Bool {
    guard let ascii = character.asciiValue else { return character.isWhitespace || character == "\u{2013}" }
    switch ascii {
    case 0x09...0x0D, 0x20, 0x26, 0x2C, 0x3B, 0x5C, 0x2D: return true
    default: return false
    }
  }

  private static func isAmpersandJoiner(_ joiner: ArraySlice<Character>) -> Bool {
    joiner.contains("&") && joiner.allSatisfy { $0 == "&" || $0.isWhitespaceByASCII }
      && joiner.filter { $0 == "&" }.count == 1
  }

  /// The end of a joiner starting at `index`, trying citeproc-js's alternatives in order.
  private static func joinerEnd(_ c: [Character], at index: Int, hyphenJoins: Bool, andWords: [[Character]]) -> Int? {
    let count = c.count
    func spaces(from position: Int) -> Int {
      var probe = position
      while probe < count, c[probe].isWhitespaceByASCII { probe += 1 }
      return probe
    }
    // `\s*&\s*`
    var probe = spaces(from: index)
    if probe < count, c[probe] == "&" { return spaces(from: probe + 1) }
    // `,\s+and\s+` and `\s+and\s+`
    for word in andWords {
      for comma in [true, false] {
        probe = index
        if comma {
          guard c[probe] == "," else { continue }
          probe += 1
        }
        let afterSpaces = spaces(from: probe)
        guard afterSpaces > probe, afterSpaces + word.count < count,
          Array(c[afterSpaces..<(afterSpaces + word.count)]) == word
        else { continue }
        let end = spaces(from: afterSpaces + word.count)
        if end > afterSpaces + word.count { return end }
      }
    }
    // `;\s+` and `,\s+`
    if c[index] == ";" || c[index] == ",", index + 1 < count, c[index + 1].isWhitespaceByASCII {
      return spaces(from: index + 1)
    }
    // `\s*\\*[-–]+\s*`
    probe = spaces(from: index)
    while probe < count, c[probe] == "\\" { probe += 1 }
    let dashStart = probe
    while probe < count, c[probe] == "\u{2013}" || (hyphenJoins && c[probe] == "-") { probe += 1 }
    if probe > dashStart { return spaces(from: probe) }
    return nil
  }

  /// "12a-c": a number with letters, a bare hyphen and letters is one value.
  private static func fixedSubsections(_ elements: [String]) -> [String] {
    var elements = elements
    var index = elements.count - 2
    while index > 0 {
      if elements[index] == "-", isSubsectionHead(elements[index - 1]),
        !elements[index + 1].isEmpty, elements[index + 1].allSatisfy({ $0 == "," || isASCIILetter($0) })
      {
        elements[index - 1] = elements[index - 1] + "-" + elements[index + 1]
        elements.removeSubrange(index...(index + 1))
      }
      index -= 2
    }
    return elements
  }

  /// Labels like "p. " (one to four lowercase letters, a full stop, spaces), then digits, then
  /// letters or commas.
  private static func isSubsectionHead(_ text: String) -> Bool {
    var rest = Substring(text)
    while true {
      let letters = rest.prefix { $0.isASCII && $0.isLowercase }
      guard (1...4).contains(letters.count) else { break }
      let afterLetters = rest.dropFirst(letters.count)
      guard afterLetters.first == ".", afterLetters.dropFirst().first == " " else { break }
      rest = afterLetters.dropFirst(2).drop { $0 == " " }
    }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    let tail = rest.dropFirst(digits.count)
    return !digits.isEmpty && !tail.isEmpty && tail.allSatisfy { $0 == "," || isASCIILetter($0) }
  }

  /// An element split at labels ("5 no. 6" → ["5", "6"], [" no. "]).
  private static func labelSplit(_ characters: [Character]) -> ([String], [String]) {
    var pieces: [String] = []
    var labels: [String] = []
    var start = 0
    var index = 0
    while index < characters.count {
      if index == 0 || characters[index] == " ", let length = labelLength(characters, at: index) {
        pieces.append(String(characters[start..<index]))
        labels.append(String(characters[index..<(index + length)]))
        index += length
        start = index
        continue
      }
      index += 1
    }
    pieces.append(String(characters[start...]))
    return (pieces, labels)
  }

  /// A label at `index`: start of text or a space, one to four lowercase letters (or a longer
  /// known abbreviation), a full stop or a space, and any spaces after.
  private static func labelLength(_ characters: [Character], at index: Int) -> Int? {
    var probe = index
    if characters[probe] == " " { probe += 1 }
    let start = probe
    while probe < characters.count, characters[probe].isASCII, characters[probe].isLowercase { probe += 1 }
    let length = probe - start
    guard length > 0, probe < characters.count, characters[probe] == "." || characters[probe] == " " else {
      return nil
    }
    if length > 4 {
      guard longLabels.contains(String(characters[start..<probe])) else { return nil }
    }
    probe += 1
    while probe < characters.count, characters[probe] == " " { probe += 1 }
    return probe - index
  }

  private static let longLabels: Set<String> = [
    "subpara", "subch", "amend", "bibliog", "annot", "illus", "princ", "intro", "sched", "subdiv", "subsec",
  ]

  /// Labels between values that are not both plain numbers are part of the text.
  private static func mergeNonNumbers(_ pieces: inout [String], _ labels: inout [String]) {
    var position = pieces.count - 1
    while position > 0 {
      if !pieces[position - 1].isEmpty && (!isLabeledNumber(pieces[position]) || !isLabeledNumber(pieces[position - 1]))
      {
        pieces[position - 1] += labels[position - 1] + pieces[position]
        pieces.remove(at: position)
        labels.remove(at: position - 1)
      }
      position -= 1
    }
  }

  /// Digits then letters or `-;,:` ("12", "12a", "3-").
  private static func isLabeledNumber(_ text: String) -> Bool {
    let rest = text.drop { $0.isASCII && $0.isNumber }
    return rest.count < text.count && rest.allSatisfy { isASCIILetter($0) || "-;,:".contains($0) }
  }

  /// One part: its label, particle and value.
  private static func part(
    origLabel: String, label: String, value: String, joiner: String, position: Int?, realVariable: CSLVariable = "",
    variable: CSLVariable
  ) -> Part {
    var label = label
    if label.isEmpty && labelsOfVariables[variable.rawValue] == nil { label = "var:" + variable.rawValue }
    var visible = false
    var suffix = ""
    if !label.isEmpty {
      let trimmedStart = label.drop { $0.isWhitespaceByASCII }
      let word = trimmedStart.prefix { !$0.isWhitespaceByASCII }
      suffix = String(trimmedStart.dropFirst(word.count).prefix { $0.isWhitespaceByASCII })
      label = String(word)
      visible = realVariable == .page && position == 0 && label != "p." && label != "pp."
    }
    let (particle, number) = splitParticle(value)
    return Part(
      label: label, origLabel: origLabel, labelSuffix: suffix, labelVisible: visible, particle: particle,
      value: number, joiningSuffix: normalizedJoiner(joiner))
  }

  /// The first hyphen with its spaces becomes a bare hyphen ("12 - 15").
  private static func normalizedJoiner(_ joiner: String) -> String {
    guard let hyphen = joiner.firstIndex(of: "-") else { return joiner }
    var start = hyphen
    while start > joiner.startIndex, joiner[joiner.index(before: start)].isWhitespaceByASCII {
      start = joiner.index(before: start)
    }
    var end = joiner.index(after: hyphen)
    while end < joiner.endIndex, joiner[end].isWhitespaceByASCII { end = joiner.index(after: end) }
    return String(joiner[..<start]) + "-" + String(joiner[end...])
  }

  /// A letter particle and the number after it ("S12" → ("S", "12"), "45n2" → ("45n", "2")).
  static func splitParticle(_ text: String) -> (String, String) {
    guard !text.isEmpty else { return ("", text) }
    // A particle and its number hold only ASCII letters and digits, `-` and `,`: a text with
    // any other byte has no split, and one with none is split on its bytes (one per character).
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      guard byte.isASCIIAlphanumeric || byte == 0x2D || byte == 0x2C else { return ("", text) }
      bytes.append(byte)
    }
    for split in stride(from: bytes.count - 1, through: 1, by: -1)
    where isParticle(bytes[..<split]) && isParticleNumber(bytes[split...]) {
      return (String(decoding: bytes[..<split], as: UTF8.self), String(decoding: bytes[split...], as: UTF8.self))
    }
    return ("", text)
  }

  /// `isParticle` on ASCII bytes: digits, then letters, then zeros only.
  private static func isParticle(_ text: ArraySlice<UInt8>) -> Bool {
    var rest = text.drop { (0x30...0x39).contains($0) }
    let letters = rest.prefix { $0.isASCIILetter }
    guard !letters.isEmpty else { return false }
    rest = rest.dropFirst(letters.count)
    return rest.allSatisfy { $0 == 0x30 }
  }

  /// `isParticleNumber` on ASCII bytes: digits, then letters, `-` or `,` only.
  private static func isParticleNumber(_ text: ArraySlice<UInt8>) -> Bool {
    let rest = text.drop { (0x30...0x39).contains($0) }
    guard rest.count < text.count else { return false }
    return rest.allSatisfy { $0.isASCIILetter || $0 == 0x2D || $0 == 0x2C }
  }

  // MARK: - Numerics and plurals

  private static func setPluralsAndNumerics(_ parts: inout [Part], variable: CSLVariable, hasTerm: (String) -> Bool) {
    guard !parts.isEmpty else { return }
    var groupStart = 0
    for index in 1...parts.count where index == parts.count || parts[index - 1].label != parts[index].label {
      fixNumericAndCount(&parts, start: groupStart, count: index - groupStart)
      fixLabelVisibility(&parts, start: groupStart, variable: variable, hasTerm: hasTerm)
      groupStart = index
    }
  }

  private static func fixNumericAndCount(_ parts: inout [Part], start: Int, count: Int) {
    let value = parts[start].value
    let numeric = !value.isEmpty && isMasterNumber(value)
    let collapsible = leadingInteger(value) != nil || isRomanLetters(value)
    for index in start..<(start + count) {
      if count > 1 && collapsible { parts[index].plural = true }
      parts[index].numeric = numeric
      parts[index].collapsible = collapsible
    }
  }

  /// Digits or `[ixv]+`, then letters and `-,:`, or a hyphen and digits and hyphens. ASCII
  /// text (one character a byte: no carriage return) is read from its bytes.
  static func isMasterNumber(_ text: String) -> Bool {
    guard text.isPlainASCII else { return isMasterNumberByCharacters(text) }
    let bytes = text.utf8
    var start = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
    if start == 0 { start = bytes.prefix { $0 == 0x69 || $0 == 0x78 || $0 == 0x76 }.count }
    guard start > 0 else { return false }
    let rest = bytes.dropFirst(start)
    if rest.allSatisfy({ Self.isASCIILetter(byte: $0) || $0 == 0x2D || $0 == 0x2C || $0 == 0x3A }) { return true }
    return rest.first == 0x2D && rest.count > 1
      && rest.dropFirst().allSatisfy { $0 == 0x2D || ($0 >= 0x30 && $0 <= 0x39) }
  }

  static func isMasterNumberByCharacters(_ text: String) -> Bool {
    var rest = Substring(text).drop { $0.isASCII && $0.isNumber }
    if rest.count == text.count { rest = rest.drop { $0 == "i" || $0 == "x" || $0 == "v" } }
    guard rest.count < text.count else { return false }
    if rest.allSatisfy({ isASCIILetter($0) || $0 == "-" || $0 == "," || $0 == ":" }) { return true }
    return rest.first == "-" && rest.dropFirst().allSatisfy { $0 == "-" || ($0.isASCII && $0.isNumber) }
      && rest.count > 1
  }

  private static func fixLabelVisibility(
    _ parts: inout [Part], start: Int, variable: CSLVariable, hasTerm: (String) -> Bool
  ) {
    let label = parts[start].label
    guard !label.hasPrefix("var:") else { return }
    if start == 0 {
      if listVariables.contains(variable) {
        if !(labelVariables[label].map(hasTerm) ?? false) { parts[start].labelVisible = true }
      } else if labelVariables[label] != variable.rawValue {
        parts[0].labelVisible = true
      }
    } else {
      parts[start].labelVisible = true
    }
  }

  // MARK: - Helpers

  /// True when a locale defines a term, or the term is one every locale inherits from en-US
  /// (citeproc-js always falls back to it): labels of other names ("subpara.", "rn.") are text.
  static func hasTerm(_ name: String, in terms: Terms) -> Bool {
    if inheritedTerms.contains(name) { return true }
    return terms.term(name).map { !$0.isEmpty } ?? false
  }

  private static let inheritedTerms: Set<String> = [
    "appendix", "article-locator", "book", "chapter", "column", "figure", "folio", "issue", "line", "note",
    "opus", "page", "paragraph", "part", "rule", "section", "sub-verbo", "supplement", "table", "title-locator",
    "verse", "volume",
  ]

  static func isDigits(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  static func isASCIILetter(_ character: Character) -> Bool { character.isASCII && character.isLetter }

  static func isASCIILetter(byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

  /// JavaScript's parseInt: optional white space and sign, then digits.
  static func leadingInteger(_ text: String) -> Int? {
    // ASCII digits first, without building substrings.
    var total = 0
    var count = 0
    for byte in text.utf8 {
      guard byte >= 0x30 && byte <= 0x39, count < 18 else { break }
      total = total * 10 + Int(byte - 0x30)
      count += 1
    }
    if count > 0 { return total }
    if let first = text.utf8.first, (first >= 0x41 && first <= 0x7A) || first == 0x2C || first == 0x3A {
      return nil  // a letter or punctuation: no number
    }
    var rest = Substring(text).drop { $0.isWhitespaceByASCII }
    var negative = false
    if let first = rest.first, first == "-" || first == "+" {
      negative = first == "-"
      rest = rest.dropFirst()
    }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }.prefix(18)
    guard let value = Int(digits) else { return nil }
    return negative ? -value : value
  }

  private static func isRomanLetters(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy { "ivxlcmIVXLCM".contains($0) }
  }

  static func isSlashedNumbers(_ text: String) -> Bool {
    guard text.containsByte(0x2F) else { return false }
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    return parts.count > 1 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
  }

  /// Every hyphen of a legal case's number, with the backslashes before it, as `\-`.
  private static func escapingHyphens(_ text: String) -> String {
    var result = ""
    var pending = ""
    for character in text {
      if character == "\\" {
        pending.append(character)
      } else if character == "-" {
        pending = ""
        result += "\\-"
      } else {
        result += pending
        pending = ""
        result.append(character)
      }
    }
    return result + pending
  }
}

// MARK: - Ranges

extension NumberValue {
  /// What range formatting needs from the style and locale.
  struct RangeStyle {
    var pageRangeFormat: String?
    let terms: Terms
    var pageDelimiter: String { terms.term("page-range-delimiter") ?? "\u{2013}" }
    var yearDelimiter: String { terms.term("year-range-delimiter") ?? "\u{2013}" }
    func hasTerm(_ name: String) -> Bool { NumberValue.hasTerm(name, in: terms) }
  }

  private static let rangeVariables: Set<CSLVariable> = [
    .page, .chapterNumber, .collectionNumber, .edition, .issue, .number, .numberOfPages, .numberOfVolumes, .volume,
    .locator, .locatorExtra,
  ]

  /// Range delimiters and page-range collapsing, as citeproc-js applies them when it prints.
  mutating func formatRanges(_ style: RangeStyle) {
    // One part without a joiner has no range.
    if parts.count == 1, parts[0].joiningSuffix.isEmpty { return }
    guard Self.rangeVariables.contains(variable) else { return }
    var count = 0
    var label: String?
    for index in parts.indices {
      let part = parts[index]
      if !part.collapsible {
        count = 0
        label = nil
        parts[index].joiningSuffix = rangeDelimiter(part.joiningSuffix, for: part, numeric: part.numeric, style)
      } else if label == part.label && part.joiningSuffix == "-" {
        count = 1
      } else if label == part.label {
        count += 1
        if count == 2 { collapse(at: index, count: &count, style) }
      } else {
        label = part.label
        count = 1
      }
    }
    if count == 2 { collapse(at: parts.count - 1, count: &count, style) }
  }

  /// The delimiter a hyphen between numbers becomes.
  private func rangeDelimiter(_ delimiter: String, for part: Part, numeric: Bool, _ style: RangeStyle) -> String {
    guard delimiter == "-", numeric else { return delimiter }
    let isLocator = variable == .locator || variable == .locatorExtra
    if isLocator || variable == .page {
      let label = part.origLabel.isEmpty ? part.label : part.origLabel
      guard let named = Self.labelVariables[label], style.hasTerm(named) else { return delimiter }
    }
    let isPage = variable == .page || (isLocator && (part.label == "p." || part.origLabel == "p."))
    if isPage || isLocator || [.issue, .volume, .edition, .number].contains(variable) {
      return style.pageDelimiter
    }
    if variable == .collectionNumber { return style.yearDelimiter }
    return delimiter
  }

  /// Two numbers joined by a hyphen: the range delimiter, and for pages the page-range format.
  private mutating func collapse(at index: Int, count: inout Int, _ style: RangeStyle) {
    guard index >= 1, count == 2, parts[index - 1].particle == parts[index].particle else { return }
    guard parts[index - 1].joiningSuffix == "-" else {
      count = 1
      return
    }
    count = 0
    let first = parts[index - 1]
    let second = parts[index]
    let low = Self.leadingInteger(first.value)
    let high = Self.leadingInteger(second.value)
    if style.pageRangeFormat == nil, let low, let high, low > high {
      parts[index - 1].joiningSuffix = rangeDelimiter("-", for: second, numeric: true, style)
      return
    }
    let isPage =
      variable == .page
      || ((variable == .locator || variable == .locatorExtra) && (second.label == "p." || second.origLabel == "p."))
    if isPage, low != nil, high != nil {
      guard Self.isDigitsThenLowercase(first.value), Self.isDigitsThenLowercase(second.value),
        let (from, delimiter, to) = Self.pageRange(
          first.value, second.value, particle: first.particle, format: style.pageRangeFormat,
          delimiter: style.pageDelimiter)
      else { return }
      parts[index - 1].value = from
      parts[index - 1].joiningSuffix = rangeDelimiter(delimiter, for: second, numeric: second.numeric, style)
      parts[index].particle = ""
      parts[index].value = to
      return
    }
    var joiner = first.joiningSuffix
    if Self.isDigitsOrRoman(first.value), Self.isDigitsOrRoman(second.value) { joiner = style.pageDelimiter }
    parts[index - 1].joiningSuffix = joiner
    guard let (particle, from, delimiter, particleTo, to) = Self.rangeParts(Array(first.value + joiner + second.value))
    else { return }
    parts[index - 1].particle = particle
    parts[index - 1].value = from
    parts[index - 1].joiningSuffix = rangeDelimiter(delimiter, for: second, numeric: second.numeric, style)
    parts[index].particle = particleTo
    parts[index].value = to
  }

  /// The end of a range without the leading digits it shares with the start, keeping at least
  /// `keeping` digits (Chicago: 10100–10115 → 10100–15); nil when nothing can be dropped. The divisor
  /// grows without trapping: the ends have at most 18 digits (`leadingInteger`).
  private static func sharedLeadingDigitsDropped(_ low: Int, _ high: Int, keeping digits: Int) -> String? {
    var divisor = 1
    for _ in 0..<digits { divisor = divisor.multipliedReportingOverflow(by: 10).partialValue }
    var power = digits
    while power < String(high).count {
      if low / divisor == high / divisor { return String(high % divisor) }
      let (next, overflow) = divisor.multipliedReportingOverflow(by: 10)
      guard !overflow else { return nil }
      divisor = next
      power += 1
    }
    return nil
  }

  /// A page range formatted: the first number, the delimiter (with the particle repeated when
  /// the format keeps it) and the second number; nil when nothing applies.
  private static func pageRange(
    _ first: String, _ second: String, particle: String, format: String?, delimiter: String
  ) -> (String, String, String)? {
    // Abbreviated second numbers are read in full ("321-28" is 321 to 328); letters are not
    // counted as digits (citeproc-js reads "12b-14" as 12b to 114).
    let expanded = expandedRangeEnd(first, second)
    guard let low = leadingInteger(first), let high = leadingInteger(expanded), low < high else {
      return (first, delimiter + particle, second)
    }
    var joiner = delimiter + particle
    var to = expanded
    switch format {
    case "minimal": to = minimized(first, expanded, keep: 0)
    case "minimal-two": to = minimized(first, expanded, keep: 2)
    case "chicago", "chicago-15":
      if low > 100, low % 100 != 0, low / 100 == high / 100 {
        to = String(high % 100)
      } else if low >= 10000, let tail = sharedLeadingDigitsDropped(low, high, keeping: 3) {
        to = tail
      }
    case "chicago-16":
      if low > 100, low % 100 != 0, let tail = sharedLeadingDigitsDropped(low, high, keeping: 2) {
        to = tail
      }
    default: break
    }
    if format != nil, format != "expanded", !particle.isEmpty, String(joiner.dropFirst()) == particle {
      joiner = delimiter
    }
    return (first, joiner, to)
  }

  /// The second number of a range with the leading digits it leaves out taken from the first
  /// (`pageRange`). Plain ASCII is read on its bytes (one per character): the characters'
  /// Unicode number property cost most of formatting a page range.
  static func expandedRangeEnd(_ first: String, _ second: String) -> String {
    guard first.isPlainASCII, second.isPlainASCII else { return expandedRangeEndByCharacters(first, second) }
    let firstDigits = first.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
    let secondDigits = second.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
    guard secondDigits < firstDigits else { return second }
    return String(decoding: first.utf8.prefix(firstDigits - secondDigits), as: UTF8.self) + second
  }

  /// `expandedRangeEnd` character by character (any text; the reference for the byte path).
  static func expandedRangeEndByCharacters(_ first: String, _ second: String) -> String {
    let firstDigits = first.prefix { $0.isASCII && $0.isNumber }
    let secondDigits = second.prefix { $0.isASCII && $0.isNumber }
    guard secondDigits.count < firstDigits.count else { return second }
    return String(firstDigits.prefix(firstDigits.count - secondDigits.count)) + second
  }

  /// The end of a range without the leading characters it shares with the start, keeping at
  /// least `keep` characters.
  static func minimized(_ first: String, _ second: String, keep: Int) -> String {
    if first.isPlainASCII, second.isPlainASCII {
      // One byte per character.
      let (a, b) = (Array(first.utf8), Array(second.utf8))
      guard a.count == b.count else { return second }
      var index = 0
      while index < a.count, a[index] == b[index], b.count - index > keep { index += 1 }
      return String(decoding: b[index...], as: UTF8.self)
    }
    return minimizedByCharacters(first, second, keep: keep)
  }

  /// `minimized` character by character (any text; the reference for the byte path).
  static func minimizedByCharacters(_ first: String, _ second: String, keep: Int) -> String {
    let a = Array(first)
    let b = Array(second)
    guard a.count == b.count else { return second }
    var index = 0
    while index < a.count, a[index] == b[index], b.count - index > keep { index += 1 }
    return String(b[index...])
  }

  /// `particle? digits lowercase* non-digits [-,letter]? 0* digits lowercase*`, as the
  /// greedy regular expression citeproc-js uses would split it.
  private static func rangeParts(_ c: [Character]) -> (String, String, String, String, String)? {
    // The search backtracks as the expression would; long values are no ranges.
    guard c.count <= 40 else { return nil }
    func isDigit(_ i: Int) -> Bool { i < c.count && c[i].isASCII && c[i].isNumber }
    func isLetter(_ i: Int) -> Bool { i < c.count && isASCIILetter(c[i]) }
    func isLower(_ i: Int) -> Bool { i < c.count && c[i].isASCII && c[i].isLowercase }
    func run(_ from: Int, _ test: (Int) -> Bool) -> Int {
      var i = from
      while test(i) { i += 1 }
      return i
    }
    // Particle ends in greedy order, then no particle.
    var particleEnds: [Int] = []
    let digitsEnd = run(0, isDigit)
    for d in stride(from: digitsEnd, through: 0, by: -1) {
      let lettersEnd = run(d, isLetter)
      guard lettersEnd > d else { continue }
      for l in stride(from: lettersEnd, through: d + 1, by: -1) {
        let zerosEnd = run(l) { $0 < c.count && c[$0] == "0" }
        for z in stride(from: zerosEnd, through: l, by: -1) { particleEnds.append(z) }
      }
    }
    particleEnds.append(0)
    for p in particleEnds {
      let numberEnd = run(p, isDigit)
      guard numberEnd > p else { continue }
      for n in stride(from: numberEnd, through: p + 1, by: -1) {
        let lowerEnd = n == numberEnd ? run(n, isLower) : n
        for v in stride(from: lowerEnd, through: n, by: -1) {
          let spaceEnd = run(v) { $0 < c.count && c[$0].isWhitespaceByASCII }
          for s in stride(from: spaceEnd, through: v, by: -1) {
            let otherEnd = run(s) { $0 < c.count && !(c[$0].isASCII && c[$0].isNumber) }
            guard otherEnd > s else { continue }
            for o in stride(from: otherEnd, through: s + 1, by: -1) {
              let trailingEnd = run(o) { $0 < c.count && c[$0].isWhitespaceByASCII }
              for t in stride(from: trailingEnd, through: o, by: -1) {
                var marks: [Int] = []
                if t < c.count, c[t] == "-" || c[t] == "," || isASCIILetter(c[t]) { marks.append(t + 1) }
                marks.append(t)
                for m in marks {
                  let zerosEnd = run(m) { $0 < c.count && c[$0] == "0" }
                  for z in stride(from: zerosEnd, through: m, by: -1) {
                    let lastDigits = run(z, isDigit)
                    guard lastDigits > z, run(lastDigits, isLower) == c.count else { continue }
                    return (
                      String(c[0..<p]), String(c[p..<v]), String(c[v..<t]), String(c[t..<z]), String(c[z...])
                    )
                  }
                }
              }
            }
          }
        }
      }
    }
    return nil
  }

  /// Digits, then lowercase ASCII letters only; ASCII text is read from its bytes.
  static func isDigitsThenLowercase(_ text: String) -> Bool {
    guard text.isPlainASCII else { return isDigitsThenLowercaseByCharacters(text) }
    let bytes = text.utf8
    let digits = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
    return digits > 0 && bytes.dropFirst(digits).allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
  }

  static func isDigitsThenLowercaseByCharacters(_ text: String) -> Bool {
    let rest = text.drop { $0.isASCII && $0.isNumber }
    return rest.count < text.count && rest.allSatisfy { $0.isASCII && $0.isLowercase }
  }

  private static func isDigitsOrRoman(_ text: String) -> Bool {
    !text.isEmpty && (text.allSatisfy { $0.isASCII && $0.isNumber } || isRomanLetters(text))
  }
}
