/// The `is-numeric` condition as citeproc-js decides it, so whole styles take the same branch
/// on messy data. citeproc-js parses a number variable into values between joiners (`-`, `–`,
/// `&`, ` and `, `, `, `; `), peels off statute labels (`vol. 3`, `5 no. 6`) and letter
/// particles (`S213`, `45n2`), and calls the variable numeric when its first value is a plain
/// number, optionally with letters or a range after it (`12th`, `60-I`), or a lowercase roman
/// numeral made of i, v and x; a lone value of slash-joined numbers (`12/13`) is numeric too.
/// Among other variables only `title` and `version` are tested, by their last character.
enum NumericTest {
  static func holds(_ value: String, variable: String, locatorLabel: String?) -> Bool {
    if variable == "title" { return value.last.map { $0.isASCII && $0.isNumber } ?? false }
    guard numberVariables.contains(variable) else { return false }
    let variable = variable == "page-first" ? "page" : variable
    var text = value.trimmingSpaces()
    if variable == "page" { text = text.replacingAll("\u{2013}", with: "-") }
    if text.contains("\\-") {
      // An escaped hyphen joins nothing: the value is one number ("327\-30").
      return isPlainOrRomanNumber(withoutParticle(text.replacingAll("\\", with: "")))
    }
    text = withEmbeddedLabel(text, variable: variable, locatorLabel: locatorLabel)
    let (firstElement, isOnlyElement) = firstJoinedElement(text)
    guard let first = firstValue(of: firstElement, variable: variable) else { return false }
    let number = withoutParticle(first)
    if isPlainOrRomanNumber(number) { return true }
    return isOnlyElement && isSlashedNumbers(number)
  }

  static let numberVariables: Set<String> = [
    "call-number", "chapter-number", "collection-number", "division", "edition", "page", "page-first", "issue",
    "locator", "locator-extra", "number", "number-of-pages", "number-of-volumes", "part-number",
    "printing-number", "section", "supplement-number", "version", "volume", "supplement", "citation-number",
  ]

  /// Statute subdivision labels and the variables they name.
  static let labels: [String: String] = [
    "vrs.": "verse", "sv.": "sub-verbo", "subpara.": "subparagraph", "op.": "opus", "subch.": "subchapter",
    "add.": "addendum", "amend.": "amendment", "annot.": "annotation", "app.": "appendix",
    "art.": "article-locator", "bibliog.": "bibliography", "bk.": "book", "ch.": "chapter", "cl.": "clause",
    "col.": "column", "cmt.": "comment", "dec.": "decision", "dept.": "department", "ex.": "example",
    "fig.": "figure", "fld.": "field", "fol.": "folio", "n.": "note", "hypo.": "hypothetical",
    "illus.": "illustration", "intro.": "introduction", "l.": "line", "no.": "issue", "p.": "page", "pp.": "page",
    "para.": "paragraph", "pt.": "part", "pmbl.": "preamble", "princ.": "principle", "pub.": "publication",
    "r.": "rule", "rn.": "randnummer", "sched.": "schedule", "sec.": "section", "subdiv.": "subdivision",
    "subsec.": "subsection", "supp.": "supplement", "tbl.": "table", "tit.": "title-locator", "vol.": "volume",
  ]

  /// The label each variable's values carry unless they name another.
  static let defaultLabels: [String: String] = {
    var result: [String: String] = [:]
    for (label, variable) in labels where label != "pp." { result[variable] = label }
    result["sub verbo"] = "sv."
    result["article"] = "art."
    result["title"] = "tit."
    return result
  }()

  private static let locatorVariables: Set<String> = ["locator", "locator-extra", "page"]

  /// citeproc-js puts the variable's own label before a value that does not start with one.
  static func withEmbeddedLabel(_ text: String, variable: String, locatorLabel: String?) -> String {
    let firstWord = String(text.prefix { $0 != " " })
    guard labels[firstWord] == nil else { return text }
    let label: String?
    if locatorVariables.contains(variable) {
      label = locatorLabel.map { defaultLabels[$0] } ?? "p."
    } else {
      label = defaultLabels[variable]
    }
    return label.map { $0 + " " + text } ?? text
  }

  /// The text before the first joiner, and whether there was no joiner at all.
  static func firstJoinedElement(_ text: String) -> (Substring, Bool) {
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      let next = index + 1 < characters.count ? characters[index + 1] : nil
      var joinerStart: Int?
      if character == "&" || character == "-" || character == "\u{2013}" {
        joinerStart = index
      } else if (character == "," || character == ";"), let next, next.isWhitespace {
        joinerStart = index
      } else if character.isWhitespace, startsWithAnd(characters, from: index + 1) {
        joinerStart = index
      }
      if var start = joinerStart {
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        let head = String(characters[..<start])
        return (Substring(fixedSubsection(head, rest: Array(characters[index...]))), false)
      }
      index += 1
    }
    return (Substring(text), true)
  }

  private static func startsWithAnd(_ characters: [Character], from index: Int) -> Bool {
    var probe = index
    while probe < characters.count, characters[probe].isWhitespace { probe += 1 }
    guard probe + 3 < characters.count else { return false }
    return characters[probe] == "a" && characters[probe + 1] == "n" && characters[probe + 2] == "d"
      && characters[probe + 3].isWhitespace
  }

  /// "12a-c": a number with letters, a hyphen and letters stays one value.
  private static func fixedSubsection(_ head: String, rest: [Character]) -> String {
    guard rest.first == "-", rest.count > 1 else { return head }
    let tail = rest.dropFirst().prefix { $0 != " " && $0 != "-" && $0 != "&" }
    guard !tail.isEmpty, tail.allSatisfy({ $0 == "," || ($0.isASCII && $0.isLetter) }),
      let last = head.last, last == "," || (last.isASCII && last.isLetter),
      head.contains(where: { $0.isASCII && $0.isNumber })
    else { return head }
    return head + "-" + String(tail)
  }

  /// The first value of an element after labels are peeled off, as citeproc-js splits it.
  static func firstValue(of element: Substring, variable: String) -> String? {
    var pieces: [String] = []
    var found: [String] = []
    var current = ""
    let characters = Array(element)
    var index = 0
    while index < characters.count {
      if index == 0 || characters[index] == " ", let (label, length) = label(in: characters, at: index) {
        pieces.append(current)
        found.append(label)
        current = ""
        index += length
        continue
      }
      current.append(characters[index])
      index += 1
    }
    pieces.append(current)
    guard !found.isEmpty else { return String(element) }
    mergeNonNumbers(&pieces, &found)
    if let slug = found.first?.trimmingSpaces(), !isLabel(slug, for: variable), pieces.count > 1 {
      found.removeFirst()
      pieces[0] = pieces[0] + " " + slug + " " + pieces[1]
      pieces.remove(at: 1)
    }
    for (position, piece) in pieces.enumerated() where !piece.isEmpty || position == pieces.count - 1 {
      return piece.trimmingSpaces()
    }
    return nil
  }

  /// A label at `index`: an optional space, one to four lowercase letters (or a longer known
  /// abbreviation), then a full stop or a space, and any spaces after.
  private static func label(in characters: [Character], at index: Int) -> (String, Int)? {
    var probe = index
    if characters[probe] == " " { probe += 1 }
    let start = probe
    while probe < characters.count, characters[probe].isASCII, characters[probe].isLowercase { probe += 1 }
    let word = String(characters[start..<probe])
    guard (1...4).contains(word.count) || longLabels.contains(word), probe < characters.count,
      characters[probe] == "." || characters[probe] == " "
    else { return nil }
    probe += 1
    while probe < characters.count, characters[probe] == " " { probe += 1 }
    return (String(characters[index..<probe]), probe - index)
  }

  private static let longLabels: Set<String> = [
    "subpara", "subch", "amend", "bibliog", "annot", "illus", "princ", "intro", "sched", "subdiv", "subsec",
  ]

  /// Labels between values that are not both plain numbers are part of the text.
  private static func mergeNonNumbers(_ pieces: inout [String], _ found: inout [String]) {
    var position = pieces.count - 1
    while position > 0 {
      if !pieces[position - 1].isEmpty && (!isLabeledNumber(pieces[position]) || !isLabeledNumber(pieces[position - 1]))
      {
        pieces[position - 1] += found[position - 1] + pieces[position]
        pieces.remove(at: position)
        found.remove(at: position - 1)
      }
      position -= 1
    }
  }

  private static func isLabel(_ slug: String, for variable: String) -> Bool {
    guard let named = labels[slug] else { return false }
    return ["locator", "number", "locator-extra", "page"].contains(variable) || named == variable
  }

  /// Digits then letters or `-;,:` ("12", "12a", "3-").
  private static func isLabeledNumber(_ text: String) -> Bool {
    let rest = text.drop { $0.isASCII && $0.isNumber }
    return rest.count < text.count && rest.allSatisfy { ($0.isASCII && $0.isLetter) || "-;,:".contains($0) }
  }

  /// The number after a letter particle ("S213" → "213", "45n2" → "2", "e0123456" → "123456").
  static func withoutParticle(_ text: String) -> String {
    let characters = Array(text)
    // The particle: digits, letters (at least one), zeros; then the number: digits and letters
    // or digits and `-,` with letters. Tried for every particle length, longest first.
    for split in stride(from: characters.count - 1, through: 1, by: -1) {
      let particle = characters[..<split]
      let number = characters[split...]
      if isParticle(particle), isParticleNumber(number) { return String(number) }
    }
    return text
  }

  private static func isParticle(_ text: ArraySlice<Character>) -> Bool {
    var rest = text.drop { $0.isASCII && $0.isNumber }
    let letters = rest.prefix { $0.isASCII && $0.isLetter }
    guard !letters.isEmpty else { return false }
    rest = rest.dropFirst(letters.count)
    return rest.allSatisfy { $0 == "0" }
  }

  private static func isParticleNumber(_ text: ArraySlice<Character>) -> Bool {
    let rest = text.drop { $0.isASCII && $0.isNumber }
    guard rest.count < text.count else { return false }
    return rest.allSatisfy { ($0.isASCII && $0.isLetter) || $0 == "-" || $0 == "," }
  }

  /// Digits or `[ixv]+`, then letters and `-,:`, or a hyphen and digits and hyphens.
  private static func isPlainOrRomanNumber(_ text: String) -> Bool {
    guard !text.isEmpty else { return false }
    var rest = Substring(text).drop { $0.isASCII && $0.isNumber }
    if rest.count == text.count { rest = rest.drop { $0 == "i" || $0 == "x" || $0 == "v" } }
    guard rest.count < text.count else { return false }
    if rest.allSatisfy({ ($0.isASCII && $0.isLetter) || $0 == "-" || $0 == "," || $0 == ":" }) { return true }
    return rest.first == "-" && rest.allSatisfy { $0 == "-" || ($0.isASCII && $0.isNumber) }
  }

  private static func isSlashedNumbers(_ text: String) -> Bool {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    return parts.count > 1 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
  }
}
