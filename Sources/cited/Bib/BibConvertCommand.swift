import ArgumentParser
import BibFormats
import BibModel

/// `cited bib convert IN OUT`.
struct BibConvertCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert between CSL-JSON, CSL-YAML, BibLaTeX/BibTeX and RIS without losing data.",
    discussion: "OUT may be '-' for standard output (then --to is required). Nothing is written when reading fails.")

  @Argument(help: "The input file.") var input: String
  @Argument(help: "The output file, or '-' for standard output.") var output: String
  @Option(help: "Input format (csl-json, csl-yaml, biblatex, bibtex, ris); default: from the file name.")
  var from: String?
  @Option(help: "Output format; default: from the file name.") var to: String?
  @Flag(help: "BibTeX output: write accents and symbols as LaTeX commands instead of UTF-8.") var ascii = false
  @Flag(help: "Write what could be read even when some entries had errors.") var allowErrors = false

  func run() throws {
    let loaded = try BibFileIO.load(input, format: from)
    BibFileIO.report(loaded.result.diagnostics)
    if loaded.result.diagnostics.hasErrors && !allowErrors {
      BibFileIO.standardError("error: \(input) has errors; nothing written (--allow-errors writes what could be read)")
      throw ExitCode(1)
    }
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
    let text = BibFormats.write(
      document, format: format, options: BibFileIO.writerOptions(format: format, ascii: ascii))
    if output == "-" {
      print(text, terminator: "")
    } else {
      try BibFileIO.save(text, to: output)
    }
  }
}
