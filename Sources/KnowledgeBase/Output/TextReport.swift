import BibModel

/// Human-readable findings: grouped by file, each quoting its line with a caret under the column,
/// then a summary.
public enum TextReport {
  /// `sources` maps a file path to its text, for quoting; files not given are not quoted.
  public static func render(_ result: Checker.Result, sources: [String: String]) -> String {
    var output = ""
    var lineCache: [String: [Substring]] = [:]
    var currentFile: String?
    for finding in result.findings {
      let file = finding.location?.file ?? "(general)"
      if file != currentFile {
        if currentFile != nil { output += "\n" }
        output += file + "\n"
        currentFile = file
      }
      let location = finding.location
      var position = ""
      if let location, location.line > 0 {
        position = location.column > 0 ? "\(location.line):\(location.column)" : "\(location.line)"
      }
      let prefix = position.isEmpty ? "" : position + ": "
      output += "  \(prefix)\(finding.severity.rawValue): \(finding.message) [\(finding.code)]\n"
      if let location, location.line > 0, let text = sources[location.file] {
        if lineCache[location.file] == nil {
          lineCache[location.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        if let lines = lineCache[location.file], location.line <= lines.count {
          output += quote(lines[location.line - 1], line: location.line, column: location.column)
        }
      }
      if let hint = finding.hint { output += "      hint: \(hint)\n" }
      for note in finding.notes { output += "      note: \(note)\n" }
    }
    if !result.findings.isEmpty { output += "\n" }
    output += summary(result.summary)
    return output
  }

  /// The line with its number, and a caret under the column.
  static func quote(_ line: Substring, line number: Int, column: Int) -> String {
    let gutter = String(number)
    let text = line.hasSuffix("\r") ? line.dropLast() : line
    var output = "    \(gutter) | \(text)\n"
    guard column > 0 else { return output }
    var marker = ""
    for character in text.prefix(column - 1) { marker += character == "\t" ? "\t" : " " }
    output += "    \(String(repeating: " ", count: gutter.count)) | \(marker)^\n"
    return output
  }

  /// `lsg 20 entities 120 statements (98% sourced), person …`.
  static func byKind(_ summary: CheckSummary) -> String {
    let parts = summary.byKind.keys.sorted().compactMap { kind -> String? in
      guard let tally = summary.byKind[kind] else { return nil }
      let percent = tally.statements == 0 ? 100 : tally.sourced * 100 / tally.statements
      let statements = tally.statements == 1 ? "statement" : "statements"
      return "\(kind) \(tally.entities) (\(tally.statements) \(statements), \(percent)% sourced)"
    }
    return parts.isEmpty ? "-" : parts.joined(separator: ", ")
  }

  public static func summary(_ summary: CheckSummary) -> String {
    func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
    let percent = (summary.percentSourced * 10).rounded() / 10
    let perStatement = (summary.sourcesPerStatement * 100).rounded() / 100
    return """
      \(plural(summary.errors, "error")), \(plural(summary.warnings, "warning")), \(summary.infos) info
      entities: \(summary.entities), statements: \(summary.statements), sources: \(summary.sources) \
      (\(summary.citedSources) cited), statements without a source: \(summary.unsourcedStatements)
      sourced: \(percent)%, sources per statement: \(perStatement), conflicts: \(summary.conflicts)
      by kind: \(byKind(summary))

      """
  }
}
