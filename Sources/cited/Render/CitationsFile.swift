import BibFormats
import BibModel

/// A `--citations` file as `cited render` reads it: the citations and what decoding them
/// found, or why the file could not be read. It is read on another core while the
/// bibliography is read (parsing and freeing 10,000 citations took some 15 ms on one core while
/// the other waited), and reported where it always was.
enum CitationsFile: Sendable {
  case unreadable
  case malformed(line: Int, column: Int, message: String)
  case read([Citation], [Diagnostic])

  static func read(_ path: String) -> CitationsFile {
    guard let bytes = SafeFile.contents(path) else { return .unreadable }
    // The usual shape straight from the bytes; any other through the tree.
    if let citations = JSONParser.citations(bytes) { return .read(citations, []) }
    do {
      let value = try JSONParser.parse(bytes)
      let (decoded, diagnostics) = CSLJSON.decodeCitations(value, file: path)
      return .read(decoded, diagnostics)
    } catch {
      return .malformed(line: error.line, column: error.column, message: error.message)
    }
  }
}
