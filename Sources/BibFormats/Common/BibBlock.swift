/// A BibTeX block that is not an entry, kept so writing the file back loses nothing.
public enum BibBlock: Sendable, Hashable {
  /// `@preamble{…}`: the raw value text.
  case preamble(String)
  /// `@comment{…}`: the raw text between the delimiters.
  case comment(String)
  /// Text between entries that BibTeX ignores (`% …` lines, notes), kept verbatim.
  case text(String)
  /// `@string{name = value}`: the name and the raw value as written (`{…}`, `"…"`, `a # b`).
  case string(name: String, value: String)
}
