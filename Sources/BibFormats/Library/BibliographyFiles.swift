import BibModel

/// One bibliography from several files in any format, as `check`, `render` and `report` load
/// it: each file's format from its name, else its content; every entry that can be read is
/// kept; an id already defined by an earlier file is kept under a suffixed id (`key-2`) with a
/// warning naming both places, so nothing is dropped and nothing is silently shadowed.
public enum BibliographyFiles {
  /// A file's path and bytes.
  public struct File: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
      self.path = path
      self.bytes = bytes
    }
  }

  /// Reads every file; the result's `isClean` tells whether anything was skipped or repaired.
  /// With `fieldPlaces` false no field places are kept (see `BibFormats.read`).
  public static func read(_ files: [File], encoding: String? = nil, fieldPlaces: Bool = true) -> BibReadResult {
    var merged = BibReadResult(document: BibDocument(), diagnostics: [])
    var seen: [String: SourceLocation?] = [:]
    var nextSuffix: [String: Int] = [:]  // per id, where the search for a free `id-N` goes on
    for file in files {
      let format =
        BibFormat.guess(fromPath: file.path)
        ?? BibFormats.sniff(Substring(String(decoding: file.bytes.prefix(8192).filter { $0 != 0 }, as: UTF8.self)))
        ?? .cslJSON
      let result = BibFormats.read(
        file.bytes, format: format, file: file.path, encoding: encoding, fieldPlaces: fieldPlaces)
      if files.count == 1, let alone = Self.takenWhole(result) { return alone }
      merged.diagnostics += result.diagnostics
      let total = merged.document.references.count + result.references.count
      merged.document.references.reserveCapacity(total)
      merged.document.locations.reserveCapacity(total)
      merged.document.fieldLocations.reserveCapacity(total)
      seen.reserveCapacity(total)
      for reference in result.references {
        var kept = reference
        let location = result.document.locations[reference.id]
        if let first = seen[reference.id] {
          var counter = nextSuffix[reference.id] ?? 2
          kept.id = freeID(reference.id, from: &counter) { seen[$0] != nil }
          nextSuffix[reference.id] = counter
          merged.diagnostics.append(
            Diagnostic(
              .warning, code: "duplicate-id",
              message: "id '\(reference.id)' is already defined\(first.map { " at \($0)" } ?? ""); "
                + "this entry is kept as '\(kept.id)'",
              location: location, hint: "give one of the two entries its own id"))
        }
        seen[kept.id] = location
        merged.document.references.append(kept)
        merged.document.locations[kept.id] = location
        merged.document.fieldLocations[kept.id] = result.document.fieldLocations[reference.id]
      }
    }
    return merged
  }

  /// A lone file's result as the merge below would make it, without copying entry by entry:
  /// nil when two of its entries share an id, or when its places name an id no entry has.
  private static func takenWhole(_ result: BibReadResult) -> BibReadResult? {
    var ids = Set<String>(minimumCapacity: result.references.count)
    guard result.references.allSatisfy({ ids.insert($0.id).inserted }),
      result.document.locations.keys.allSatisfy(ids.contains),
      result.document.fieldLocations.keys.allSatisfy(ids.contains)
    else { return nil }
    var document = BibDocument()
    document.references = result.document.references
    document.locations = result.document.locations
    document.fieldLocations = result.document.fieldLocations
    return BibReadResult(document: document, diagnostics: result.diagnostics)
  }

  /// `id-N` for the first N from `counter` on that is not taken; `counter` moves past it, so
  /// many copies of one id cost linear time.
  public static func freeID(_ id: String, from counter: inout Int, isTaken: (String) -> Bool) -> String {
    while isTaken(id + "-" + String(counter)) { counter += 1 }
    defer { counter += 1 }
    return id + "-" + String(counter)
  }
}
