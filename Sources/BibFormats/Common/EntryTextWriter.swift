import BibModel

/// Writes one entry at a time in a format's canonical layout and assembles a file from entry
/// texts, so operations like merge can put markers between entries.
public struct EntryTextWriter: Sendable {
  /// The format written.
  public var format: BibFormat
  /// BibTeX options (dialect, ASCII).
  public var options: BibTeXWriter.Options

  /// A writer for a format (`.bibtex` selects the BibTeX dialect).
  public init(format: BibFormat, options: BibTeXWriter.Options = .init()) {
    self.format = format
    self.options = options
    if format == .bibtex { self.options.dialect = .bibtex }
  }

  /// One entry's text, ending with a newline.
  public func entry(_ reference: Reference) -> String {
    switch format {
    case .cslJSON:
      let text = JSONWriter.write(CSLJSON.encode(reference))
      return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "  " + $0 }
        .joined(separator: "\n") + "\n"
    case .cslYAML: return CSLYAML.write([reference])
    case .biblatex, .bibtex: return BibTeXWriter(options: options).write(reference)
    case .ris: return RISWriter.write(reference)
    }
  }

  /// The file from entry texts (each ending with a newline).
  public func file(entries: [String], blocks: [BibBlock]) -> String {
    switch format {
    case .cslJSON:
      guard !entries.isEmpty else { return "[]\n" }
      // Commas go after each entry's closing brace (inside conflict regions too).
      let withCommas = entries.enumerated().map { offset, text -> String in
        guard offset + 1 < entries.count else { return text }
        return addComma(text)
      }
      return "[\n" + withCommas.joined() + "]\n"
    case .cslYAML: return entries.isEmpty ? "[]\n" : entries.joined()
    case .ris: return entries.map { $0 + "\n" }.joined()
    case .biblatex, .bibtex:
      var text = BibTeXWriter(options: options).write(BibDocument(blocks: blocks))
      if !text.isEmpty && !entries.isEmpty { text += "\n" }
      return text + entries.joined(separator: "\n")
    }
  }

  private func addComma(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for index in lines.indices where lines[index] == "  }" { lines[index] = "  }," }
    return lines.joined(separator: "\n")
  }
}
