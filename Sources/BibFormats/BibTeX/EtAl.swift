import BibModel

/// BibTeX's `and others`: the list goes on beyond the names written (et al.), not a person named
/// "others". Read, the name is dropped and the variable is listed in the item's `cited:et-al`
/// member (a CSL-JSON extension that processors ignore); written, `and others` comes back. A
/// braced `{others}` stays a name.
enum EtAl {
  /// A name list's reading: its names and whether it ends in et al.
  struct Reading: Sendable {
    var names: [Name]
    var etAl: Bool
  }

  /// The item member listing name variables that end in et al.
  static let key = Reference.etAlKey

  /// The names of a BibTeX name list, and whether it ends in a bare `others` (not counted as a
  /// name when other names precede it), each name read from its bytes in the list's buffer.
  static func parse(_ raw: String) -> (names: [Name], etAl: Bool) {
    BibTeXNames.withListParts(raw) { names, parts in
      var count = parts.count
      // (A part never starts or ends in a blank: its bytes are `others` exactly when its
      // trimmed text is.)
      let etAl = count > 1 && names[parts[count - 1]].elementsEqual("others".utf8)
      if etAl { count -= 1 }
      return (parts[..<count].map { BibTeXNames.parseName(UnsafeBufferPointer(rebasing: names[$0])) }, etAl)
    }
  }

  /// `parse` from the list's names as strings (the reference for the byte reading).
  static func parseByStrings(_ raw: String) -> (names: [Name], etAl: Bool) {
    let parts = BibTeXNames.splitList(raw)
    guard parts.count > 1, parts.last?.trimmingCharacters(in: " \t\r\n") == "others" else {
      return (parts.map(BibTeXNames.parseNameInFull), false)
    }
    return (parts.dropLast().map(BibTeXNames.parseNameInFull), true)
  }

  /// The reference with `variable` listed as et al.
  static func mark(_ reference: Reference, _ variable: CSLVariable) -> Reference {
    var copy = reference
    copy.extra[key] = .array(variables(of: reference).union([variable]).sorted().map { JSONValue.string($0.rawValue) })
    return copy
  }

  /// The name variables a reference marks as et al.
  static func variables(of reference: Reference) -> Set<CSLVariable> { reference.openEndedNameVariables }
}
