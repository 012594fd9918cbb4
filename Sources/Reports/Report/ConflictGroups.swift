import KnowledgeBase

/// Statements of one single-valued property of one entity that disagree for overlapping times.
struct ConflictGroup: Sendable {
  var entity: Entity
  var property: String
  /// Every statement of the property, deprecated ones included, so the ranks are visible.
  var statements: [Statement]

  /// Finds the conflicts of a knowledge base (the same reading as `cited check`'s conflict rule).
  static func find(_ knowledge: Knowledge) -> [ConflictGroup] {
    var groups: [ConflictGroup] = []
    for entity in knowledge.entities {
      for property in entity.properties where knowledge.schema.properties[property]?.singleValued == true {
        let all = entity.statements(of: property)
        let live = all.filter { $0.rank != .deprecated && $0.value != .unknownValue }
        var disagreeing = false
        outer: for i in live.indices {
          for j in live.indices where j > i && live[i].value != live[j].value && overlaps(live[i], live[j]) {
            disagreeing = true
            break outer
          }
        }
        if disagreeing { groups.append(ConflictGroup(entity: entity, property: property, statements: all)) }
      }
    }
    return groups
  }

  private static func overlaps(_ lhs: Statement, _ rhs: Statement) -> Bool {
    if let end = lhs.endDate, let start = rhs.startDate, end.isSurelyBefore(start) { return false }
    if let end = rhs.endDate, let start = lhs.startDate, end.isSurelyBefore(start) { return false }
    return true
  }
}
