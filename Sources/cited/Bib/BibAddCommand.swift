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
      if testingDelayMs > 0 { usleep(useconds_t(min(testingDelayMs, 5000) * 1000)) }
      guard let current else {
        return Array(Canonical.text(BibDocument(references: incoming.result.references), format: format).utf8)
      }
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
      // Entries replaced by id stay where they were; new ones go at the end; the rest is untouched.
      var document = result.document
      var incomingByID: [String: Reference] = [:]
      for reference in incoming.result.references { incomingByID[reference.id] = reference }
      var placed: Set<String> = []
      document.references = document.references.compactMap { reference in
        guard let replacement = incomingByID[reference.id] else { return reference }
        guard !placed.contains(reference.id) else { return nil }
        placed.insert(reference.id)
        return replacement
      }
      document.references += incoming.result.references.filter { !placed.contains($0.id) }
      let original = TextDecoder.decode(current, file: file, encoding: reading.encoding).text ?? ""
      return Array(
        PreservingWriter.text(document, over: result.document, original: original, format: format).utf8)
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
