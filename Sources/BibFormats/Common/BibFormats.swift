import BibModel

/// One entry point for every format: decoding bytes (with encoding detection), reading and
/// writing. Pure functions; file access lives in `SafeFile`.
public enum BibFormats {
  /// Reads a file's bytes in the given format. Never throws: problems are diagnostics, and
  /// whatever can be read is kept (repaired where needed, each repair reported).
  /// `encoding` names the file's encoding when it is not UTF-8 or UTF-16 (`latin1`, `gbk`…).
  /// With `fieldPlaces` false the document keeps no field places (`BibDocument.fieldLocations`),
  /// which a caller that only renders never reads.
  public static func read(
    _ bytes: [UInt8], format: BibFormat, file: String, encoding: String? = nil, fieldPlaces: Bool = true
  )
    -> BibReadResult
  {
    if format == .cslJSON,
      let result = readPlainJSON(bytes, file: file, encoding: encoding, fieldPlaces: fieldPlaces)
    {
      return result
    }
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
      result = readJSON(Array(text.utf8), file: file, fieldPlaces: fieldPlaces)
    case .cslYAML: result = CSLYAML.read(text, file: file)
    case .biblatex, .bibtex: result = BibTeXReader.read(text, file: file)
    case .ris: result = RISReader.read(text, file: file)
    }
    result.diagnostics = decoded.diagnostics + conflictMarkers(text, file: file) + result.diagnostics
    if !fieldPlaces { result.document.fieldLocations = [:] }
    return result
  }

  /// CSL-JSON read from the bytes as they are, when they need no decoding: no byte-order
  /// mark, not UTF-16, no other encoding asked for, and an array whose elements all parse.
  /// The parser takes a string's non-ASCII bytes only when they are valid UTF-8, and outside
  /// strings JSON is ASCII: an array that parses is valid UTF-8, read exactly as its decoded
  /// text would be. Decoding made two copies of the file first (the text, then its bytes
  /// again). Nil sends the file down the decoding path.
  private static func readPlainJSON(
    _ bytes: [UInt8], file: String, encoding: String?, fieldPlaces: Bool
  ) -> BibReadResult? {
    guard TextDecoder.mayReadAsUTF8(bytes, encoding: encoding) else { return nil }
    // The scan for conflict markers runs on another core while the items are split (on the
    // reading core, before or after, it held the other core idle).
    let markers = Background { bytes.withUnsafeBufferPointer(hasMarkerRun) }
    guard var result = CSLItemRepair.read(bytes, file: file, fieldPlaces: fieldPlaces) else { return nil }
    if markers.wait() {
      result.diagnostics = conflictMarkers(String(decoding: bytes, as: UTF8.self), file: file) + result.diagnostics
    }
    return result
  }

  /// CSL-JSON: an array's items parsed and decoded on all cores; anything else (one item, or
  /// text that does not parse) read whole, so an error is reported where it always was.
  private static func readJSON(_ bytes: [UInt8], file: String, fieldPlaces: Bool) -> BibReadResult {
    if let result = CSLItemRepair.read(bytes, file: file, fieldPlaces: fieldPlaces) { return result }
    if let parsed = try? JSONParser.parse(bytes) {
      return CSLItemRepair.read(parsed, file: file, fieldPlaces: fieldPlaces)
    }
    let json = CSLJSON.read(bytes, file: file)
    return BibReadResult(
      document: BibDocument(references: json.references, locations: json.locations), diagnostics: json.diagnostics)
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
    var text = text
    return text.withUTF8(hasMarkerRun)
  }

  /// The byte scan itself, on contiguous bytes (iterating `String.UTF8View` costs several
  /// times as much per byte). Seven bytes in a row always hold one whose offset is a multiple
  /// of seven, so only those are looked at, and the bytes around one that is `<` or `>`.
  private static func hasMarkerRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for offset in stride(from: 0, to: bytes.count, by: 7) {
      let byte = bytes[offset]
      guard byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") else { continue }
      var start = offset
      while start > 0 && offset - start < 6 && bytes[start - 1] == byte { start -= 1 }
      var end = offset + 1
      while end < bytes.count && bytes[end] == byte && end - start < 7 { end += 1 }
      if end - start >= 7 { return true }
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
