import BibModel

/// Findings as GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`).
public enum GitHubAnnotations {
  public static func render(_ result: Checker.Result) -> String {
    var output = ""
    for finding in result.findings {
      let command =
        switch finding.severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
      var properties: [String] = []
      if let location = finding.location {
        properties.append("file=\(escapeProperty(location.file))")
        if location.line > 0 { properties.append("line=\(location.line)") }
        if location.column > 0 { properties.append("col=\(location.column)") }
      }
      properties.append("title=\(escapeProperty(finding.code))")
      var message = finding.message
      if let hint = finding.hint { message += " (\(hint))" }
      for note in finding.notes { message += "\n" + note }
      output += "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }
    return output
  }

  static func escapeData(_ text: String) -> String {
    var output = ""
    for character in text {
      switch character {
      case "%": output += "%25"
      case "\r": output += "%0D"
      case "\n": output += "%0A"
      default: output.append(character)
      }
    }
    return output
  }

  static func escapeProperty(_ text: String) -> String {
    var output = ""
    for character in escapeData(text) {
      switch character {
      case ":": output += "%3A"
      case ",": output += "%2C"
      default: output.append(character)
      }
    }
    return output
  }
}
