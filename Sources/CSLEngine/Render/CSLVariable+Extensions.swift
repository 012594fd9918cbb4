import BibModel

// Variables the engine knows beyond CSL 1.0.2, as citeproc-js names them.
extension CSLVariable {
  /// citeproc-js's second locator of a cite (the part of a locator after its first label).
  static let locatorExtra: CSLVariable = "locator-extra"
}
