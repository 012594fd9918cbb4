import BibModel

/// Findings as SARIF 2.1.0, for code-scanning tools.
public enum SARIFReport {
  public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

  public static func render(_ result: Checker.Result, rules: [RuleInfo] = Checker.catalog) -> String {
    let driverRules: [JSONValue] = rules.map { rule in
      JSONBuilder.object([
        ("id", .string(rule.id)),
        ("shortDescription", JSONBuilder.object([("text", .string(rule.summary))])),
        ("help", JSONBuilder.object([("text", .string(rule.fix))])),
        ("defaultConfiguration", JSONBuilder.object([("level", .string(level(rule.severity)))])),
      ])
    }
    let results: [JSONValue] = result.findings.map { finding in
      var text = finding.message
      if let hint = finding.hint { text += " (\(hint))" }
      var members: [(String, JSONValue)] = [
        ("ruleId", .string(finding.code)), ("level", .string(level(finding.severity))),
        ("message", JSONBuilder.object([("text", .string(text))])),
      ]
      if let location = finding.location {
        var physical: [(String, JSONValue)] = [
          ("artifactLocation", JSONBuilder.object([("uri", .string(location.file))]))
        ]
        if location.line > 0 {
          var region: [(String, JSONValue)] = [("startLine", JSONBuilder.number(location.line))]
          if location.column > 0 { region.append(("startColumn", JSONBuilder.number(location.column))) }
          physical.append(("region", JSONBuilder.object(region)))
        }
        members.append(
          ("locations", .array([JSONBuilder.object([("physicalLocation", JSONBuilder.object(physical))])])))
      }
      return JSONBuilder.object(members)
    }
    let run = JSONBuilder.object([
      (
        "tool",
        JSONBuilder.object([
          (
            "driver",
            JSONBuilder.object([
              ("name", .string("cited")), ("rules", .array(driverRules)),
            ])
          )
        ])
      ),
      ("results", .array(results)),
    ])
    return JSONWriter.write(
      JSONBuilder.object([("version", .string("2.1.0")), ("$schema", .string(schemaURI)), ("runs", .array([run]))]))
  }

  /// SARIF levels: error, warning, note.
  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .info: "note"
    }
  }
}
