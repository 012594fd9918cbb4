import BibModel

/// A field after macro expansion and inheritance: the name as written, the raw LaTeX value.
struct BibTeXField: Sendable, Hashable {
  /// Lowercased name.
  var name: String
  /// The name with its original case (language tags in multilingual field names keep theirs).
  var written: String
  /// The value as LaTeX text (macros expanded, `#` joined).
  var value: String
  var location: SourceLocation?

  init(_ written: String, _ value: String, location: SourceLocation? = nil) {
    self.name = written.lowercased()
    self.written = written
    self.value = value
    self.location = location
  }
}
