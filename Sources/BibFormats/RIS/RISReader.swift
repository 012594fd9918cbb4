import BibModel

/// Reads RIS: `TAG  - value` lines, records from `TY` to `ER`, continuation lines appended,
/// repeated AU/A1/A2/ED/A3/A4 and KW, PY/Y1/DA dates, SP/EP pages, SN as ISBN or ISSN by type,
/// TT as a translated title (`forms["title"]["und"]`), the `N1  - cited-csl: {…}` blob, and
/// every other tag kept in `extra["ris:TAG"]`.
public enum RISReader {
  /// One record's tags in order.
  struct Record {
    var lines: [(tag: String, value: String, location: SourceLocation)]
    var location: SourceLocation
  }

  /// Reads RIS text; problems are diagnostics.
  public static func read(_ text: String, file: String) -> BibReadResult {
    var diagnostics: [Diagnostic] = []
    let records = records(text, file: file, diagnostics: &diagnostics)
    var document = BibDocument()
    var seen: [String: Int] = [:]
    var generated: Set<String> = []
    for (offset, record) in records.enumerated() {
      var reference = RISConverter.reference(record.lines.map { ($0.tag, $0.value) }, fallbackID: "ris\(offset + 1)")
      if !record.lines.contains(where: { $0.tag == "ID" && !$0.value.isEmpty }) {
        // No ID (common in downloads): a citation key as `cited bib keys` would propose it.
        reference.id = CitationKeys.fresh(for: reference, taken: generated)
        generated.insert(reference.id)
      }
      if let blobLine = record.lines.first(where: { $0.tag == "N1" && $0.value.hasPrefix(RISConverter.blobPrefix) }) {
        if let blob = CSLBlob.parse(String(blobLine.value.dropFirst(RISConverter.blobPrefix.count))) {
          let (applied, warnings) = CSLBlob.apply(blob, to: reference, location: blobLine.location)
          reference = applied
          diagnostics += warnings
        }
      }
      if let count = seen[reference.id] {
        seen[reference.id] = count + 1
        let renamed = reference.id + "-" + String(count + 1)
        diagnostics.append(
          Diagnostic(
            .warning, code: "duplicate-id",
            message: "duplicate ID '\(reference.id)'; this record is read as '\(renamed)'",
            location: record.location))
        reference.id = renamed
      } else {
        seen[reference.id] = 1
      }
      generated.insert(reference.id)
      document.references.append(reference)
      document.locations[reference.id] = record.location
      var places: [String: SourceLocation] = [:]
      for line in record.lines where places[line.tag] == nil { places[line.tag] = line.location }
      document.fieldLocations[reference.id] = places
    }
    return BibReadResult(document: document, diagnostics: diagnostics)
  }

  /// Splits RIS text into records (tag lines with continuation lines folded in).
  static func records(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> [Record] {
    var records: [Record] = []
    var current: Record?
    var lineNumber = 0
    var blankLines = 0
    for rawLine in text.lines() {
      lineNumber += 1
      var line = Substring(rawLine)
      if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
      let location = SourceLocation(file: file, line: lineNumber, column: 1)
      if line.trim(" \t").isEmpty {
        blankLines += 1
        continue
      }
      defer { blankLines = 0 }
      if let (tag, value) = parseTagLine(line) {
        if tag == "TY" {
          if let open = current {
            diagnostics.append(
              Diagnostic(
                .warning, code: "ris-missing-er", message: "record has no 'ER' line; ended at the next 'TY'",
                location: open.location))
            records.append(open)
          }
          current = Record(lines: [(tag, value, location)], location: location)
        } else if tag == "ER" {
          if let open = current { records.append(open) }
          current = nil
        } else if current != nil {
          current?.lines.append((tag, value, location))
        } else {
          diagnostics.append(
            Diagnostic(
              .error, code: "ris-syntax", message: "'\(tag)' line outside a record (no 'TY' before it); ignored",
              location: location))
        }
      } else {
        if var open = current, let last = open.lines.popLast() {
          let breaks = String(repeating: "\n", count: blankLines + 1)
          open.lines.append((last.tag, last.value + breaks + line, last.location))
          current = open
        } else {
          diagnostics.append(
            Diagnostic(.warning, code: "ris-syntax", message: "text outside a record; ignored", location: location))
        }
      }
    }
    if let open = current {
      diagnostics.append(
        Diagnostic(
          .warning, code: "ris-missing-er", message: "file ends inside a record (no 'ER' line); the record is kept",
          location: open.location))
      records.append(open)
    }
    return records
  }

  /// `TAG  - value`: two uppercase letters or digits, two spaces, a dash (value may be empty).
  static func parseTagLine(_ line: Substring) -> (String, String)? {
    let characters = Array(line.prefix(6))
    guard characters.count >= 5, characters[0].isASCII, characters[0].isUppercase || characters[0].isNumber,
      characters[1].isASCII, characters[1].isUppercase || characters[1].isNumber, characters[2] == " ",
      characters[3] == " ", characters[4] == "-"
    else { return nil }
    let tag = String(characters[0...1])
    var value = line.dropFirst(5)
    if value.first == " " { value = value.dropFirst() }
    return (tag, String(value).trim(" \t"))
  }
}
