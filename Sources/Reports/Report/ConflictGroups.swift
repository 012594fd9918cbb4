import KnowledgeBase

/// Statements of one property of one entity whose values disagree for overlapping times.
struct ConflictGroup: Sendable {
  var entity: Entity
  var property: String
  /// Every statement of the property, deprecated ones included, so the ranks are visible.
  var statements: [Statement]
  /// The value rank settles the conflict on (preferred, or the survivor of deprecated rivals);
  /// nil for an open conflict.
  var settledBy: Statement?

  /// The conflicts of a knowledge base, exactly as `cited check` finds them.
  /// One group per entity and property; a property with an open conflict counts as open.
  static func find(_ knowledge: Knowledge) -> [ConflictGroup] {
    var groups: [ConflictGroup] = []
    var index: [EntityProperty: Int] = [:]
    for conflict in Conflicts.find(in: knowledge) {
      let key = EntityProperty(entity: conflict.entity.id, property: conflict.property)
      if let existing = index[key] {
        if conflict.resolvedBy == nil { groups[existing].settledBy = nil }
        continue
      }
      index[key] = groups.count
      groups.append(
        ConflictGroup(
          entity: conflict.entity, property: conflict.property,
          statements: conflict.entity.statements(of: conflict.property), settledBy: conflict.resolvedBy))
    }
    return groups
  }
}

/// One property of one entity, as a dictionary key.
private struct EntityProperty: Hashable {
  var entity: String
  var property: String
}
