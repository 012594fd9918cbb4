import BibModel

/// The rules the loaders apply while reading YAML and CSL-JSON. Their findings are produced by
/// `YAMLReader`, `KnowledgeLoader` and `Bibliography`, with the messages defined here, and are
/// passed through by `LoadErrorRule`.
public enum LoadRules {
  public static let yamlSyntax = RuleInfo(
    id: "yaml-syntax", severity: .error,
    summary: "The file is not well-formed YAML; the file is skipped.",
    fix: "Fix the syntax at the position shown (often an unclosed quote or a bad indentation).")
  public static let yamlAlias = RuleInfo(
    id: "yaml-alias", severity: .error,
    summary: "An anchor (`&name`) or alias (`*name`); the file is skipped.",
    fix: "Write the value out in full; the knowledge base does not share nodes.")
  public static let yamlTag = RuleInfo(
    id: "yaml-tag", severity: .error,
    summary: "An explicit YAML tag (`!x`, `!!str`); the file is skipped.",
    fix: "Remove the tag; values are read according to the schema, not tags.")
  public static let yamlTab = RuleInfo(
    id: "yaml-tab", severity: .error,
    summary: "A tab in the indentation; the file is skipped.",
    fix: "Indent with spaces.")
  public static let yamlDuplicateKey = RuleInfo(
    id: "yaml-duplicate-key", severity: .error,
    summary: "A key written twice in one mapping; the file is skipped.",
    fix: "Keep one of the two; merge what both say.")
  public static let structure = RuleInfo(
    id: "kb-structure", severity: .error,
    summary: "A field is missing, misspelt or has the wrong shape; the entity or statement is skipped.",
    fix: "Follow the format in Docs/knowledge-base.md.")
  public static let duplicateEntity = RuleInfo(
    id: "duplicate-entity", severity: .error,
    summary: "Two entities share an id; the second is skipped.",
    fix: "Give each entity its own id.")
  public static let bibliography = RuleInfo(
    id: "bibliography-load", severity: .error,
    summary: "The bibliography could not be read completely (JSON syntax, an item without id, a duplicate id).",
    fix: "Fix the CSL-JSON at the position shown.")

  public static let all: [RuleInfo] = [
    yamlSyntax, yamlAlias, yamlTag, yamlTab, yamlDuplicateKey, structure, duplicateEntity, bibliography,
  ]

  // MARK: Messages

  static func anchor(_ name: String) -> String { "anchor '&\(name)' is not allowed" }
  static func alias(_ name: String) -> String { "alias '*\(name)' is not allowed" }
  static func tag(_ tag: String) -> String { "YAML tag '\(tag)' is not allowed" }
  static let tab = "tab character in indentation"
  static func duplicateKey(_ key: String, first: SourceLocation) -> String {
    "duplicate key '\(key)' (first written at \(first.line):\(first.column))"
  }
  static let complexKey = "mapping keys must be plain text"
  static let tooDeep = "nesting deeper than 64 levels"
  static let multipleDocuments = "one document per file; found a second document"
}

/// Passes the loaders' findings through the checker, so they can be configured like any rule.
struct LoadErrorRule: CheckRule {
  public init() {}
  public var info: RuleInfo { LoadRules.structure }
  public func check(_ context: CheckContext) -> [Diagnostic] {
    context.knowledge.diagnostics + context.bibliography.diagnostics
  }
}
