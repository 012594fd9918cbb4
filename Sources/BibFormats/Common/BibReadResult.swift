import BibModel

/// The result of reading a file: the document and every finding, in file order.
public struct BibReadResult: Sendable {
  public var document: BibDocument
  public var diagnostics: [Diagnostic]

  public init(document: BibDocument, diagnostics: [Diagnostic]) {
    self.document = document
    self.diagnostics = diagnostics
  }

  public var references: [Reference] { document.references }
}
