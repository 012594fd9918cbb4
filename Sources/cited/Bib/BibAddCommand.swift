import ArgumentParser
import BibFormats
import BibModel
import Foundation

/// `cited bib add FILE ENTRIES`: adds entries under the file lock (safe with concurrent writers).
struct BibAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Add (or replace by id) the entries of ENTRIES to FILE, safely with concurrent writers.")

  @Argument(help: "The bibliography to add to (created if missing).") var file: String
  @Argument(help: "A file with the entries to add.") var entries: String
  @OptionGroup var reading: BibReadOptions
  @Flag(help: .hidden) var noLockForTesting = false
  @Option(help: .hidden) var testingDelayMs: Int = 0

  func run() throws {
    let incoming = try BibFileIO.load(entries, encoding: reading.encoding)
    guard reading.admit(incoming) else { throw ExitCode(1) }
    var unclean = !incoming.result.isClean
    let format = try BibFileIO.format(for: file, explicit: nil)
    let transform: ([UInt8]?) throws -> [UInt8] = { current in
      var document = BibDocument()
      if let current {
        let result = BibFormats.read(current, format: format, file: file, encoding: reading.encoding)
        BibFileIO.report(result.diagnostics)
        if !result.isClean {
          // The target is rewritten: errors (text that could not be read) keep it untouched.
          if reading.strict || result.diagnostics.contains(where: { $0.severity == .error }) {
            BibFileIO.standardError(
              "error: \(file) did not read clean; nothing written\(reading.strict ? " (--strict)" : "")")
            throw ExitCode(1)
          }
          unclean = true
        }
        document = result.document
      }
      if testingDelayMs > 0 { usleep(useconds_t(min(testingDelayMs, 5000) * 1000)) }
      let ids = Set(incoming.result.references.map(\.id))
      document.references.removeAll { ids.contains($0.id) }
      document.references += incoming.result.references
      return Array(Canonical.text(document, format: format).utf8)
    }
    do {
      if noLockForTesting {
        try SafeFile.unlockedUpdateForTesting(file, transform)
      } else {
        try SafeFile.update(file, transform)
      }
    } catch let error as SafeFileError {
      BibFileIO.standardError("error: \(error)")
      throw ExitCode(2)
    }
    if unclean { throw ExitCode(1) }
  }
}
