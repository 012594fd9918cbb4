import BibModel

/// Writes an edited bibliography over the text it was read from, touching only what changed:
/// an entry equal to what was read keeps its text byte for byte (accents, quotes, macros,
/// comments, order); a changed `.bib` entry keeps every field it did not change and gets the
/// canonical text of the fields it did (a one-field edit is a one-line diff); a removed entry
/// is cut with the blank line after it; a new entry is appended in canonical form. Pure.
///
/// Other formats are written entry by entry in canonical form, in the edited order, so a file
/// Cited wrote changes only in the entries that changed. `Canonical` is what normalises.
public enum PreservingWriter {
  /// The text of `edited` written over `original`, the text `read` was read from.
  /// `renamed` maps an edited id to the id its entry had when read (`bib keys --apply`);
  /// other entries are matched by id. `replacing` gives, by edited id, text written instead of
  /// the entry (a merge's conflict markers; `.bib` only).
  public static func text(
    _ edited: BibDocument, over read: BibDocument, original: String, format: BibFormat,
    renamed: [String: String] = [:], replacing: [String: String] = [:]
  ) -> String {
    switch format {
    case .biblatex, .bibtex:
      return bibText(edited, over: read, original: original, format: format, renamed: renamed, replacing: replacing)
        ?? Canonical.text(edited, format: format)
    case .cslJSON, .cslYAML, .ris:
      let writer = EntryTextWriter(format: format)
      return writer.file(entries: edited.references.map(writer.entry), blocks: [])
    }
  }

  /// The writer options a `.bib` file's own dialect asks for.
  static func options(for read: BibDocument, format: BibFormat) -> BibTeXWriter.Options {
    var options = BibTeXWriter.Options(keepBiblatexFields: true)
    if format == .bibtex || Canonical.usesBibTeXDialect(read) { options.dialect = .bibtex }
    return options
  }

  private static func bibText(
    _ edited: BibDocument, over read: BibDocument, original: String, format: BibFormat,
    renamed: [String: String], replacing: [String: String]
  ) -> String? {
    guard edited.blocks == read.blocks else { return nil }
    var syntax = BibTeXSyntax(text: original, file: "")
    let items = syntax.parse()
    let bytes = syntax.bytes
    var readByPlace: [SourceLocation: Reference] = [:]
    for reference in read.references {
      if let place = read.locations[reference.id] {
        readByPlace[SourceLocation(file: "", line: place.line, column: place.column)] = reference
      }
    }
    let readIDs = Set(read.references.map(\.id))
    var editedByOrigin: [String: Reference] = [:]
    var appended: [Reference] = []
    for reference in edited.references {
      let origin = renamed[reference.id] ?? reference.id
      if readIDs.contains(origin), editedByOrigin[origin] == nil {
        editedByOrigin[origin] = reference
      } else {
        appended.append(reference)
      }
    }
    let splicer = EntrySplicer(
      writer: BibTeXWriter(options: options(for: read, format: format)),
      strings: read.blocks.filter { if case .string = $0 { true } else { false } })
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var cursor = 0
    var placed = 0
    for item in items {
      guard case .entry(let raw) = item, raw.span.upperBound > raw.span.lowerBound,
        raw.span.lowerBound >= cursor, raw.span.upperBound <= bytes.count
      else { continue }
      guard let before = readByPlace[raw.location] else { continue }  // xdata and the like: kept
      placed += 1
      output += bytes[cursor..<raw.span.lowerBound]
      cursor = raw.span.upperBound
      guard let after = editedByOrigin[before.id] else {
        cutBefore(&output, bytes: bytes, cursor: &cursor)
        continue
      }
      if let replacement = replacing[after.id] {
        output += Array((replacement.hasSuffix("\n") ? String(replacement.dropLast()) : replacement).utf8)
      } else if after == before {
        output += bytes[raw.span]
      } else {
        output += Array(splicer.entry(raw, bytes: bytes, before: before, after: after).utf8)
      }
    }
    guard placed == read.references.count else { return nil }
    output += bytes[cursor...]
    var text = String(decoding: output, as: UTF8.self)
    if !appended.isEmpty {
      if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
      for reference in appended {
        if !text.isEmpty && !text.hasSuffix("\n\n") { text += "\n" }
        text += replacing[reference.id] ?? splicer.writer.write(reference)
      }
    }
    return text
  }

  /// Drops the blank space written before a removed entry (back to the end of the previous
  /// line); at the start of the file, skips the blank space after it instead.
  private static func cutBefore(_ output: inout [UInt8], bytes: [UInt8], cursor: inout Int) {
    while let last = output.last, last == 0x20 || last == 0x09 || last == 0x0D || last == 0x0A { output.removeLast() }
    guard output.isEmpty else { return }
    while cursor < bytes.count,
      bytes[cursor] == 0x20 || bytes[cursor] == 0x09 || bytes[cursor] == 0x0D || bytes[cursor] == 0x0A
    {
      cursor += 1
    }
  }
}
