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

  /// The marks of `statement`, given the references and which CSL types count as secondary.
  static func marks(
    _ statement: Statement, references: [String: Reference], secondaryTypes: Set<String>
  ) -> [ProvenanceMark] {
    var marks: [ProvenanceMark] = []
    // Read straight off the statement's references (no set of sources: a report asks this of
    // every statement twice): one source however often cited is a single source.
    let cited = statement.references
    if let first = cited.first?.source {
      if cited.allSatisfy({ $0.source == first }) { marks.append(.singleSource) }
      let secondary = cited.allSatisfy { reference in
        references[reference.source].map { secondaryTypes.contains($0.type.rawValue) } ?? false
      }
      if secondary { marks.append(.onlySecondary) }
      if cited.allSatisfy({ $0.via != nil }) { marks.append(.viaCopy) }
    } else {
      marks.append(.unsourced)
    }
    if statement.rank == .deprecated { marks.append(.deprecated) }
    return marks
  }
}
