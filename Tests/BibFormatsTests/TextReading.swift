import BibModel

@testable import BibFormats

/// Reads a bibliography written in the test as a string (the suites' common first step).
func readText(_ text: String, _ format: BibFormat = .biblatex, file: String = "x.bib") -> BibReadResult {
  BibFormats.read(Array(text.utf8), format: format, file: file)
}
