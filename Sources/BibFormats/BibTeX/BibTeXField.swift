import BibModel

/// A field after macro expansion and inheritance: the name as written, the raw LaTeX value.
struct BibTeXField: Sendable {
  /// Lowercased name.
  var name: String
  /// The name with its original case (language tags in multilingual field names keep theirs).
  var written: String
  /// The value as LaTeX text (macros expanded, `#` joined).
  var value: String
  var location: SourceLocation?
  /// For a name list the writer wrote, what reading the value gives when the writer knows it
  /// (nil: the value is read).
  var names: EtAl.Reading?
  /// The field's role when the writer looked it up (nil: looked up when read).
  var role: BibTeXMapping.FieldRole?

  init(_ written: String, _ value: String, location: SourceLocation? = nil) {
    self.init(written, lowercased: written.lowercasedUnlessLower(), value, location: location)
  }

  /// A field whose name's lower-case form is known.
  init(_ written: String, lowercased name: String, _ value: String, location: SourceLocation? = nil) {
    self.name = name
    self.written = written
    self.value = value
    self.location = location
  }
}
