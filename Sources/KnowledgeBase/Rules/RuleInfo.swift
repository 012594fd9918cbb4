import BibModel

/// What every rule declares: a stable identifier, a default severity, what it checks and how to
/// fix what it finds. The identifier is the `code` of the rule's diagnostics.
public struct RuleInfo: Sendable, Hashable {
  public let id: String
  public let severity: Severity
  /// One line: what fires the rule.
  public let summary: String
  /// One line: how to fix it.
  public let fix: String

  public init(id: String, severity: Severity, summary: String, fix: String) {
    self.id = id
    self.severity = severity
    self.summary = summary
    self.fix = fix
  }

  /// A diagnostic of this rule at its default severity.
  public func finding(
    _ message: String, at location: SourceLocation?, hint: String? = nil, notes: [String] = []
  ) -> Diagnostic {
    Diagnostic(severity, code: id, message: message, location: location, hint: hint, notes: notes)
  }
}

/// A check over the loaded knowledge base and bibliography. Rules are pure: they read the context
/// and return findings at their default severity; the checker applies configuration.
public protocol CheckRule: Sendable {
  var info: RuleInfo { get }
  func check(_ context: CheckContext) -> [Diagnostic]
}
