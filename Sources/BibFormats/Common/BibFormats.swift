import BibModel

/// One entry point for every format: decoding bytes (with encoding detection), reading and
/// writing. Pure functions; file access lives in `SafeFile`.
public enum BibFormats {
  /// Reads a file's bytes in the given format. Never throws: problems are diagnostics, and
  /// whatever can be read is kept (repaired where needed, each repair reported).
  /// `encoding` names the file's encoding when it is not UTF-8 or UTF-16 (`latin1`, `gbk`…).
  public static func read(
    _ bytes: [UInt8], format: BibFormat, file: String, encoding: String? = nil
  )
    -> BibReadResult
  {
    let decoded = TextDecoder.decode(bytes, file: file, encoding: encoding)
    guard let text = decoded.text else {
      return BibReadResult(document: BibDocument(), diagnostics: decoded.diagnostics)
    }
    if text.allSatisfy({ $0.isWhitespace || $0 == "\u{FEFF}" }) {
      // An empty file is an empty bibliography (git passes one as the base of an add/add merge).
      return BibReadResult(document: BibDocument(), diagnostics: decoded.diagnostics)
    }
    var result: BibReadResult
    switch format {
    case .cslJSON:
      let parsed = try? JSONParser.parse(Array(text.utf8))
      let json = parsed.map { CSLItemRepair.decode($0, file: file) } ?? CSLJSON.read(text, file: file)
      result = BibReadResult(
        document: BibDocument(
          references: json.references, locations: json.locations,
          fieldLocations: parsed.map { memberLocations($0, file: file) } ?? [:]),
        diagnostics: json.diagnostics)
    case .cslYAML: result = CSLYAML.read(text, file: file)
    case .biblatex, .bibtex: result = BibTeXReader.read(text, file: file)
    case .ris: result = RISReader.read(text, file: file)
    }
    result.diagnostics = decoded.diagnostics + conflictMarkers(text, file: file) + result.diagnostics
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

  /// Unresolved merge conflict markers (`<<<<<<< `, `=======`, `>>>>>>> ` at a line start).
  static func conflictMarkers(_ text: String, file: String) -> [Diagnostic] {
    guard hasMarkerRun(text) else { return [] }
    var diagnostics: [Diagnostic] = []
    for (offset, line) in text.lines().enumerated()
    where line.hasPrefix("<<<<<<<") || line.hasPrefix(">>>>>>>") || line == "=======" {
      diagnostics.append(
        Diagnostic(
          .error, code: "conflict-markers", message: "unresolved merge conflict marker '\(line.prefix(7))'",
          location: SourceLocation(file: file, line: offset + 1, column: 1),
          hint: "keep one side of each conflict (or combine them) and delete the marker lines"))
    }
    return diagnostics
  }

  /// True when the text holds a run of seven `<` or `>` (a byte scan: Foundation's `contains`
  /// took a tenth of the time of reading a large file).
  private static func hasMarkerRun(_ text: String) -> Bool {
    var run = 0
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") {
        run = byte == previous ? run + 1 : 1
        if run >= 7 { return true }
      } else {
        run = 0
      }
      previous = byte
    }
    return false
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
    if first == "@" || first == "%" { return .biblatex }
    if trimmed.hasPrefix("TY  -") || trimmed.hasPrefix("TY -") || trimmed.hasPrefix("PMID-") { return .ris }
    if trimmed.hasPrefix("FN ") || trimmed.hasPrefix("PT ") { return .ris }
    if first == "-" || trimmed.hasPrefix("references:") { return .cslYAML }
    if trimmed.contains("@") && trimmed.contains("{") { return .biblatex }
    return nil
  }
}
