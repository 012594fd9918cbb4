import BibModel

/// Findings and summary as JSON, for scripts.
public enum JSONReport {
  public static func render(_ result: Checker.Result) -> String {
    JSONWriter.write(value(result))
  }

  /// The report as a JSON value (to embed in a larger document).
  public static func value(_ result: Checker.Result) -> JSONValue {
    let findings: [JSONValue] = result.findings.map { finding in
      var members: [(String, JSONValue)] = [
        ("rule", .string(finding.code)), ("severity", .string(finding.severity.rawValue)),
        ("message", .string(finding.message)),
      ]
      if let location = finding.location {
        members.append(("file", .string(location.file)))
        members.append(("line", JSONBuilder.number(location.line)))
        members.append(("column", JSONBuilder.number(location.column)))
      }
      if let hint = finding.hint { members.append(("hint", .string(hint))) }
      if !finding.notes.isEmpty { members.append(("notes", .array(finding.notes.map(JSONValue.string)))) }
      return JSONBuilder.object(members)
    }
    return JSONBuilder.object([("findings", .array(findings)), ("summary", summary(result.summary))])
  }

  static func summary(_ summary: CheckSummary) -> JSONValue {
    func tallies(_ table: [String: CheckSummary.Tally]) -> JSONValue {
      JSONBuilder.object(
        table.keys.sorted().compactMap { key in
          table[key].map { tally in
            (
              key,
              JSONBuilder.object([
                ("entities", JSONBuilder.number(tally.entities)), ("statements", JSONBuilder.number(tally.statements)),
                ("sourced", JSONBuilder.number(tally.sourced)),
              ])
            )
          }
        })
    }
    return JSONBuilder.object([
      ("entities", JSONBuilder.number(summary.entities)), ("statements", JSONBuilder.number(summary.statements)),
      ("sources", JSONBuilder.number(summary.sources)), ("citedSources", JSONBuilder.number(summary.citedSources)),
      ("unsourcedStatements", JSONBuilder.number(summary.unsourcedStatements)),
      ("percentSourced", JSONBuilder.number(summary.percentSourced)),
      ("sourcesPerStatement", JSONBuilder.number(summary.sourcesPerStatement)),
      ("conflicts", JSONBuilder.number(summary.conflicts)), ("errors", JSONBuilder.number(summary.errors)),
      ("warnings", JSONBuilder.number(summary.warnings)), ("infos", JSONBuilder.number(summary.infos)),
      ("byKind", tallies(summary.byKind)), ("byProperty", tallies(summary.byProperty)),
    ])
  }
}
