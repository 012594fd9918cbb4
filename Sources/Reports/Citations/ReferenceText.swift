import BibModel

/// The short label of a source in the report's index of sources ("Smith 2004"): a reading
/// of the reference, not a citation (citations are rendered by the CSL engine).
enum ReferenceText {
  /// The names that stand for the "author" of a reference (author, else editor), family names.
  static func authorNames(_ reference: Reference) -> [Name] {
    for role: CSLVariable in [.author, .editor, .director, .composer] {
      if let names = reference.names[role], !names.isEmpty { return names }
    }
    return []
  }

  static func family(_ name: Name) -> String {
    if let literal = name.literal, !literal.isEmpty { return literal }
    let particle = name.nonDroppingParticle.map { $0 + " " } ?? ""
    return particle + (name.family ?? name.given ?? "")
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

  static func year(_ reference: Reference) -> String {
    if let issued = reference.dates["issued"] {
      if let year = issued.year { return year < 0 ? "\(year.magnitude) BC" : "\(year)" }
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
}
