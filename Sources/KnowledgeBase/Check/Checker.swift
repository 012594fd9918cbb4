import BibModel

/// The checker: a pure function from a knowledge base, a bibliography and a configuration to
/// findings and a summary. It never reads files or the clock.
public enum Checker {
  /// The result of a check.
  public struct Result: Sendable {
    /// Findings after configuration, sorted by file, line and column.
    public var findings: [Diagnostic]
    public var summary: CheckSummary
  }

  /// Every rule the checker runs, in catalog order.
  public static let rules: [any CheckRule] = [
    LoadErrorRule(),
    UnsourcedStatementRule(), UnknownSourceRule(),
    UnknownKindRule(), UnknownPropertyRule(), PropertyKindRule(), ValueTypeRule(), ValueNotAllowedRule(),
    UnknownEntityRule(), EntityKindRule(), DeprecatedWithoutReasonRule(), MissingExpectedPropertyRule(),
    DuplicateStatementIDRule(),
    LocatorRangeRule(), LocatorLabelRule(), AnachronismRule(), DateOrderRule(), FutureDateRule(),
    DatePrecisionRule(), TypeLifetimeRule(), ConflictRule(), ConflictResolvedRule(), CorroborationRule(),
    ViaOnlyRule(), WebAccessDateRule(), MalformedURLRule(), MalformedDOIRule(), BibliographyEntryRule(),
    DuplicateSourceRule(), UncitedSourceRule(),
  ]

  /// Every rule identifier with its default severity and documentation (load rules included).
  public static var catalog: [RuleInfo] {
    LoadRules.all + rules.dropFirst().map(\.info)
  }

  /// How many errors `check` finds, found without the rules that cannot report one under the
  /// configuration: every rule reports its own identifier at its default severity, so a rule
  /// whose identifier the configuration leaves below error (or disables) adds no error. The
  /// load rule reports what loading found, of any identifier, and always runs.
  public static func errorCount(_ knowledge: Knowledge, _ bibliography: Bibliography, config: CheckConfig) -> Int {
    let context = CheckContext(knowledge: knowledge, bibliography: bibliography, config: config)
    let erring = rules.filter { rule in
      let id = rule.info.id
      guard id != LoadRules.structure.id else { return true }
      return !config.disabled.contains(id) && (config.severities[id] ?? rule.info.severity) == .error
    }
    let counts = ParallelMap.map(erring, minimumCount: 2) { rule in
      rule.check(context).filter { finding in
        !config.disabled.contains(finding.code) && (config.severities[finding.code] ?? finding.severity) == .error
      }.count
    }
    return counts.reduce(0, +)
  }

  public static func check(_ knowledge: Knowledge, _ bibliography: Bibliography, config: CheckConfig) -> Result {
    let context = CheckContext(knowledge: knowledge, bibliography: bibliography, config: config)
    let perRule = ParallelMap.map(rules, minimumCount: 2) { rule in
      config.disabled.contains(rule.info.id) && rule.info.id != LoadRules.structure.id ? [] : rule.check(context)
    }
    var findings: [Diagnostic] = []
    for var finding in perRule.joined() where !config.disabled.contains(finding.code) {
      if let severity = config.severities[finding.code] { finding.severity = severity }
      findings.append(finding)
    }
    findings.sort { lhs, rhs in
      switch (lhs.location, rhs.location) {
      case (let l?, let r?): l == r ? (lhs.code, lhs.message) < (rhs.code, rhs.message) : l < r
      case (nil, .some): false
      case (.some, nil): true
      case (nil, nil): lhs.message < rhs.message
      }
    }
    var summary = CheckSummary(
      context: context, conflicts: findings.filter { $0.code == ConflictRule.info.id }.count)
    for finding in findings {
      switch finding.severity {
      case .error: summary.errors += 1
      case .warning: summary.warnings += 1
      case .info: summary.infos += 1
      }
    }
    return Result(findings: findings, summary: summary)
  }
}
