import BibModel

/// The bibliography formats Cited reads and writes.
public enum BibFormat: String, Sendable, Hashable, CaseIterable {
  case cslJSON = "csl-json"
  case cslYAML = "csl-yaml"
  case biblatex
  case bibtex
  case ris

  /// The format a file name suggests (`.json`, `.yaml`/`.yml`, `.bib`, `.ris`); nil otherwise.
  public static func guess(fromPath path: String) -> BibFormat? {
    let lower = path.lowercased()
    if lower.hasSuffix(".json") { return .cslJSON }
    if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .cslYAML }
    if lower.hasSuffix(".bib") || lower.hasSuffix(".bibtex") { return .biblatex }
    if lower.hasSuffix(".ris") { return .ris }
    return nil
  }

  /// Accepts the raw values plus the short names `json`, `yaml`, `bib`.
  public init?(name: String) {
    switch name.lowercased() {
    case "json", "csljson", "csl-json": self = .cslJSON
    case "yaml", "yml", "cslyaml", "csl-yaml": self = .cslYAML
    case "bib", "biblatex": self = .biblatex
    case "bibtex": self = .bibtex
    case "ris": self = .ris
    default: return nil
    }
  }
}

/// One entry point for every format: decoding bytes (with encoding detection), reading and
/// writing. Pure functions; file access lives in `SafeFile`.
public enum BibFormats {
  /// Reads a file's bytes in the given format. Never throws: problems are diagnostics.
  public static func read(_ bytes: [UInt8], format: BibFormat, file: String) -> BibReadResult {
    let decoded = TextDecoder.decode(bytes, file: file)
    guard let text = decoded.text else {
      return BibReadResult(document: BibDocument(), diagnostics: decoded.diagnostics)
    }
    var result: BibReadResult
    switch format {
    case .cslJSON:
      let parsed = try? JSONParser.parse(Array(text.utf8))
      let json = parsed.map { CSLJSON.decode($0, file: file) } ?? CSLJSON.read(text, file: file)
      result = BibReadResult(
        document: BibDocument(
          references: json.references, locations: json.locations,
          fieldLocations: parsed.map { memberLocations($0, file: file) } ?? [:]),
        diagnostics: json.diagnostics)
    case .cslYAML: result = CSLYAML.read(text, file: file)
    case .biblatex, .bibtex: result = BibTeXReader.read(text, file: file)
    case .ris: result = RISReader.read(text, file: file)
    }
    result.diagnostics = decoded.diagnostics + result.diagnostics
    if !decoded.invalidLines.isEmpty {
      result = TextDecoder.dropDamaged(result, lines: decoded.invalidLines, file: file)
    }
    return result
  }

  /// Writes a document in the given format, in canonical form.
  public static func write(
    _ document: BibDocument, format: BibFormat, options: BibTeXWriter.Options = .init()
  )
    -> String
  {
    switch format {
    case .cslJSON: return CSLJSON.write(document.references)
    case .cslYAML: return CSLYAML.write(document.references)
    case .biblatex, .bibtex:
      var options = options
      options.dialect = format == .bibtex ? .bibtex : options.dialect
      return BibTeXWriter(options: options).write(document)
    case .ris: return RISWriter.write(document.references)
    }
  }

  /// Where each member of each item was written, by item id (for validation messages).
  static func memberLocations(_ value: JSONValue, file: String) -> [String: [String: SourceLocation]] {
    var table: [String: [String: SourceLocation]] = [:]
    for item in value.arrayValue ?? [value] {
      guard let object = item.objectValue, let id = object["id"]?.stringValue, table[id] == nil else { continue }
      var places: [String: SourceLocation] = [:]
      for member in object.members where member.line > 0 {
        places[member.key] = SourceLocation(file: file, line: member.line, column: member.column)
      }
      table[id] = places
    }
    return table
  }

  /// Sniffs the format from content when the name says nothing.
  public static func sniff(_ text: Substring) -> BibFormat? {
    let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
    guard let first = trimmed.first else { return nil }
    if first == "[" || first == "{" { return .cslJSON }
    if trimmed.hasPrefix("TY  -") { return .ris }
    if trimmed.contains("@") && trimmed.contains("{") { return .biblatex }
    if first == "-" || trimmed.hasPrefix("references:") { return .cslYAML }
    return nil
  }
}

extension String {
  /// Trims the given characters from both ends (BibModel's helper under an unambiguous name).
  func trim(_ characters: String) -> String {
    // Scalars, not Characters: "\r\n" in the set is one Character but two scalars.
    let set = Array(characters.unicodeScalars)
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !set.contains($0) }),
      let last = scalars.lastIndex(where: { !set.contains($0) })
    else { return "" }
    return String(scalars[first...last])
  }
}

extension Substring {
  func trim(_ characters: String) -> String { String(self).trim(characters) }
}
