import ArgumentParser
import BibFormats
import BibModel
import Foundation

/// `cited bib convert IN OUT`.
struct BibConvertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert between CSL-JSON, CSL-YAML, BibLaTeX/BibTeX and RIS without losing data.",
    discussion: """
      OUT may be '-' for standard output (then --to is required). Everything that could be read is written; \
      each repair or skipped entry is reported and the exit status is 1. --strict writes nothing then.
      """)

  @Argument(help: "The input file.") var input: String
  @Argument(help: "The output file, or '-' for standard output.") var output: String
  @Option(help: "Input format (csl-json, csl-yaml, biblatex, bibtex, ris); default: from the file name.")
  var from: String?
  @Option(help: "Output format; default: from the file name.") var to: String?
  @Flag(help: "BibTeX output: write accents and symbols as LaTeX commands instead of UTF-8.") var ascii = false
  @Flag(help: "BibTeX output: write BibLaTeX-only fields as fields (default: carried in the csl field, reported).")
  var keepBiblatexFields = false
  @OptionGroup var reading: BibReadOptions
  @Flag(help: .hidden) var allowErrors = false  // the default now; kept so old scripts still run

  func run() throws {
    // A conversion points at no field of what it read: noting where each was written cost
    // some 4 % of converting 10,000 references.
    let loaded = try BibFileIO.load(input, format: from, encoding: reading.encoding, fieldPlaces: false)
    guard reading.admit(loaded) else { throw ExitCode(1) }
    let format: BibFormat
    if output == "-" {
      guard let to, let named = BibFormat(name: to) else {
        throw BibFileIO.usage("writing to '-' needs --to FORMAT (csl-json, csl-yaml, biblatex, bibtex, ris)")
      }
      format = named
    } else {
      format = try BibFileIO.format(for: output, explicit: to)
    }
    var document = loaded.result.document
    if !(format == .biblatex || format == .bibtex) && !document.blocks.isEmpty {
      BibFileIO.standardError(
        "note: \(document.blocks.count) @preamble/@comment/@string/@xdata block(s) of \(input) have no place in "
          + "\(format.rawValue) and are not written (entries keep their expanded values)")
      document.blocks = []
    }
    var options = BibFileIO.writerOptions(format: format, ascii: ascii)
    options.keepBiblatexFields = keepBiblatexFields
    reportBiblatexOnly(document, options: options)
    let text = BibFormats.write(document, format: format, options: options)
    if output == "-" {
      print(text, terminator: "")
    } else {
      try BibFileIO.save(text, to: output)
    }
    // Exit here rather than unwinding, as `cited render` does: freeing the document one object
    // at a time on one core took a quarter of converting 10,000 references (40 ms).
    withExtendedLifetime(loaded) {}
    fflush(nil)
    Foundation.exit(loaded.result.isClean ? 0 : 1)
  }

  /// Names the BibLaTeX-only fields that BibTeX output carries in `csl` instead of writing.
  private func reportBiblatexOnly(_ document: BibDocument, options: BibTeXWriter.Options) {
    // Only BibTeX output without --keep-biblatex-fields moves fields (the walk over every
    // reference cost BibLaTeX output a copy of each); the entries are looked at on all cores.
    guard options.dialect == .bibtex, !options.keepBiblatexFields else { return }
    let writer = BibTeXWriter(options: options)
    let references = document.references
    let fields = ParallelMap.map(count: references.count, minimumCount: 256, itemsPerChunk: 64) { range in
      range.map { writer.biblatexOnlyFields(references[$0]) }
    }
    var count: [String: Int] = [:]
    for list in fields {
      for field in list { count[field, default: 0] += 1 }
    }
    guard !count.isEmpty else { return }
    let list = count.keys.sorted().map { "\($0) (\(count[$0] ?? 0))" }.joined(separator: ", ")
    CLIOutput.warning(
      "BibLaTeX-only fields are not BibTeX fields and travel in the csl field: \(list); "
        + "--keep-biblatex-fields writes them as fields")
  }
}
