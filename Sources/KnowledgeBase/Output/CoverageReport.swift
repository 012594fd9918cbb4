import BibModel

/// Where the knowledge base's sourcing is thin: unsourced entities and properties, the sources
/// carrying the most statements, and statements resting only on secondary sources.
public struct CoverageReport: Sendable {
  public struct Gap: Sendable, Hashable {
    public var entity: String
    public var property: String
    public var unsourced: Int
    public var statements: Int
    public var location: SourceLocation
  }

  public struct SourceLoad: Sendable, Hashable {
    public var key: String
    public var statements: Int
  }

  public struct SecondaryOnly: Sendable, Hashable {
    public var statement: String
    public var sources: [String]
    public var location: SourceLocation
  }

  public struct PropertyTally: Sendable, Hashable {
    public var property: String
    public var statements: Int
    public var sourced: Int
  }

  public var gaps: [Gap]
  /// Statements and sourced statements per property, by property name.
  public var byProperty: [PropertyTally]
  public var busiestSources: [SourceLoad]
  public var secondaryOnly: [SecondaryOnly]
  public var secondaryTypes: [String]

  public init(_ context: CheckContext, top: Int = 10) {
    var gaps: [Gap] = []
    var load: [String: Int] = [:]
    var secondaryOnly: [SecondaryOnly] = []
    var tallies: [String: PropertyTally] = [:]
    let secondary = context.secondarySourceTypes
    for entity in context.knowledge.entities {
      for property in entity.properties {
        let statements = entity.statements(of: property)
        let unsourced = statements.filter(\.references.isEmpty)
        var tally = tallies[property] ?? PropertyTally(property: property, statements: 0, sourced: 0)
        tally.statements += statements.count
        tally.sourced += statements.count - unsourced.count
        tallies[property] = tally
        if !unsourced.isEmpty {
          gaps.append(
            Gap(
              entity: entity.id, property: property, unsourced: unsourced.count, statements: statements.count,
              location: unsourced[0].location))
        }
        for (index, statement) in statements.enumerated() {
          for key in Set(statement.references.map(\.source)) { load[key, default: 0] += 1 }
          let types = statement.references.compactMap { context.bibliography[$0.source]?.type }
          if !statement.references.isEmpty, types.count == statement.references.count,
            types.allSatisfy({ secondary.contains($0.rawValue) })
          {
            secondaryOnly.append(
              SecondaryOnly(
                statement: statement.label(index: index),
                sources: Self.distinctKeys(statement).map { "\($0) (\(context.bibliography[$0]?.type ?? "?"))" },
                location: statement.location))
          }
        }
      }
    }
    self.gaps = gaps
    self.byProperty = tallies.keys.sorted().compactMap { tallies[$0] }
    self.busiestSources = load.map { SourceLoad(key: $0.key, statements: $0.value) }
      .sorted { ($0.statements, $1.key) > ($1.statements, $0.key) }.prefix(top).map { $0 }
    self.secondaryOnly = secondaryOnly
    self.secondaryTypes = secondary.sorted()
  }

  /// A statement's citation keys, each once, in order.
  private static func distinctKeys(_ statement: Statement) -> [String] {
    var seen: Set<String> = []
    return statement.references.map(\.source).filter { seen.insert($0).inserted }
  }

  public func renderText() -> String {
    var output = "Sourcing by property (sourced / statements)\n"
    let width = byProperty.map(\.property.count).max() ?? 0
    for tally in byProperty {
      let padding = String(repeating: " ", count: width - tally.property.count)
      output += "  \(tally.property)\(padding)  \(tally.sourced) / \(tally.statements)\n"
    }
    output += "\nEntities and properties lacking sources (\(gaps.count))\n"
    for gap in gaps {
      output += "  \(gap.location): \(gap.entity).\(gap.property): \(gap.unsourced) of \(gap.statements) unsourced\n"
    }
    output += "\nSources carrying the most statements\n"
    for source in busiestSources { output += "  \(source.statements)\t\(source.key)\n" }
    output +=
      "\nStatements resting only on secondary sources (\(secondaryOnly.count); secondary: "
      + secondaryTypes.joined(separator: ", ") + ")\n"
    for item in secondaryOnly {
      output += "  \(item.location): \(item.statement): \(item.sources.joined(separator: ", "))\n"
    }
    return output
  }

  public func renderJSON() -> JSONValue {
    func place(_ location: SourceLocation) -> [(String, JSONValue)] {
      [
        ("file", .string(location.file)), ("line", JSONBuilder.number(location.line)),
        ("column", JSONBuilder.number(location.column)),
      ]
    }
    return JSONBuilder.object([
      (
        "unsourced",
        .array(
          gaps.map { gap in
            JSONBuilder.object(
              [
                ("entity", .string(gap.entity)), ("property", .string(gap.property)),
                ("unsourced", JSONBuilder.number(gap.unsourced)), ("statements", JSONBuilder.number(gap.statements)),
              ] + place(gap.location))
          })
      ),
      (
        "busiestSources",
        .array(
          busiestSources.map {
            JSONBuilder.object([("source", .string($0.key)), ("statements", JSONBuilder.number($0.statements))])
          })
      ),
      (
        "secondaryOnly",
        .array(
          secondaryOnly.map { item in
            JSONBuilder.object(
              [("statement", .string(item.statement)), ("sources", .array(item.sources.map(JSONValue.string)))]
                + place(item.location))
          })
      ),
      ("secondaryTypes", .array(secondaryTypes.map(JSONValue.string))),
      (
        "byProperty",
        .array(
          byProperty.map {
            JSONBuilder.object([
              ("property", .string($0.property)), ("statements", JSONBuilder.number($0.statements)),
              ("sourced", JSONBuilder.number($0.sourced)),
            ])
          })
      ),
    ])
  }
}
