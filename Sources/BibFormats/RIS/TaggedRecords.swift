import BibModel

/// The tagged-line exports of Web of Science (`PT J`, `AU Smith, J`, three-space continuation
/// lines, `ER`, `EF`) and PubMed MEDLINE (`.nbib`: `PMID- 123`, four-character tags padded with
/// spaces, six-space continuation lines, records separated by blank lines), split into records
/// of (tag, value) with continuation lines joined. Continuation lines of name and keyword tags
/// are repeated values (one author per line in Web of Science).
enum TaggedRecords {
  enum Dialect: Sendable {
    case webOfScience
    case medline
  }

  /// The dialect the text is written in, or nil for RIS.
  static func dialect(of text: String) -> Dialect? {
    for line in text.lines().prefix(20) {
      let trimmed = line.trimmingCharacters(in: " \t\u{FEFF}")
      if trimmed.isEmpty { continue }
      if trimmed.hasPrefix("PMID-") || trimmed.hasPrefix("PMID -") { return .medline }
      if trimmed.hasPrefix("FN ") || trimmed.hasPrefix("PT ") || trimmed.hasPrefix("VR ") { return .webOfScience }
      return nil
    }
    return nil
  }

  /// Records of (tag, value, location).
  static func split(_ text: String, dialect: Dialect, file: String) -> [RISReader.Record] {
    var records: [RISReader.Record] = []
    var current: RISReader.Record?
    func close() {
      if let open = current, !open.lines.isEmpty { records.append(open) }
      current = nil
    }
    for (offset, rawLine) in text.lines().enumerated() {
      let line = offset == 0 ? Substring(rawLine.trimmingCharacters(in: "\u{FEFF}")) : Substring(rawLine)
      let location = SourceLocation(file: file, line: offset + 1, column: 1)
      if line.trimmingCharacters(in: " \t").isEmpty {
        if dialect == .medline { close() }
        continue
      }
      if let (tag, value) = tagLine(line, dialect: dialect) {
        switch (dialect, tag) {
        case (.webOfScience, "FN"), (.webOfScience, "VR"), (.webOfScience, "EF"): continue
        case (.webOfScience, "ER"):
          close()
          continue
        case (.medline, "PMID"): close()
        default: break
        }
        if current == nil { current = RISReader.Record(lines: [], location: location) }
        current?.lines.append((tag, value, location))
      } else if var open = current, let last = open.lines.last {
        // Grown in place (the record uniquely held): many continuation lines stay linear.
        current = nil
        let more = line.trimmingCharacters(in: " \t")
        if repeatsOnContinuation(last.tag, dialect: dialect) {
          open.lines.append((last.tag, more, location))
        } else {
          open.lines[open.lines.count - 1].value += " " + more
        }
        current = open
      }
    }
    close()
    return records
  }

  private static func repeatsOnContinuation(_ tag: String, dialect: Dialect) -> Bool {
    dialect == .webOfScience && ["AU", "AF", "BA", "BF", "BE", "CA", "C1", "CR"].contains(tag)
  }

  /// `XX value` (Web of Science) or `XXXX- value` (MEDLINE, tag padded to four).
  private static func tagLine(_ line: Substring, dialect: Dialect) -> (String, String)? {
    switch dialect {
    case .webOfScience:
      let characters = Array(line.prefix(3))
      guard characters.count >= 2,
        characters.allSatisfy({ $0 == " " || ($0.isASCII && ($0.isUppercase || $0.isNumber)) }),
        characters[0] != " ", characters[1] != " ", characters.count == 2 || characters[2] == " "
      else { return nil }
      return (String(characters[0...1]), String(line.dropFirst(3)).trimmingCharacters(in: " \t"))
    case .medline:
      guard let dash = line.prefix(6).firstIndex(of: "-") else { return nil }
      let tag = line[..<dash].trimmingCharacters(in: " ")
      guard !tag.isEmpty, tag.count <= 4, tag.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else {
        return nil
      }
      return (tag, String(line[line.index(after: dash)...]).trimmingCharacters(in: " \t"))
    }
  }
}
