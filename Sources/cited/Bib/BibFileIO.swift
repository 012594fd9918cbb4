import ArgumentParser
import BibFormats
import BibModel
import Foundation

/// Reading and writing bibliography files for the `bib` commands: format detection,
/// diagnostics on stderr, progress for slow reads and writes, exit codes.
enum BibFileIO {
  struct Loaded {
    var path: String
    var format: BibFormat
    var result: BibReadResult
    var snapshot: SafeFile.Snapshot
  }

  static func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  /// A usage problem: the message on stderr and exit code 2.
  static func usage(_ message: String) -> ExitCode {
    CLIOutput.error(message)
    return ExitCode(2)
  }

  static func format(for path: String, explicit: String?) throws -> BibFormat {
    if let explicit {
      guard let format = BibFormat(name: explicit) else {
        throw usage("unknown format '\(explicit)'; use csl-json, csl-yaml, biblatex, bibtex or ris")
      }
      return format
    }
    if let format = BibFormat.guess(fromPath: path) { return format }
    throw usage("cannot tell the format of '\(path)' from its name; pass --from/--to")
  }

  /// Reads a file; unreadable files exit with 2. `fieldPlaces` false keeps no field places
  /// (`BibDocument.fieldLocations`): for commands that point at no field of what they read.
  static func load(
    _ path: String, format explicit: String? = nil, encoding: String? = nil, fieldPlaces: Bool = true
  ) throws -> Loaded {
    let snapshot: SafeFile.Snapshot
    do {
      snapshot = try SafeFile.read(path)
    } catch {
      CLIOutput.error("\(error)")
      throw ExitCode(2)
    }
    var format = explicit != nil ? try self.format(for: path, explicit: explicit) : BibFormat.guess(fromPath: path)
    if format == nil {
      // Zero bytes dropped so UTF-16 files sniff too.
      format = BibFormats.sniff(
        Substring(String(decoding: snapshot.bytes.prefix(8192).filter { $0 != 0 }, as: UTF8.self)))
    }
    guard let format else {
      CLIOutput.error("cannot tell the format of '\(path)'; pass --from")
      throw ExitCode(2)
    }
    if snapshot.bytes.count > 8_000_000 {
      standardError("reading \(path) (\(snapshot.bytes.count / 1_000_000) MB)…")
    }
    let start = Date()
    let result = BibFormats.read(
      snapshot.bytes, format: format, file: path, encoding: encoding, fieldPlaces: fieldPlaces)
    let elapsed = Date().timeIntervalSince(start)
    if elapsed > 1 {
      standardError("read \(result.references.count) entries from \(path) in \(String(format: "%.1f", elapsed)) s")
    }
    if result.diagnostics.contains(where: { $0.severity == .error && $0.code == "encoding" }) {
      report(result.diagnostics)  // refused undecoded: unreadable input, nothing is written
      throw ExitCode(2)
    }
    return Loaded(path: path, format: format, result: result, snapshot: snapshot)
  }

  /// The format of the first of `paths` whose name or content tells (for merges, where git's
  /// temporary files have no extension and one side may be empty).
  static func detectFormat(_ paths: [String]) -> BibFormat? {
    for path in paths { if let format = BibFormat.guess(fromPath: path) { return format } }
    for path in paths {
      guard let bytes = try? SafeFile.read(path).bytes else { continue }
      if let format = BibFormats.sniff(Substring(String(decoding: bytes.prefix(4096), as: UTF8.self))) {
        return format
      }
    }
    return nil
  }

  static func report(_ diagnostics: [Diagnostic]) {
    CLIOutput.print(diagnostics)
  }

  /// Writes atomically under the lock; with `expectedHash`, refuses to overwrite outside edits.
  static func save(_ text: String, to path: String, expectedHash: String? = nil) throws {
    if text.utf8.count > 8_000_000 { standardError("writing \(path) (\(text.utf8.count / 1_000_000) MB)…") }
    let start = Date()
    do {
      try SafeFile.write(Array(text.utf8), to: path, expectedHash: expectedHash)
    } catch {
      CLIOutput.error("\(error)")
      throw ExitCode(2)
    }
    let elapsed = Date().timeIntervalSince(start)
    if elapsed > 1 { standardError("wrote \(path) in \(String(format: "%.1f", elapsed)) s") }
  }

  /// The text of an edited document written over the file it was read from, touching only the
  /// entries that changed (`PreservingWriter`). `renamed` maps new ids to the ids read.
  static func preserving(
    _ document: BibDocument, over loaded: Loaded, encoding: String?, renamed: [String: String] = [:],
    replacing: [String: String] = [:]
  ) -> String {
    let original = TextDecoder.decode(loaded.snapshot.bytes, file: loaded.path, encoding: encoding).text ?? ""
    return PreservingWriter.text(
      document, over: loaded.result.document, original: original, format: loaded.format, renamed: renamed,
      replacing: replacing)
  }

  static func writerOptions(format: BibFormat, ascii: Bool) -> BibTeXWriter.Options {
    BibTeXWriter.Options(dialect: format == .bibtex ? .bibtex : .biblatex, ascii: ascii)
  }
}
