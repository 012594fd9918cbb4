/// Counts over a checked knowledge base.
public struct CheckSummary: Sendable, Hashable, Codable {
  public struct Tally: Sendable, Hashable, Codable {
    public var entities: Int = 0
    public var statements: Int = 0
    public var sourced: Int = 0
    public init() {}

    /// One more statement: the first of its entity's with this property, sourced or not.
    mutating func add(entity first: Bool, sourced isSourced: Bool) {
      statements += 1
      if first { entities += 1 }
      if isSourced { sourced += 1 }
    }

    mutating func merge(_ other: Tally) {
      entities += other.entities
      statements += other.statements
      sourced += other.sourced
    }
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
    // One table look-up per statement (its property) and one per entity (its kind): on 100,000
    // statements the counts run on one core after the rules.
    for entity in context.knowledge.entities {
      var kind = Tally()
      kind.entities = 1
      var seen: Set<String> = []
      for index in entity.statements.indices {
        let property = entity.statements[index].property
        let count = entity.statements[index].references.count
        references += count
        for reference in entity.statements[index].references { cited.insert(reference.source) }
        kind.statements += 1
        if count > 0 { kind.sourced += 1 }
        let first = seen.insert(property).inserted
        byProperty[property, default: Tally()].add(entity: first, sourced: count > 0)
      }
      statements += kind.statements
      sourced += kind.sourced
      byKind[entity.kind, default: Tally()].merge(kind)
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
