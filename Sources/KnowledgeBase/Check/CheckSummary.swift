/// Counts over a checked knowledge base.
public struct CheckSummary: Sendable, Hashable, Codable {
  public struct Tally: Sendable, Hashable, Codable {
    public var entities: Int = 0
    public var statements: Int = 0
    public var sourced: Int = 0
    public init() {}
  }

  public var entities: Int
  public var statements: Int
  /// Items in the bibliography.
  public var sources: Int
  /// Distinct sources cited by at least one statement.
  public var citedSources: Int
  public var sourcedStatements: Int
  public var references: Int
  public var conflicts: Int
  public var errors: Int
  public var warnings: Int
  public var infos: Int
  public var byKind: [String: Tally]
  public var byProperty: [String: Tally]

  public var unsourcedStatements: Int { statements - sourcedStatements }

  /// Percentage of statements with at least one reference.
  public var percentSourced: Double {
    statements == 0 ? 100 : Double(sourcedStatements) * 100 / Double(statements)
  }

  /// Mean references per statement.
  public var sourcesPerStatement: Double {
    statements == 0 ? 0 : Double(references) / Double(statements)
  }

  public init(context: CheckContext, conflicts: Int) {
    entities = context.knowledge.entities.count
    sources = context.bibliography.keys.count
    var statements = 0
    var sourced = 0
    var references = 0
    var cited: Set<String> = []
    var byKind: [String: Tally] = [:]
    var byProperty: [String: Tally] = [:]
    for entity in context.knowledge.entities {
      byKind[entity.kind, default: Tally()].entities += 1
      var seen: Set<String> = []
      for index in entity.statements.indices {
        let property = entity.statements[index].property
        let count = entity.statements[index].references.count
        statements += 1
        references += count
        for reference in entity.statements[index].references { cited.insert(reference.source) }
        byKind[entity.kind, default: Tally()].statements += 1
        byProperty[property, default: Tally()].statements += 1
        if seen.insert(property).inserted { byProperty[property, default: Tally()].entities += 1 }
        if count > 0 {
          sourced += 1
          byKind[entity.kind, default: Tally()].sourced += 1
          byProperty[property, default: Tally()].sourced += 1
        }
      }
    }
    self.statements = statements
    self.sourcedStatements = sourced
    self.references = references
    self.citedSources = cited.filter { context.bibliography.contains($0) }.count
    self.conflicts = conflicts
    self.byKind = byKind
    self.byProperty = byProperty
    errors = 0
    warnings = 0
    infos = 0
  }
}
