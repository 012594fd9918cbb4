import ArgumentParser

/// `cited bib …`: read, write, tidy and merge bibliography files.
struct BibCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bib",
    abstract: "Convert, format, deduplicate, key, merge and validate bibliography files.",
    discussion: """
      Formats: CSL-JSON (.json), CSL-YAML (.yaml/.yml), BibLaTeX (.bib; --to bibtex for classic BibTeX), RIS (.ris).
      Exit codes: 0 clean, 1 findings (errors, conflicts, files not canonical), 2 usage or unreadable input.
      """,
    subcommands: [
      BibConvertCommand.self, BibFormatCommand.self, BibDedupeCommand.self, BibKeysCommand.self,
      BibMergeCommand.self, BibValidateCommand.self, BibAddCommand.self, BibPullCommand.self, BibPushCommand.self,
    ])
}
