import BibModel

/// The bibliography formats Cited reads and writes.
public enum BibFormat: String, Sendable, Hashable, CaseIterable {
  case cslJSON = "csl-json"
  case cslYAML = "csl-yaml"
  case biblatex
  case bibtex
  case ris

  /// The format a file name suggests (`.json`, `.yaml`/`.yml`, `.bib`, `.ris`); nil otherwise.
  public static func guess(fromPath path: String) -> BibFormat? {
    let lower = path.lowercased()
    if lower.hasSuffix(".json") { return .cslJSON }
    if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .cslYAML }
    if lower.hasSuffix(".bib") || lower.hasSuffix(".bibtex") { return .biblatex }
    // Web of Science (.ciw) and PubMed (.nbib) exports are read by the RIS reader.
    if lower.hasSuffix(".ris") || lower.hasSuffix(".nbib") || lower.hasSuffix(".ciw") { return .ris }
    return nil
  }

  /// Accepts the raw values plus the short names `json`, `yaml`, `bib`.
  public init?(name: String) {
    switch name.lowercased() {
    case "json", "csljson", "csl-json": self = .cslJSON
    case "yaml", "yml", "cslyaml", "csl-yaml": self = .cslYAML
    case "bib", "biblatex": self = .biblatex
    case "bibtex": self = .bibtex
    case "ris", "nbib", "medline", "pubmed", "wos": self = .ris
    default: return nil
    }
  }
}
