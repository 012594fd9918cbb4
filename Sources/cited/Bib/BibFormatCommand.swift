import ArgumentParser
import BibFormats
import BibModel

/// `cited bib format FILE… [--check]`.
struct BibFormatCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "format",
    abstract: "Rewrite files in canonical form (entries sorted by key, fields in a fixed order).",
    discussion: "With --check nothing is written; exits 1 and names each file that is not canonical.")

  @Argument(help: "Bibliography files.") var files: [String]
  @Flag(help: "Only check; exit 1 when a file is not in canonical form.") var check = false
  @Option(help: "Format of the files when the name does not tell.") var from: String?
  @OptionGroup var reading: BibReadOptions

  func run() throws {
    var findings = false
    for file in files {
      let loaded = try BibFileIO.load(file, format: from, encoding: reading.encoding)
      if !loaded.result.isClean { findings = true }
      guard
        check ? reading.admit(loaded, action: "not formatted") : reading.admitRewrite(loaded, action: "not formatted")
      else { continue }
      let text = Canonical.text(loaded.result.document, format: loaded.format, original: loaded.snapshot.bytes)
      if Array(text.utf8) == loaded.snapshot.bytes { continue }
      if check {
        print("\(file): not in canonical form")
        findings = true
      } else {
        try BibFileIO.save(text, to: file, expectedHash: loaded.snapshot.hash)
        print("formatted \(file)")
      }
    }
    if findings { throw ExitCode(1) }
  }
}
