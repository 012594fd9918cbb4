import ArgumentParser
import BibFormats
import BibModel
import Foundation
import Reports

/// `cited bib keys FILE [--apply] [--knowledge DIR]`.
struct BibKeysCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "Propose stable, unique citation keys (author + year + title word).",
    discussion: """
      Prints 'old -> new' for every key that would change. With --apply the file is rewritten; with \
      --knowledge DIR the 'source:' keys in the knowledge base's YAML files are rewritten too (textually, \
      atomically, refusing files changed meanwhile).
      """)

  @Argument(help: "The bibliography file.") var file: String
  @Option(help: "Format of the file when the name does not tell.") var from: String?
  @Flag(help: "Rename the entries in the file.") var apply = false
  @Option(help: "A knowledge-base directory whose YAML 'source:' keys follow the renames.") var knowledge: String?
  @Option(
    help: ArgumentHelp(
      "The key pattern, JabRef syntax (default: cited.yaml's key-pattern, else [auth:lower][year][veryshorttitle:lower]).",
      valueName: "pattern"))
  var pattern: String?
  @OptionGroup var projectOptions: ProjectOptions
  @OptionGroup var reading: BibReadOptions

  func run() throws {
    let loaded = try BibFileIO.load(file, format: from, encoding: reading.encoding)
    guard reading.admit(loaded, action: "keys not proposed") else { throw ExitCode(1) }
    let proposals = CitationKeys.assign(loaded.result.references, pattern: try keyPattern())
    let changes = loaded.result.references.compactMap { reference -> (String, String)? in
      guard let new = proposals[reference.id], new != reference.id else { return nil }
      return (reference.id, new)
    }
    for (old, new) in changes { print("\(old) -> \(new)") }
    guard apply, !changes.isEmpty else {
      if !loaded.result.isClean { throw ExitCode(1) }
      return
    }
    guard reading.admitRewrite(loaded, action: "keys not applied") else { throw ExitCode(1) }
    let mapping = Dictionary(changes, uniquingKeysWith: { first, _ in first })
    var document = loaded.result.document
    document.references = CitationKeys.rename(document.references, mapping)
    let renamed = Dictionary(changes.map { ($0.1, $0.0) }, uniquingKeysWith: { first, _ in first })
    let text = BibFileIO.preserving(document, over: loaded, encoding: reading.encoding, renamed: renamed)
    try BibFileIO.save(text, to: file, expectedHash: loaded.snapshot.hash)
    print("renamed \(changes.count) key(s) in \(file)")
    if let knowledge { try rewriteKnowledge(knowledge, mapping) }
    if !loaded.result.isClean { throw ExitCode(1) }
  }

  /// `--pattern`, else the project's `key-pattern`, else the standard pattern.
  private func keyPattern() throws -> KeyPattern {
    let text = try pattern ?? projectOptions.resolve(required: false)?.keyPattern
    guard let text else { return .standard }
    do {
      return try KeyPattern(text)
    } catch {
      throw BibFileIO.usage("\(error)")
    }
  }

  private func rewriteKnowledge(_ directory: String, _ mapping: [String: String]) throws {
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
      BibFileIO.standardError("error: cannot read the directory \(directory)")
      throw ExitCode(2)
    }
    var paths: [String] = []
    while let next = enumerator.nextObject() as? String {
      if next.hasSuffix(".yaml") || next.hasSuffix(".yml") { paths.append(directory + "/" + next) }
    }
    for path in paths.sorted() {
      let snapshot: SafeFile.Snapshot
      do { snapshot = try SafeFile.read(path) } catch {
        BibFileIO.standardError("error: \(error)")
        continue
      }
      let (text, count) = CitationKeys.rewriteSources(String(decoding: snapshot.bytes, as: UTF8.self), mapping)
      guard count > 0 else { continue }
      try BibFileIO.save(text, to: path, expectedHash: snapshot.hash)
      print("rewrote \(count) source key(s) in \(path)")
    }
  }
}
