import BibModel

/// `citation-abbreviations`: a JSON file `{"default": {"container-title": {"Long": "Short"}}}`.
/// An abbreviation fills the variable's short form (`container-title-short`, `title-short`, …)
/// where the reference has none, so styles asking for `form="short"` print it.
struct CitationAbbreviations: Sendable {
  /// Variable → full text → abbreviation.
  var table: [String: [String: String]]

  struct Problem: Error {
    var message: String
  }

  static func read(_ path: String, _ readFile: (String) -> String?) -> Result<CitationAbbreviations, Problem> {
    guard let text = readFile(path) else {
      return .failure(Problem(message: "citation-abbreviations: cannot read '\(path)'"))
    }
    let value: JSONValue
    do {
      value = try JSONParser.parse(text)
    } catch {
      return .failure(Problem(message: "citation-abbreviations: \(path):\(error.description)"))
    }
    var table: [String: [String: String]] = [:]
    for list in value.objectValue?.members ?? [] {
      for variable in list.value.objectValue?.members ?? [] {
        for entry in variable.value.objectValue?.members ?? [] {
          if let short = entry.value.stringValue { table[variable.key, default: [:]][entry.key] = short }
        }
      }
    }
    return .success(CitationAbbreviations(table: table))
  }

  func apply(_ reference: Reference) -> Reference {
    var result = reference
    for (variable, map) in table {
      guard let full = reference.variables[CSLVariable(rawValue: variable)], let short = map[full] else { continue }
      let shortName = CSLVariable(rawValue: variable.hasSuffix("-short") ? variable : variable + "-short")
      if result.variables[shortName] == nil { result.variables[shortName] = short }
    }
    return result
  }
}
