import BibModel

/// What the user configures about a check: rules switched off, severities changed, the date
/// that counts as today, the source types counted as secondary.
public struct CheckConfig: Sendable, Hashable {
  public var disabled: Set<String>
  public var severities: [String: Severity]
  /// Today, for future-date checks and lifetimes of entities still active. Passed in: the
  /// checker itself never reads the clock.
  public var today: FactDate
  /// Overrides the schema's secondary source types when set.
  public var secondarySourceTypes: Set<String>?

  public init(
    disabled: Set<String> = [], severities: [String: Severity] = [:], today: FactDate,
    secondarySourceTypes: Set<String>? = nil
  ) {
    self.disabled = disabled
    self.severities = severities
    self.today = today
    self.secondarySourceTypes = secondarySourceTypes
  }

  /// Reads the `check:` section of a project's `.cited.yaml` on top of `base`:
  ///
  /// ```yaml
  /// check:
  ///   disable: [uncited-source]
  ///   severity: {conflict: error}
  ///   secondary-source-types: [webpage, post-weblog]
  /// ```
  public static func read(_ text: String, file: String, base: CheckConfig) -> (CheckConfig, [Diagnostic]) {
    var config = base
    let result = YAMLReader.read(text, file: file)
    var reading = NodeReading(diagnostics: result.diagnostics)
    guard let root = result.root, !root.isNull, let top = reading.mapping(root, "the configuration") else {
      return (config, reading.diagnostics)
    }
    let known = Set(Checker.catalog.map(\.id))
    for section in top where section.key == "check" {
      for field in reading.mapping(section.value, "check") ?? [] {
        switch field.key {
        case "disable":
          guard let items = field.value.sequence else {
            reading.problem("disable must be a list of rule ids", at: field.value.location)
            continue
          }
          for item in items {
            guard let id = reading.string(item, "a rule id") else { continue }
            if !known.contains(id) { reading.unknownRule(id, at: item.location, known: known) }
            config.disabled.insert(id)
          }
        case "severity":
          for pair in reading.mapping(field.value, "severity") ?? [] {
            if !known.contains(pair.key) { reading.unknownRule(pair.key, at: pair.keyLocation, known: known) }
            guard let text = reading.string(pair.value, "a severity"), let level = Severity(rawValue: text) else {
              reading.problem("severity must be error, warning or info", at: pair.value.location)
              continue
            }
            config.severities[pair.key] = level
          }
        case "secondary-source-types":
          config.secondarySourceTypes = reading.strings(field.value, "secondary-source-types").map(Set.init)
        default:
          reading.unknownField(field, in: "check", known: ["disable", "severity", "secondary-source-types"])
        }
      }
    }
    return (config, reading.diagnostics)
  }
}

extension NodeReading {
  mutating func unknownRule(_ id: String, at location: SourceLocation, known: Set<String>) {
    problem(
      "unknown rule '\(id)'", at: location,
      hint: Suggestions.closest(to: id, among: known.sorted()).map { "did you mean '\($0)'?" })
  }
}
