import BibModel

/// The result of reading a file: the document and every finding, in file order.
public struct BibReadResult: Sendable {
  /// What could be read.
  public var document: BibDocument
  /// Every finding, in file order.
  public var diagnostics: [Diagnostic]

  /// A result from its parts.
  public init(document: BibDocument, diagnostics: [Diagnostic]) {
    self.document = document
    self.diagnostics = diagnostics
  }

  /// The references read.
  public var references: [Reference] { document.references }

  /// True when the file read exactly as written: nothing skipped, repaired or guessed (no
  /// warning or error). Commands exit 1 when a file they read is not clean.
  public var isClean: Bool { !diagnostics.contains { $0.severity >= .warning } }
}
