import BibFormats
import BibModel

/// The cited sources that `cited check` would flag (a field the item's type requires is
/// missing, a date that cannot exist, a malformed DOI, URL, ISBN or ISSN: the validation of the
/// `bibliography-entry`, `malformed-doi` and `malformed-url` rules), for `cited render DOC.md
/// --check` and the filter's `cited-check`, so the writer sees a weak source where it is used.
/// Unknown keys are reported by the citation plan already.
public enum CitedSourceCheck {
  /// The problems of each of `keys` (known references only), in the order of `keys`.
  public static func problems(of keys: [String], references: [Reference]) -> [(key: String, finding: Diagnostic)] {
    let byID = Dictionary(references.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let cited = keys.compactMap { byID[$0] }
    let document = BibDocument(references: cited)
    let validator = BibliographyValidator()
    return cited.flatMap { reference in
      validator.validate(reference, document: document, file: "bibliography").map { (reference.id, $0) }
    }
  }

  /// One warning per problem of each cited source, at its first citation in `file`, in
  /// document order.
  public static func findings(
    clusters: [CitationCluster], references: [Reference], file: String
  ) -> [Diagnostic] {
    var order: [String] = []
    var first: [String: SourceLocation] = [:]
    var counts: [String: Int] = [:]
    for cluster in clusters {
      for item in cluster.items {
        if first[item.key] == nil {
          order.append(item.key)
          first[item.key] = SourceLocation(file: file, line: cluster.line, column: cluster.column)
        }
        counts[item.key, default: 0] += 1
      }
    }
    return problems(of: order, references: references).map { key, finding in
      let times = counts[key] ?? 1
      return Diagnostic(
        .warning, code: "cited-source-flagged",
        message: "cited source " + finding.message + " [\(finding.code)]"
          + (times > 1 ? " (cited \(times) times)" : ""),
        location: first[key], hint: finding.hint ?? "fix the entry in the bibliography; `cited check` lists it too")
    }
  }
}
