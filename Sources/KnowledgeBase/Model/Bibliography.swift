import BibFormats
import BibModel

/// The bibliography a knowledge base cites: items from one or more files (CSL-JSON, CSL-YAML,
/// BibLaTeX/BibTeX, RIS).
public struct Bibliography: Sendable {
  public var references: [String: Reference]
  /// Keys in the order read.
  public var keys: [String]
  /// Where each item begins.
  public var locations: [String: SourceLocation]
  /// Problems reading the files (as `bibliography-load` findings).
  public var diagnostics: [Diagnostic]

  public init(_ references: [Reference] = [], locations: [String: SourceLocation] = [:], diagnostics: [Diagnostic] = [])
  {
    self.references = [:]
    self.keys = []
    self.locations = locations
    self.diagnostics = diagnostics
    for reference in references where self.references[reference.id] == nil {
      self.references[reference.id] = reference
      keys.append(reference.id)
    }
  }

  /// Reads bibliography files (path, text) in any format Cited reads. Everything that can be
  /// read is kept (an id defined twice: the later entry under `id-2`); every problem, skip or
  /// repair is a `bibliography-load` finding (warnings at the rule's severity, so they count).
  public static func read(_ files: [SourceFile]) -> Bibliography {
    read(files.map { BibliographyFiles.File(path: $0.path, bytes: Array($0.text.utf8)) })
  }

  /// Reads bibliography files as bytes, so the readers' encoding detection applies (the same
  /// policy as `cited bib`: a Latin-1 BibTeX file is read, with a finding, not refused).
  public static func read(_ files: [BibliographyFiles.File]) -> Bibliography {
    var bibliography = Bibliography()
    let result = BibliographyFiles.read(files)
    for diagnostic in result.diagnostics {
      // One rule id for everything the readers say, so it can be configured; the reader's own
      // code stays in the notes.
      var finding = diagnostic
      finding.notes.append("bibliography reader: \(diagnostic.code)")
      finding.code = LoadRules.bibliography.id
      if diagnostic.severity >= .warning {
        finding.severity = max(diagnostic.severity, LoadRules.bibliography.severity)
      }
      bibliography.diagnostics.append(finding)
    }
    for reference in result.references {
      bibliography.references[reference.id] = reference
      bibliography.keys.append(reference.id)
      bibliography.locations[reference.id] = result.document.locations[reference.id]
    }
    return bibliography
  }

  public subscript(key: String) -> Reference? { references[key] }

  /// True when an item has the key (without copying the item).
  public func contains(_ key: String) -> Bool { references.index(forKey: key) != nil }
}
