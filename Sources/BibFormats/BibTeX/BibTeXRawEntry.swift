import BibModel

/// One piece of a field value: text from `{…}`, `"…"` or a number, or a macro name.
enum RawPiece: Sendable, Hashable {
  case text(String)
  case macro(String, SourceLocation)
}

/// A field as written: the name (original case), the `#`-joined pieces and where the name was.
struct RawField: Sendable {
  var name: String
  var pieces: [RawPiece]
  var location: SourceLocation
}

/// An entry as written, before macros, crossrefs and LaTeX are resolved.
struct RawEntry: Sendable {
  var type: String
  var key: String
  var fields: [RawField]
  var location: SourceLocation
}

/// What the tokenizer finds at the top level of a `.bib` file.
enum RawItem: Sendable {
  case entry(RawEntry)
  case block(BibBlock, SourceLocation)
}
