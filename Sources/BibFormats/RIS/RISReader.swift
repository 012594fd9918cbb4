import BibModel

/// Reads RIS (and, recognised by their first line, Web of Science and MEDLINE exports, see
/// `TaggedRecords`): `TAG  - value` lines, records from `TY` to `ER`, continuation lines appended,
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
    let dialect = TaggedRecords.dialect(of: text)
    let records =
      dialect.map { TaggedRecords.split(text, dialect: $0, file: file) }
      ?? records(text, file: file, diagnostics: &diagnostics)
    var document = BibDocument()
    // Every id written in the file is taken before any is generated or renamed, so a generated
    // key or an `ID-2` never collides with an id that comes later.
    var keys = CitationKeys.Fresh()
    if dialect == nil {
      for record in records {
        for line in record.lines where line.tag == "ID" && !line.value.isEmpty { keys.insert(line.value) }
      }
    }
    var seen: Set<String> = []
    for (offset, record) in records.enumerated() {
      var reference =
        dialect.map { TaggedRecordConverter.reference(record, dialect: $0) }
        ?? RISConverter.reference(record.lines.map { ($0.tag, $0.value) }, fallbackID: "ris\(offset + 1)")
      if dialect != nil || !record.lines.contains(where: { $0.tag == "ID" && !$0.value.isEmpty }) {
        // No ID (common in downloads): a citation key as `cited bib keys` would propose it.
        reference.id = keys.key(for: reference)
      }
      if let blobLine = record.lines.first(where: { $0.tag == "N1" && $0.value.hasPrefix(RISConverter.blobPrefix) }) {
        if let blob = CSLBlob.parse(String(blobLine.value.dropFirst(RISConverter.blobPrefix.count))) {
          let (applied, warnings) = CSLBlob.apply(blob, to: reference, location: blobLine.location)
          reference = applied
          diagnostics += warnings
        }
      }
      if seen.contains(reference.id) {
        let renamed = keys.renamed(reference.id)
        diagnostics.append(
          Diagnostic(
            .warning, code: "duplicate-id",
            message: "duplicate ID '\(reference.id)'; this record is read as '\(renamed)'",
            location: record.location))
        reference.id = renamed
      }
      seen.insert(reference.id)
      keys.insert(reference.id)
      document.references.append(reference)
      document.locations[reference.id] = record.location
      var places: [String: SourceLocation] = [:]
      for line in record.lines where places[line.tag] == nil { places[line.tag] = line.location }
      document.fieldLocations[reference.id] = places
    }
    return BibReadResult(document: document, diagnostics: diagnostics)
  }

  /// Splits RIS text into records (tag lines with continuation lines folded in). Lines after an
  /// `ER` belong to the previous record when they run into the next `TY` (Ovid writes `NL`
  /// there); when they end with an `ER` of their own they are a record without `TY` (read as
  /// `GEN`, with a warning). CR-only line endings (old Mac exports) are read as line ends.
  static func records(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> [Record] {
    var splitter = RecordSplitter(file: file)
    for (offset, rawLine) in text.lines().enumerated() {
      var line = Substring(rawLine)
      if offset == 0, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
      splitter.add(line, lineNumber: offset + 1)
    }
    splitter.finish()
    diagnostics += splitter.diagnostics
    return splitter.records
  }

  /// `TAG  - value`: two uppercase letters or digits, one or two spaces, a dash (the value may
  /// be empty; some exporters write one space).
  static func parseTagLine(_ line: Substring) -> (String, String)? {
    if case .read(let parsed)? = line.utf8.withContiguousStorageIfAvailable(parseASCIITagLine) { return parsed }
    return parseTagLineByCharacters(line)
  }

  /// `parseTagLine` on the bytes of a line whose first seven bytes (or all, if fewer) are ASCII
  /// other than CR: each of them is then a character, the six the tag is read from and the one
  /// after the value's opening space alike. The same steps as the character reading, which
  /// cost some 7,000 instructions a line (forming characters, stepping a substring).
  static func parseASCIITagLine(_ bytes: UnsafeBufferPointer<UInt8>) -> ByteReading<(String, String)?> {
    let count = bytes.count
    for index in 0..<min(count, 7) where bytes[index] >= 0x80 || bytes[index] == 0x0D {
      return .otherCharacters
    }
    func isTagByte(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) }
    guard count >= 4, isTagByte(bytes[0]), isTagByte(bytes[1]), bytes[2] == 0x20 else { return .read(nil) }
    let dash: Int
    if bytes[3] == 0x2D {
      dash = 3
    } else if count >= 5, bytes[3] == 0x20, bytes[4] == 0x2D {
      dash = 4
    } else {
      return .read(nil)
    }
    let tag = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<2]), as: UTF8.self)
    var start = dash + 1
    if start < count && bytes[start] == 0x20 {
      start += 1
    } else if start < count {
      return .read(nil)
    }
    let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<count]), as: UTF8.self)
    return .read((tag, value.trimmingCharacters(in: " \t")))
  }

  /// `parseTagLine` character by character, for any line (the reference for the byte path).
  static func parseTagLineByCharacters(_ line: Substring) -> (String, String)? {
    let characters = Array(line.prefix(6))
    guard characters.count >= 4, characters[0].isASCII, characters[0].isUppercase || characters[0].isNumber,
      characters[1].isASCII, characters[1].isUppercase || characters[1].isNumber, characters[2] == " "
    else { return nil }
    let dash: Int
    if characters[3] == "-" {
      dash = 3
    } else if characters.count >= 5, characters[3] == " ", characters[4] == "-" {
      dash = 4
    } else {
      return nil
    }
    let tag = String(characters[0...1])
    var value = line.dropFirst(dash + 1)
    if value.first == " " { value = value.dropFirst() } else if !value.isEmpty { return nil }
    return (tag, String(value).trimmingCharacters(in: " \t"))
  }
}
