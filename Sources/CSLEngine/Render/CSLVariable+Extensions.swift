import BibModel

// What the engine adds to the vocabulary: short forms.
extension CSLVariable {
  /// The variable's short form as CSL-JSON names it (`title-short` for `title`), which the
  /// `short` form of `cs:text` prefers.
  var shortVariant: CSLVariable { CSLVariable(rawValue: rawValue + "-short") }
}
