import ArgumentParser
import BibFormats
import BibModel

/// `cited bib merge BASE OURS THEIRS [-o OUT]`: a git merge driver.
struct BibMergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Three-way merge of bibliographies at entry and field level (a git merge driver).",
    discussion: """
      Writes the result to OURS unless -o is given, as git expects of `merge.cited.driver "cited bib merge \
      %O %A %B"`. Exit 0: merged cleanly. Exit 1: conflicts; each conflicted entry is written twice between \
      <<<<<<< ours / ======= / >>>>>>> theirs markers. Exit 2: an input could not be read; nothing written.
      """)

  @Argument(help: "The common ancestor (git's %O).") var base: String
  @Argument(help: "Our version (git's %A); the result is written here by default.") var ours: String
  @Argument(help: "Their version (git's %B).") var theirs: String
  @Option(name: [.short, .customLong("output")], help: "Write the result here instead of OURS.") var output: String?
  @Option(
    name: [.customLong("from"), .customLong("format")],
    help: "Format of the inputs when their names do not tell (git passes temporary names).")
  var format: String?
  @OptionGroup var reading: BibReadOptions

  func run() throws {
    guard
      let detected = try format.map({ try BibFileIO.format(for: ours, explicit: $0) })
        ?? BibFileIO.detectFormat([ours, theirs, base])
    else {
      throw BibFileIO.usage("cannot tell the format of \(ours), \(theirs) or \(base); pass --from")
    }
    let formatName = detected.rawValue
    let oursFile = try BibFileIO.load(ours, format: formatName, encoding: reading.encoding)
    let baseFile = try BibFileIO.load(base, format: formatName, encoding: reading.encoding)
    let theirsFile = try BibFileIO.load(theirs, format: formatName, encoding: reading.encoding)
    for file in [baseFile, oursFile, theirsFile] where !reading.admit(file, action: "not merged") {
      throw ExitCode(2)
    }
    let unclean = [baseFile, oursFile, theirsFile].contains { !$0.result.isClean }
    let result = ThreeWayMerge.merge(
      base: baseFile.result.document, ours: oursFile.result.document, theirs: theirsFile.result.document)
    var options = BibTeXWriter.Options(keepBiblatexFields: true)
    if Canonical.usesBibTeXDialect(oursFile.result.document) { options.dialect = .bibtex }
    var text = ThreeWayMerge.text(result, format: oursFile.format, options: options)
    if result.isClean || oursFile.format == .biblatex || oursFile.format == .bibtex {
      // Written over our file, so only the entries the merge changed (or conflicts) differ.
      let writer = EntryTextWriter(format: oursFile.format, options: options)
      var markers: [String: String] = [:]
      for entry in result.entries {
        if let conflict = ThreeWayMerge.conflictText(entry, writer: writer) { markers[entry.id] = conflict }
      }
      let preserved = BibFileIO.preserving(
        ThreeWayMerge.document(result, order: oursFile.result.references), over: oursFile,
        encoding: reading.encoding, replacing: markers)
      // Where our file could not be followed entry by entry, the canonical text keeps the markers.
      if markers.values.allSatisfy({ preserved.contains($0.dropLast()) }) { text = preserved }
    }
    let target = output ?? ours
    try BibFileIO.save(text, to: target, expectedHash: output == nil ? oursFile.snapshot.hash : nil)
    for conflict in result.conflicts {
      if let field = conflict.field {
        BibFileIO.standardError("conflict: '\(conflict.id)' field '\(field)' changed differently on both sides")
      } else {
        BibFileIO.standardError("conflict: '\(conflict.id)' deleted on one side and changed on the other")
      }
    }
    if !result.isClean || unclean { throw ExitCode(1) }
  }
}
