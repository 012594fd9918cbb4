import BibModel

// What the engine adds to the vocabulary: citeproc-js's variables beyond CSL 1.0.2, short forms.
extension CSLVariable {
  /// citeproc-js's `locator-extra`, which Cited reads from the item and parses like `locator`.
  static let locatorExtra: CSLVariable = "locator-extra"

  /// The variable's short form as CSL-JSON names it (`title-short` for `title`), which the
  /// `short` form of `cs:text` prefers.
  var shortVariant: CSLVariable { CSLVariable(rawValue: rawValue + "-short") }
}
