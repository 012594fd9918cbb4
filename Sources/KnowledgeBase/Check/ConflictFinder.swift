import BibModel

/// Finds groups of statements of a single-valued property that give different values for
/// overlapping times. Shared by the `conflict` and `conflict-resolved` rules.
public struct ValueConflict: Sendable {
  public var entity: Entity
  public var property: String
  /// The statements in conflict, in file order.
  public var statements: [Statement]
  /// The preferred value, when rank resolves the conflict.
  public var resolvedBy: Statement?
  /// Deprecated values that disagree with what the knowledge base holds, each with its reason:
  /// disagreements between sources settled by deprecation.
  public var deprecated: [Statement] = []
}

/// The conflicts of a knowledge base, as `cited check` reads them: open ones (`resolvedBy` nil)
/// and those that rank settles (a preferred value, or deprecated rivals). Reports use this too,
/// so the report and the check always agree.
public enum Conflicts {
  public static func find(in knowledge: Knowledge) -> [ValueConflict] {
    ConflictFinder.conflicts(in: knowledge)
  }
}

enum ConflictFinder {
  static func conflicts(_ context: CheckContext) -> [ValueConflict] {
    conflicts(in: context.knowledge)
  }

  static func conflicts(in knowledge: Knowledge) -> [ValueConflict] {
    var result: [ValueConflict] = []
    for entity in knowledge.entities {
      // Count first (reading fields only), so statements are copied only where a conflict can be.
      var counts: [String: Int] = [:]
      var order: [String] = []
      for index in entity.statements.indices {
        let property = entity.statements[index].property
        // One look-up for a property seen before, two for a new one.
        if let seen = counts.index(forKey: property) {
          counts.values[seen] += 1
        } else {
          counts[property] = 1
          order.append(property)
        }
      }
      for property in order where counts[property, default: 0] > 1 {
        let all = entity.statements(of: property)
        let deprecated = all.filter { $0.rank == .deprecated }
        if !deprecated.isEmpty {
          // A deprecated value that disagrees with a value the knowledge base keeps is a
          // disagreement between sources that rank settled: reported for the record.
          let kept = all.filter { $0.rank != .deprecated }
          let losing = deprecated.filter { old in kept.contains { !agrees($0.value, old.value) && overlaps($0, old) } }
          if !losing.isEmpty, let winner = kept.first(where: { $0.rank == .preferred }) ?? kept.first {
            let rivals = kept.filter { candidate in losing.contains { !agrees(candidate.value, $0.value) } }
            result.append(
              ValueConflict(
                entity: entity, property: property, statements: rivals + losing, resolvedBy: winner,
                deprecated: losing))
          }
        }
        guard knowledge.schema.properties[property]?.singleValued == true else { continue }
        let live = all.filter { statement in
          guard statement.rank != .deprecated else { return false }
          switch statement.value {
          case .unknownValue, .uninterpreted: return false  // nothing to compare (value-type reports the latter)
          default: return true
          }
        }
        guard live.count > 1 else { continue }
        // Connected components of "different value, overlapping time".
        var group = Array(0..<live.count)
        func find(_ index: Int) -> Int {
          var node = index
          while group[node] != node { node = group[node] }
          return node
        }
        for i in 0..<live.count {
          for j in (i + 1)..<live.count where !agrees(live[i].value, live[j].value) && overlaps(live[i], live[j]) {
            group[find(j)] = find(i)
          }
        }
        var members: [Int: [Statement]] = [:]
        for index in 0..<live.count { members[find(index), default: []].append(live[index]) }
        for key in members.keys.sorted() {
          // A group of two or more holds at least one disagreeing pair (that is what joined it).
          guard let statements = members[key], statements.count > 1 else { continue }
          let preferred = statements.filter { $0.rank == .preferred }
          let unanimous = preferred.allSatisfy { agrees($0.value, preferred[0].value) }
          let resolved = !preferred.isEmpty && unanimous ? preferred.first : nil
          result.append(ValueConflict(entity: entity, property: property, statements: statements, resolvedBy: resolved))
        }
      }
    }
    return result
  }

  /// Whether two values say the same: equal, or dates of which one refines the other
  /// (`1980` and `1980-03` agree; `1980-03` and `1980-04` do not).
  static func agrees(_ lhs: StatementValue, _ rhs: StatementValue) -> Bool {
    if case .date(let left) = lhs, case .date(let right) = rhs {
      let common = min(left.precision, right.precision)
      return left.truncated(to: common) == right.truncated(to: common)
    }
    return lhs == rhs
  }

  /// Whether two statements' times overlap. Open ends overlap everything; an end and a start in
  /// the same year (or month, day: the coarser precision of the two) are a handover, not an overlap.
  static func overlaps(_ lhs: Statement, _ rhs: Statement) -> Bool {
    if let end = lhs.endDate, let start = rhs.startDate, !end.isAfter(start) { return false }
    if let end = rhs.endDate, let start = lhs.startDate, !end.isAfter(start) { return false }
    return true
  }

  /// One note per statement: its value, place and every source.
  static func notes(_ conflict: ValueConflict, _ context: CheckContext) -> [String] {
    conflict.statements.map { statement in
      let sources = statement.references.map { context.describe(source: $0.source) }
      let rank = statement.rank == .normal ? "" : " [\(statement.rank.rawValue)]"
      return "\(statement.value.display)\(rank) at \(statement.valueLocation): "
        + (sources.isEmpty ? "no source" : sources.joined(separator: ", "))
    }
  }
}
