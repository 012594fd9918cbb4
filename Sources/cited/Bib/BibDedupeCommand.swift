import ArgumentParser
import BibFormats
import BibModel

/// `cited bib dedupe FILE… [--merge]`.
struct BibDedupeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dedupe",
    abstract: "Find duplicate entries (same DOI, ISBN, or title + year + first author).",
    discussion: """
      Lists each group of duplicates (exit 1 when there are any). With --merge, the duplicates in each file \
      are merged into the first of them: every field is kept, disagreeing values are recorded exactly in \
      'cited:dedupe-conflicts' (never in 'note'), and the dropped keys are kept as 'ids' aliases.
      """)

  @Argument(help: "Bibliography files.") var files: [String]
  @Option(help: "Format of the files when the names do not tell.") var from: String?
  @Flag(help: "Merge the duplicates within each file and rewrite it.") var merge = false
  @OptionGroup var reading: BibReadOptions

  func run() throws {
    var loaded: [BibFileIO.Loaded] = []
    for file in files {
      let one = try BibFileIO.load(file, format: from, encoding: reading.encoding)
      loaded.append(one)
    }
    var unclean = false
    var origin: [String: String] = [:]
    var all: [Reference] = []
    for one in loaded {
      for reference in one.result.references {
        if origin[reference.id] == nil { origin[reference.id] = one.path }
        all.append(reference)
      }
    }
    if !merge {
      for one in loaded {
        BibFileIO.report(one.result.diagnostics)
        if !one.result.isClean { unclean = true }
      }
    }
    let groups = Dedupe.groups(all)
    for group in groups {
      let members = group.ids.map { "\($0) (\(origin[$0] ?? "?"))" }.joined(separator: ", ")
      print("duplicates: \(members) — \(group.reasons.joined(separator: "; "))")
    }
    guard merge else {
      if !groups.isEmpty || unclean { throw ExitCode(1) }
      return
    }
    var failed = false
    for one in loaded {
      if !one.result.isClean { failed = true }
      guard reading.admitRewrite(one, action: "not rewritten") else { continue }
      let (merged, found, conflicts) = Dedupe.apply(one.result.references)
      guard !found.isEmpty else { continue }
      for line in conflicts { print("conflict kept (first value wins; others in cited:dedupe-conflicts): \(line)") }
      var document = one.result.document
      document.references = merged
      let text = BibFileIO.preserving(document, over: one, encoding: reading.encoding)
      try BibFileIO.save(text, to: one.path, expectedHash: one.snapshot.hash)
      print("merged \(found.count) group(s) in \(one.path)")
    }
    if failed { throw ExitCode(1) }
  }
}
