import BibModel

/// BibTeX's `and others`: the list goes on beyond the names written (et al.), not a person named
/// "others". Read, the name is dropped and the variable is listed in the item's `cited:et-al`
/// member (a CSL-JSON extension that processors ignore); written, `and others` comes back. A
/// braced `{others}` stays a name.
enum EtAl {
  /// A name list's reading: its names and whether it ends in et al.
  struct Reading: Sendable, Hashable {
    var names: [Name]
    var etAl: Bool
  }

  /// The item member listing name variables that end in et al.
  static let key = Reference.etAlKey

  /// The names of a BibTeX name list, and whether it ends in a bare `others` (not counted as a
  /// name when other names precede it).
  static func parse(_ raw: String) -> (names: [Name], etAl: Bool) {
    BibTeXNames.parseListEndingInOthers(raw)
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
