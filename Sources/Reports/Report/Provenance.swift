import BibModel
import KnowledgeBase

/// The provenance marks a statement carries in the report.
public enum ProvenanceMark: String, Sendable, Hashable, CaseIterable {
  case unsourced, singleSource, onlySecondary, viaCopy, deprecated

  /// The short label shown next to the statement.
  public var label: String {
    switch self {
    case .unsourced: "unsourced"
    case .singleSource: "single source"
    case .onlySecondary: "secondary only"
    case .viaCopy: "via copy"
    case .deprecated: "deprecated"
    }
  }

  /// What the mark means (the legend).
  public var meaning: String {
    switch self {
    case .unsourced: "No source supports this statement."
    case .singleSource: "Exactly one source supports this statement."
    case .onlySecondary:
      "Every source is of a secondary type (the schema's secondary source types: "
        + "encyclopedias, news, web pages, blogs)."
    case .viaCopy: "Every source was seen only through a copy, mirror or repost (the reference's via field)."
    case .deprecated: "Ranked deprecated: kept for the record, not believed; the reason is given."
    }
  }

  var className: String {
    switch self {
    case .unsourced: "mark mark-unsourced"
    case .singleSource: "mark mark-single"
    case .onlySecondary: "mark mark-secondary"
    case .viaCopy: "mark mark-via"
    case .deprecated: "mark mark-deprecated"
    }
  }

  /// The keys of the references whose CSL type counts as secondary: found once for a report,
  /// which asks of every statement twice whether all its sources are such.
  static func secondarySources(references: [String: Reference], secondaryTypes: Set<String>) -> Set<String> {
    Set(references.lazy.filter { secondaryTypes.contains($0.value.type.rawValue) }.map(\.key))
  }

  /// The marks of `statement`, given the keys of the secondary sources (`secondarySources`).
  static func marks(_ statement: Statement, secondarySources: Set<String>) -> [ProvenanceMark] {
    var marks: [ProvenanceMark] = []
    // Read straight off the statement's references (no set of sources: a report asks this of
    // every statement twice): one source however often cited is a single source. By index,
    // field by field: each reference as a whole is a copy of every string in it.
    let cited = statement.references
    if let first = cited.first?.source {
      if cited.indices.allSatisfy({ cited[$0].source == first }) { marks.append(.singleSource) }
      if cited.indices.allSatisfy({ secondarySources.contains(cited[$0].source) }) { marks.append(.onlySecondary) }
      if cited.indices.allSatisfy({ cited[$0].via != nil }) { marks.append(.viaCopy) }
    } else {
      marks.append(.unsourced)
    }
    if statement.rank == .deprecated { marks.append(.deprecated) }
    return marks
  }
}
