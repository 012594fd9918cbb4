import BibModel

/// Writes RIS in canonical form: one record per block, tags in a fixed order (TY, ID, names,
/// titles, dates, the rest), unknown tags after, `ER` and a blank line. What RIS cannot hold
/// travels in an `N1  - cited-csl: {…}` line (see `CSLBlob`).
public enum RISWriter {
  /// Writes references in the given order, one record per block.
  public static func write(_ references: [Reference]) -> String {
    // Records are written on their own (on all cores) and joined in order.
    let records = ParallelMap.map(count: references.count, minimumCount: 256, itemsPerChunk: 64) { range in
      range.map { write(references[$0]) }
    }
    var text = ""
    for record in records { text += record + "\n" }
    return text
  }

  /// One record, ending with its `ER` line.
  public static func write(_ reference: Reference) -> String {
    var lines = nativeLines(reference)
    // Check what the text reads back as, with the reader's own line handling.
    var ignored: [Diagnostic] = []
    let reread = RISReader.records(render(lines) + "ER  - \n", file: "", diagnostics: &ignored).first
    let native = RISConverter.reference(reread?.lines.map { ($0.tag, $0.value) } ?? [], fallbackID: reference.id)
    if let blob = CSLBlob.make(wanted: reference, native: native) {
      lines.append(("N1", RISConverter.blobPrefix + JSONWriter.write(.object(blob), pretty: false)))
    }
    return render(lines) + "ER  - \n"
  }

  private static func render(_ lines: [(String, String)]) -> String {
    var text = ""
    for (tag, value) in lines {
      let valueLines = value.lines(keepingCarriageReturns: true)
      text += tag + "  - " + (valueLines.first ?? "") + "\n"
      for more in valueLines.dropFirst() { text += more + "\n" }
    }
    return text
  }

  static func nativeLines(_ reference: Reference) -> [(String, String)] {
    var lines: [(String, String)] = []
    let type = reference.variables["ris-type"] ?? RISMapping.cslToType[reference.type] ?? "GEN"
    lines.append(("TY", type))
    lines.append(("ID", reference.id))
    for (tag, variable) in RISMapping.nameTagOrder {
      for name in reference.names[variable] ?? [] { lines.append((tag, RISConverter.writeName(name))) }
    }
    var used: Set<String> = []
    let order: [CSLVariable] = [
      "title", "container-title", "collection-title", "title-short", "container-title-short", "volume", "issue",
    ]
    func text(_ variable: CSLVariable) {
      guard let value = reference.variables[variable], let tag = RISMapping.tag(for: variable), !used.contains(tag)
      else { return }
      used.insert(tag)
      lines.append((tag, value))
    }
    for variable in order { text(variable) }
    if let title = reference.forms["title"]?["und"] ?? reference.translated("title") { lines.append(("TT", title)) }
    if let page = reference.variables["page"] {
      // A hyphenated range splits into SP/EP (read back joined by a hyphen); an en-dash range
      // (BibTeX's `--`) stays whole in SP, which reads back as written, so no blob carries it.
      if let dash = page.firstIndex(of: "-"), !page.contains(",") {
        lines.append(("SP", String(page[..<dash])))
        lines.append(("EP", String(page[page.index(after: dash)...])))
      } else {
        lines.append(("SP", page))
      }
    }
    if let issued = reference.dates["issued"] {
      if let year = issued.year, issued.literal == nil {
        lines.append(("PY", String(year)))
        if issued.start?.month != nil || issued.extra["ris:date-other"] != nil {
          lines.append(("DA", RISConverter.writeDate(issued)))
        }
      } else {
        lines.append(("DA", RISConverter.writeDate(issued)))
      }
    }
    if let accessed = reference.dates["accessed"] { lines.append(("Y2", RISConverter.writeDate(accessed))) }
    if let isbn = reference.variables["ISBN"] { lines.append(("SN", isbn)) }
    if let issn = reference.variables["ISSN"], reference.variables["ISBN"] == nil { lines.append(("SN", issn)) }
    for variable in reference.variables.keys.sorted()
    where !order.contains(variable) && !variable.rawValue.hasPrefix("ris") {
      switch variable {
      case "keyword":
        for keyword in (reference.variables[variable] ?? "").split(separator: ",") {
          lines.append(("KW", keyword.trimmingCharacters(in: " ")))
        }
      case "note": lines.append(("N1", reference.variables[variable] ?? ""))
      case "page", "ISBN", "ISSN": continue
      default: text(variable)
      }
    }
    let passthrough = Set(reference.extra.keys).union(reference.variables.keys.map(\.rawValue)).filter {
      $0.hasPrefix("ris:") && $0.count == 6
    }
    for key in passthrough.sorted() {
      let tag = String(key.dropFirst(4))
      switch reference.variables[CSLVariable(key)].map(JSONValue.string) ?? reference.extra[key] {
      case .string(let value)?: lines.append((tag, value))
      case .array(let values)?: for value in values { if let text = value.stringValue { lines.append((tag, text)) } }
      default: break
      }
    }
    return lines
  }
}
