import ArgumentParser
import BibFormats
import BibModel

/// `cited bib validate FILE…`.
struct BibValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check entries: required fields per type, dates, DOI syntax, ISBN/ISSN check digits, URLs.",
    discussion: "Prints file:line:column findings; exit 1 when there is any error or warning.")

  @Argument(help: "Bibliography files.") var files: [String]
  @Option(help: "Format of the files when the names do not tell.") var from: String?
  @Option(help: "Encoding of input files that are not UTF-8/UTF-16 (latin1, windows-1252, gbk, shift_jis, …).")
  var encoding: String?

  func run() throws {
    var findings = false
    for file in files {
      let loaded = try BibFileIO.load(file, format: from, encoding: encoding)
      let diagnostics = loaded.result.diagnostics + BibliographyValidator().validate(loaded.result.document, file: file)
      for diagnostic in diagnostics { print(diagnostic.description) }
      if diagnostics.contains(where: { $0.severity >= .warning }) { findings = true }
    }
    if findings { throw ExitCode(1) }
  }
}
