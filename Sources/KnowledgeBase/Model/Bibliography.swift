import BibModel

/// The bibliography a knowledge base cites: CSL-JSON items from one or more files.
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

  /// Reads CSL-JSON files (path, text); an id defined in two files keeps the first.
  public static func read(_ files: [SourceFile]) -> Bibliography {
    var bibliography = Bibliography()
    for file in files {
      let result = CSLJSON.read(file.text, file: file.path)
      for diagnostic in result.diagnostics {
        // One rule id for everything the CSL-JSON reader says, so it can be configured; the
        // reader's own code stays in the notes.
        var finding = diagnostic
        finding.notes.append("CSL-JSON reader: \(diagnostic.code)")
        finding.code = LoadRules.bibliography.id
        bibliography.diagnostics.append(finding)
      }
      for reference in result.references {
        let location = result.locations[reference.id]
        if let first = bibliography.locations[reference.id] {
          bibliography.diagnostics.append(
            LoadRules.bibliography.finding(
              "duplicate item id '\(reference.id)' (first at \(first)); this item is skipped", at: location))
          continue
        }
        bibliography.references[reference.id] = reference
        bibliography.keys.append(reference.id)
        bibliography.locations[reference.id] = location
      }
    }
    return bibliography
  }

  public subscript(key: String) -> Reference? { references[key] }

  /// True when an item has the key (without copying the item).
  public func contains(_ key: String) -> Bool { references.index(forKey: key) != nil }
}
