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
  /// The hash of the few fields that tell works apart (`ItemTwin`), made with the box when
  /// the processor will look for twins among all its references (a style that sorts its
  /// bibliography looks at every item): the processor boxes every reference on all cores with
  /// its fields at hand, where made in each search it read the fields of thousands of
  /// references from scattered tables once more (some 3 % of an MLA run's time for two
  /// searches). Nil where it is not made ahead (a numeric style rarely looks for twins).
  private let madeTwinHash: Int?

  /// The box takes the reference (a processor moves the one it prepared in), and stores it
  /// last, its last use: stored first, it was copied (a retain of every part) and the
  /// parameter read again for the other properties.
  init(_ reference: consuming Reference, hashingTwin: Bool = false) {
    language = reference.language
    openEndedNameVariables = reference.openEndedNameVariables
    madeTwinHash = hashingTwin ? Self.twinHash(of: reference) : nil
    self.reference = consume reference
  }

  /// `ItemTwin`'s hash of the reference: the one made with the box, else made now.
  var twinHash: Int { madeTwinHash ?? Self.twinHash(of: reference) }

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
