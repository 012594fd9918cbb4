import BibModel

/// The canonical form of a bibliography: references sorted by id (case-insensitively, then
/// exactly), text with trimmed ends and single spaces, written by the format's canonical writer
/// (stable field order, one entry per block). Formatting twice changes nothing, so a diff of
/// two canonical files shows only real changes.
public enum Canonical {
  /// Sorts and normalizes; pure.
  public static func canonicalize(_ document: BibDocument) -> BibDocument {
    var result = document
    result.references = document.references.map(normalize).sorted(by: precedes)
    return result
  }

  /// The id order used everywhere: case-insensitive, ties broken exactly.
  public static func precedes(_ lhs: Reference, _ rhs: Reference) -> Bool {
    let left = lhs.id.lowercased()
    let right = rhs.id.lowercased()
    return left != right ? left < right : lhs.id < rhs.id
  }

  /// Trims and collapses spaces (not line breaks) in text variables, forms and names.
  public static func normalize(_ reference: Reference) -> Reference {
    var copy = reference
    for (key, value) in reference.variables { copy.variables[key] = normalizeSpaces(value) }
    for (field, forms) in reference.forms {
      copy.forms[field] = forms.mapValues(normalizeSpaces)
    }
    for (key, names) in reference.names { copy.names[key] = names.map(normalize) }
    return copy
  }

  static func normalize(_ name: Name) -> Name {
    var copy = name
    copy.family = name.family.map(normalizeSpaces)
    copy.given = name.given.map(normalizeSpaces)
    copy.literal = name.literal.map(normalizeSpaces)
    copy.forms = name.forms.mapValues(normalize)
    return copy
  }

  /// Trims spaces and tabs at the ends of the text and of each line; collapses runs of
  /// spaces; keeps line breaks (paragraphs in abstracts and notes).
  public static func normalizeSpaces(_ text: String) -> String {
    guard
      text.contains("  ") || text.hasPrefix(" ") || text.hasSuffix(" ") || text.contains("\t")
        || text.contains("\r") || text.contains(" \n") || text.contains("\n ")
    else { return text }
    let lines = text.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
    return lines.joined(separator: "\n").trimmingCharacters(in: "\n")
  }

  /// The canonical text of a document in a format. For `.bib` files the dialect the file
  /// already uses (BibTeX's `journal`/`address`/`year` or BibLaTeX's) is kept.
  public static func text(_ document: BibDocument, format: BibFormat, original: [UInt8]? = nil) -> String {
    let canonical = canonicalize(document)
    // A file rewritten in its own dialect keeps every field its author wrote.
    var options = BibTeXWriter.Options(keepBiblatexFields: true)
    if format == .bibtex || (format == .biblatex && usesBibTeXDialect(document)) { options.dialect = .bibtex }
    return BibFormats.write(canonical, format: format == .bibtex ? .biblatex : format, options: options)
  }

  /// True when the file's entries use BibTeX field names and none of BibLaTeX's.
  public static func usesBibTeXDialect(_ document: BibDocument) -> Bool {
    var bibtex = 0
    var biblatex = 0
    for (_, fields) in document.fieldLocations {
      for name in fields.keys {
        switch name.lowercased() {
        case "journal", "address", "school", "year": bibtex += 1
        case "journaltitle", "location", "date", "urldate": biblatex += 1
        default: break
        }
      }
    }
    return bibtex > 0 && biblatex == 0
  }
}

extension String {
  func replacingCRLF() -> String {
    guard contains("\r") else { return self }
    return split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n")
  }
}
