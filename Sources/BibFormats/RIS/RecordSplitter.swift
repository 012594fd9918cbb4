import BibModel

/// Groups RIS lines into records as real databases write them (see `RISReader.records`).
struct RecordSplitter {
  typealias Line = (tag: String, value: String, location: SourceLocation)

  let file: String
  private(set) var records: [RISReader.Record] = []
  private(set) var diagnostics: [Diagnostic] = []
  /// The record being read (after a `TY`).
  private var current: RISReader.Record?
  /// Lines read outside a record (before the first `TY` or after an `ER`).
  private var orphans: [Line] = []
  private var blankLines = 0

  init(file: String) {
    self.file = file
  }

  mutating func add(_ line: Substring, lineNumber: Int) {
    let location = SourceLocation(file: file, line: lineNumber, column: 1)
    if line.trim(" \t").isEmpty {
      blankLines += 1
      return
    }
    defer { blankLines = 0 }
    guard let (tag, value) = RISReader.parseTagLine(line) else {
      continuation(line, location: location)
      return
    }
    switch tag {
    case "TY":
      closeOrphans(endedByER: false)
      if let open = current {
        diagnostics.append(
          Diagnostic(
            .warning, code: "ris-missing-er", message: "record has no 'ER' line; ended at the next 'TY'",
            location: open.location))
        records.append(open)
      }
      current = RISReader.Record(lines: [(tag, value, location)], location: location)
    case "ER":
      if let open = current {
        records.append(open)
        current = nil
      } else {
        closeOrphans(endedByER: true)
      }
    default:
      if current != nil {
        current?.lines.append((tag, value, location))
      } else {
        orphans.append((tag, value, location))
      }
    }
  }

  mutating func finish() {
    closeOrphans(endedByER: false)
    if let open = current {
      diagnostics.append(
        Diagnostic(
          .warning, code: "ris-missing-er", message: "file ends inside a record (no 'ER' line); the record is kept",
          location: open.location))
      records.append(open)
      current = nil
    }
  }

  /// A line without a tag continues the previous value.
  private mutating func continuation(_ line: Substring, location: SourceLocation) {
    let breaks = String(repeating: "\n", count: blankLines + 1)
    if var open = current, let last = open.lines.popLast() {
      open.lines.append((last.tag, last.value + breaks + line, last.location))
      current = open
    } else if let last = orphans.popLast() {
      orphans.append((last.tag, last.value + breaks + line, last.location))
    } else if var previous = records.popLast(), let last = previous.lines.popLast() {
      previous.lines.append((last.tag, last.value + breaks + line, last.location))
      records.append(previous)
      diagnostics.append(
        Diagnostic(
          .warning, code: "ris-after-er", message: "text after 'ER'; read as part of the previous record",
          location: location))
    } else {
      diagnostics.append(
        Diagnostic(.warning, code: "ris-syntax", message: "text outside a record; ignored", location: location))
    }
  }

  /// Lines outside a record: their own record when an `ER` ends them (or nothing precedes
  /// them), else the tail of the previous record (Ovid's `NL` after `ER`).
  private mutating func closeOrphans(endedByER: Bool) {
    guard let first = orphans.first else { return }
    defer { orphans = [] }
    if !endedByER, var previous = records.popLast() {
      previous.lines += orphans
      records.append(previous)
      diagnostics.append(
        Diagnostic(
          .warning, code: "ris-after-er",
          message: "'\(first.tag)' after the record's 'ER'; read as part of that record", location: first.location))
      return
    }
    diagnostics.append(
      Diagnostic(
        .warning, code: "ris-missing-ty", message: "record without 'TY'; read as a generic record (GEN)",
        location: first.location, hint: "start each record with a 'TY  - ' line"))
    records.append(RISReader.Record(lines: orphans, location: first.location))
  }
}
