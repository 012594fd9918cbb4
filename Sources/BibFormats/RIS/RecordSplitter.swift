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
    if line.trimmingCharacters(in: " \t").isEmpty {
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
      closeUnended("record has no 'ER' line; ended at the next 'TY'")
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
    closeUnended("file ends inside a record (no 'ER' line); the record is kept")
  }

  /// Keeps the open record, if any, with a warning that no `ER` ended it.
  private mutating func closeUnended(_ message: String) {
    guard let open = current else { return }
    diagnostics.append(Diagnostic(.warning, code: "ris-missing-er", message: message, location: open.location))
    records.append(open)
    current = nil
  }

  /// A line without a tag continues the previous value (appended in place, so a value of many
  /// continuation lines stays linear to read).
  private mutating func continuation(_ line: Substring, location: SourceLocation) {
    let breaks = String(repeating: "\n", count: blankLines + 1)
    func extend(_ lines: inout [Line]) -> Bool {
      guard !lines.isEmpty else { return false }
      lines[lines.count - 1].value += breaks
      lines[lines.count - 1].value += line
      return true
    }
    if var open = current {
      current = nil  // the record's lines are uniquely held while they grow
      defer { current = open }
      if extend(&open.lines) { return }
    }
    if extend(&orphans) { return }
    if !records.isEmpty, extend(&records[records.count - 1].lines) {
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
