import BibModel

/// What a rule reads: the knowledge base, the bibliography, the configuration and a few indexes
/// built once for all rules.
public struct CheckContext: Sendable {
  public var knowledge: Knowledge
  public var bibliography: Bibliography
  public var config: CheckConfig

  public init(knowledge: Knowledge, bibliography: Bibliography, config: CheckConfig) {
    self.knowledge = knowledge
    self.bibliography = bibliography
    self.config = config
  }

  public var schema: Schema { knowledge.schema }

  /// The secondary source types in force (configuration over schema).
  public var secondarySourceTypes: Set<String> {
    config.secondarySourceTypes ?? knowledge.schema.secondarySourceTypes
  }

  /// Calls `body` for every statement with its index within its property. Statements are lent,
  /// not copied (a copy of a statement retains every string in it; rules visit each one often).
  public func forEachStatement(_ body: (Entity, Statement, Int) -> Void) {
    knowledge.entities.withUnsafeBufferPointer { entities in
      for entityIndex in entities.indices {
        entities[entityIndex].statements.withUnsafeBufferPointer { statements in
          var previous = ""
          var index = 0
          for statementIndex in statements.indices {
            // Statements of a property are consecutive as loaded.
            if statements[statementIndex].property == previous {
              index += 1
            } else {
              previous = statements[statementIndex].property
              index = 0
            }
            body(entities[entityIndex], statements[statementIndex], index)
          }
        }
      }
    }
  }

  /// A reference's source as readable text: `key (Author Year, "Title")`.
  public func describe(source key: String) -> String {
    guard let item = bibliography[key] else { return key }
    var parts: [String] = []
    if let author = item.names["author"]?.first ?? item.names["editor"]?.first {
      parts.append(author.family ?? author.literal ?? "")
    }
    if let year = item.dates["issued"]?.year { parts.append(String(year)) }
    return parts.isEmpty ? key : "\(key) (\(parts.joined(separator: " ")))"
  }
}
