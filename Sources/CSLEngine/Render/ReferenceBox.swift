import BibModel

/// A reference held by one object, so a rendering reads it in place: a lookup that held the
/// reference itself retained each of its tables when made and released them after, and each
/// read through a computed property could copy it again.
final class ReferenceBox: Sendable {
  let reference: Reference
  /// `Reference.language` and `Reference.openEndedNameVariables`, read once: they are
  /// computed in another module, and calling them on the boxed reference copied it.
  let language: String?
  let openEndedNameVariables: Set<CSLVariable>
  /// The hash of the few fields that tell works apart (`ItemTwin`), made here, where the
  /// processor boxes every reference on all cores with its fields at hand: made where twins
  /// are looked for, it read the fields of thousands of references from scattered tables a
  /// second time, some 3 % of an MLA run's time for two searches.
  let twinHash: Int

  /// The reference is stored last, its last use, so it moves in; stored first, it was copied
  /// (a retain of every part) and the parameter read again for the two properties.
  init(_ reference: Reference) {
    language = reference.language
    openEndedNameVariables = reference.openEndedNameVariables
    twinHash = Self.twinHash(of: reference)
    self.reference = reference
  }

  /// A few telling fields (type, title, first author's family name, year): different works
  /// rarely share them, so `ItemTwin`'s buckets stay small; its equality compares everything.
  private static func twinHash(of reference: Reference) -> Int {
    var hasher = Hasher()
    hasher.combine(reference.type)
    hasher.combine(reference.variables[.title])
    hasher.combine(reference.names[.author]?.first?.family)
    hasher.combine(reference.dates[.issued]?.year)
    return hasher.finalize()
  }
}
