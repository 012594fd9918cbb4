import BibModel

/// Small, style-independent readings of a reference used by the built-in renderer and the report.
enum ReferenceText {
  /// The names that stand for the "author" of a reference (author, else editor), family names.
  static func authorNames(_ reference: Reference) -> [Name] {
    for role in ["author", "editor", "director", "composer"] {
      if let names = reference.names[role], !names.isEmpty { return names }
    }
    return []
  }

  static func family(_ name: Name) -> String {
    if let literal = name.literal, !literal.isEmpty { return literal }
    let particle = name.nonDroppingParticle.map { $0 + " " } ?? ""
    return particle + (name.family ?? name.given ?? "")
  }

  static func displayName(_ name: Name, inverted: Bool) -> String {
    if let literal = name.literal, !literal.isEmpty { return literal }
    let family = self.family(name)
    guard let given = name.given, !given.isEmpty else { return family }
    if name.isNonRomanic { return family + given }
    return inverted ? family + ", " + given : given + " " + family
  }

  /// "Family", "A and B", "A et al."; the container or title when there is no author.
  static func shortAuthor(_ reference: Reference) -> String {
    let names = authorNames(reference)
    switch names.count {
    case 0: return reference["container-title"] ?? reference["publisher"] ?? shortTitle(reference)
    case 1: return family(names[0])
    case 2: return family(names[0]) + " and " + family(names[1])
    default: return family(names[0]) + " et al."
    }
  }

  /// Full author list for a bibliography entry; nil without names.
  static func fullAuthors(_ reference: Reference, invertFirst: Bool) -> String? {
    let names = authorNames(reference)
    guard !names.isEmpty else { return nil }
    let rendered = names.enumerated().map { displayName($0.element, inverted: invertFirst && $0.offset == 0) }
    if rendered.count == 1 { return rendered[0] }
    if rendered.count == 2 { return rendered[0] + (invertFirst ? ", and " : " and ") + rendered[1] }
    return rendered.dropLast().joined(separator: ", ") + ", and " + (rendered.last ?? "")
  }

  static func year(_ reference: Reference) -> String {
    if let issued = reference.dates["issued"] {
      if let year = issued.year { return year < 0 ? "\(-year) BC" : "\(year)" }
      if let literal = issued.literal { return literal }
    }
    return "n.d."
  }

  static func title(_ reference: Reference) -> String {
    reference["title"] ?? reference["container-title"] ?? reference.id
  }

  static func shortTitle(_ reference: Reference) -> String {
    if let short = reference["title-short"] { return short }
    let words = title(reference).split(separator: " ")
    let cut = words.firstIndex { $0.hasSuffix(":") }.map { words[...$0] } ?? words.prefix(4)
    var text = cut.joined(separator: " ")
    while let last = text.last, ":,;.".contains(last) { text.removeLast() }
    return text
  }

  /// Whether the title is a whole work (italic) rather than a part of one (quoted).
  static func titleIsWholeWork(_ reference: Reference) -> Bool {
    ["book", "report", "thesis", "motion_picture", "software", "dataset", "map", "manuscript", "pamphlet"]
      .contains(reference.type) || reference["container-title"] == nil
  }

  static let shortLabels: [String: (String, String)] = [
    "page": ("p.", "pp."), "chapter": ("chap.", "chaps."), "section": ("sec.", "secs."),
    "paragraph": ("para.", "paras."), "figure": ("fig.", "figs."), "volume": ("vol.", "vols."),
    "line": ("l.", "ll."), "note": ("n.", "nn."), "number": ("no.", "nos."), "book": ("bk.", "bks."),
    "column": ("col.", "cols."), "folio": ("fol.", "fols."), "part": ("pt.", "pts."), "verse": ("v.", "vv."),
    "sub-verbo": ("s.v.", "s.vv."), "opus": ("op.", "opp."), "issue": ("iss.", "iss."),
    "appendix": ("app.", "apps."), "table": ("tbl.", "tbls."), "equation": ("eq.", "eqs."),
  ]

  /// `p. 33`, `pp. 33-35`, `chap. 2`; a page locator is bare (`33`) when `barePages`.
  static func locator(_ cite: Cite, barePages: Bool) -> String? {
    guard let locator = cite.locator, !locator.isEmpty else { return nil }
    let label = cite.label ?? "page"
    if label == "page" && barePages { return locator }
    let plural = locator.contains { "-–,&".contains($0) }
    let forms = shortLabels[label] ?? (label, label)
    return (plural ? forms.1 : forms.0) + " " + locator
  }
}
