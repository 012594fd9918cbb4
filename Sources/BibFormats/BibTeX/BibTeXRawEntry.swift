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
  /// Byte offsets of the field as written, from its name to the end of its value.
  var span: Range<Int> = 0..<0
}

/// An entry as written, before macros, crossrefs and LaTeX are resolved.
struct RawEntry: Sendable {
  var type: String
  var key: String
  var fields: [RawField]
  var location: SourceLocation
  /// Byte offsets of the entry as written, from its `@` to just past its closing delimiter.
  var span: Range<Int> = 0..<0
}

/// What the tokenizer finds at the top level of a `.bib` file.
enum RawItem: Sendable {
  case entry(RawEntry)
  case block(BibBlock, SourceLocation)
}

extension RawEntry {
  /// The entry with its span set (for entries cut short by an error).
  func ending(at end: Int, from start: Int) -> RawEntry {
    var copy = self
    copy.span = start..<max(start, end)
    return copy
  }
}
