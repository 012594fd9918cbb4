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

  /// The reference is stored last, its last use, so it moves in; stored first, it was copied
  /// (a retain of every part) and the parameter read again for the two properties.
  init(_ reference: Reference) {
    language = reference.language
    openEndedNameVariables = reference.openEndedNameVariables
    self.reference = reference
  }
}
