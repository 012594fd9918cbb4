import BibModel

/// Rewrites one changed `.bib` entry in place: the fields whose canonical text is the same
/// before and after the edit keep their original text (and order and spacing); changed fields
/// get their canonical text where they stood, removed ones go, new ones are added at the end.
/// The result is read back and compared with the canonical entry; when they differ (a field
/// under another name, a type change), the canonical entry is written instead.
struct EntrySplicer {
  let writer: BibTeXWriter
  /// The file's `@string` definitions, so entries using macros read back as they do in the file.
  let strings: [BibBlock]

  /// One parsed entry: its type, key and fields (lowercased name → text as written).
  private struct Parsed {
    var type: String
    var key: String
    var fields: [String: String]
  }

  /// The new text of `raw` (the entry as written in `bytes`), which read as `before` and should
  /// now read as `after`. Without the newline after the closing delimiter.
  func entry(_ raw: RawEntry, bytes: [UInt8], before: Reference, after: Reference) -> String {
    var canonical = writer.write(after)
    if canonical.hasSuffix("\n") { canonical.removeLast() }
    guard let spliced = splice(raw, bytes: bytes, before: before, after: after),
      readsSame(spliced, canonical)
    else { return canonical }
    return spliced
  }

  private func splice(_ raw: RawEntry, bytes: [UInt8], before: Reference, after: Reference) -> String? {
    guard let old = parse(writer.write(before)), let new = parse(writer.write(after)),
      old.type == new.type, !raw.key.isEmpty, let first = raw.fields.first, let last = raw.fields.last
    else { return nil }
    let names = raw.fields.map { $0.name.lowercased() }
    guard Set(names).count == names.count else { return nil }
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    var header = text(raw.span.lowerBound..<first.span.lowerBound)
    if old.key != new.key {
      guard let open = header.firstIndex(where: { $0 == "{" || $0 == "(" }),
        let range = header.range(of: raw.key, range: header.index(after: open)..<header.endIndex)
      else { return nil }
      header.replaceSubrange(range, with: new.key)
    }
    let changed = Set(old.fields.keys).union(new.fields.keys).filter { old.fields[$0] != new.fields[$0] }

    // Each field with the separator written after it (the last one's is unused).
    var pieces: [(text: String, separator: String)] = []
    var written: Set<String> = []
    for (offset, field) in raw.fields.enumerated() {
      let next = offset + 1 < raw.fields.count ? raw.fields[offset + 1].span.lowerBound : field.span.upperBound
      let separator = text(field.span.upperBound..<next)
      let name = names[offset]
      guard changed.contains(name) else {
        pieces.append((text(field.span), separator))
        continue
      }
      if let replacement = new.fields[name] {
        // The name as the file spells it (`Pages`), the value as canonical.
        pieces.append((field.name + replacement.dropFirst(field.name.count), separator))
        written.insert(name)
      }
    }
    let separator = raw.fields.count > 1 ? text(first.span.upperBound..<raw.fields[1].span.lowerBound) : ",\n  "
    let added = new.fields.keys.filter { changed.contains($0) && !written.contains($0) && !names.contains($0) }
    for name in Self.ordered(added) {
      guard let replacement = new.fields[name] else { continue }
      if !pieces.isEmpty { pieces[pieces.count - 1].separator = separator }
      pieces.append((replacement, separator))
    }
    guard !pieces.isEmpty else { return nil }
    var result = header
    for (offset, piece) in pieces.enumerated() {
      result += piece.text
      if offset + 1 < pieces.count { result += piece.separator }
    }
    result += text(last.span.upperBound..<raw.span.upperBound)
    return result
  }

  /// Field names in the writer's canonical order (known fields first, then alphabetically).
  private static func ordered(_ names: [String]) -> [String] {
    func rank(_ name: String) -> Int {
      name == "csl"
        ? BibTeXWriter.fieldOrder.count + 1
        : BibTeXWriter.fieldOrder.firstIndex(of: name) ?? BibTeXWriter.fieldOrder.count
    }
    return names.sorted { lhs, rhs in
      let left = rank(lhs)
      let right = rank(rhs)
      return left != right ? left < right : lhs < rhs
    }
  }

  private func parse(_ text: String) -> Parsed? {
    var syntax = BibTeXSyntax(text: text, file: "")
    for item in syntax.parse() {
      guard case .entry(let raw) = item else { continue }
      var fields: [String: String] = [:]
      for field in raw.fields {
        fields[field.name.lowercased()] = String(decoding: syntax.bytes[field.span], as: UTF8.self)
      }
      return Parsed(type: raw.type.lowercased(), key: raw.key, fields: fields)
    }
    return nil
  }

  /// True when both entry texts read (with the file's macros) as the same reference.
  private func readsSame(_ spliced: String, _ canonical: String) -> Bool {
    let prefix = BibTeXWriter(options: writer.options).write(BibDocument(blocks: strings))
    let left = BibTeXReader.read(prefix + "\n" + spliced + "\n", file: "")
    let right = BibTeXReader.read(prefix + "\n" + canonical + "\n", file: "")
    guard left.isClean, right.isClean, left.references.count == 1 else { return false }
    return left.references == right.references
  }
}
