/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
  case info
  case warning
  case error

  private var order: Int {
    switch self {
    case .info: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.order < rhs.order }
}

/// A finding: collected, never thrown. Every part of Cited that reads user input reports
/// problems this way, so one bad entry costs that entry and the user sees all problems at once.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
  public var severity: Severity
  /// A stable identifier (`json-syntax`, `csl-unknown-attribute`, `unsourced-statement`).
  public var code: String
  public var message: String
  public var location: SourceLocation?
  /// What to do about it, when there is something to say.
  public var hint: String?
  /// Further places or facts that explain the finding.
  public var notes: [String]

  public init(
    _ severity: Severity, code: String, message: String, location: SourceLocation? = nil,
    hint: String? = nil, notes: [String] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.hint = hint
    self.notes = notes
  }

  /// `file:line:column: severity: message [code]`.
  public var description: String {
    var text = ""
    if let location { text += "\(location): " }
    text += "\(severity.rawValue): \(message) [\(code)]"
    if let hint { text += "\n  hint: \(hint)" }
    for note in notes { text += "\n  note: \(note)" }
    return text
  }
}

extension Array where Element == Diagnostic {
  /// True when any diagnostic is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }
}
