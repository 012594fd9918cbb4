import BibModel

/// Reads BibLaTeX and BibTeX: `@string` macros and `#` concatenation, month macros, LaTeX,
/// `crossref` and `xdata` inheritance (cycles reported), the `csl` field convention, and
/// `@preamble`/`@comment`/free text kept as blocks.
public enum BibTeXReader {
  /// Reads `.bib` text; never throws: problems are diagnostics, a bad entry costs only itself.
  public static func read(_ text: String, file: String) -> BibReadResult {
    var syntax = BibTeXSyntax(text: text, file: file)
    let items = syntax.parse()
    var diagnostics = syntax.diagnostics
    var document = BibDocument()

    // Macros: BibTeX's month macros, then @string definitions in file order.
    var macros: [String: String] = [:]
    for (offset, month) in BibTeXMapping.months.enumerated() {
      macros[month] =
        BibTeXMapping.monthNames[offset].prefix(1).uppercased() + BibTeXMapping.monthNames[offset].dropFirst()
    }
    var entries: [(RawEntry, [BibTeXField])] = []
    var xdata: [String: (RawEntry, [BibTeXField])] = [:]
    var order: [String] = []
    for item in items {
      switch item {
      case .block(let block, let location):
        if case .string(let name, let raw) = block {
          let value = expandRaw(raw, macros: macros, file: file, location: location, diagnostics: &diagnostics)
          macros[name.lowercased()] = value
        }
        document.blocks.append(block)
      case .entry(let entry):
        let fields = entry.fields.map { field in
          BibTeXField(
            field.name,
            expand(field.pieces, macros: macros, diagnostics: &diagnostics), location: field.location)
        }
        if entry.type == "xdata" {
          xdata[entry.key.lowercased()] = (entry, fields)
          document.blocks.append(.text(rawXData(entry, fields)))
          continue
        }
        entries.append((entry, fields))
        order.append(entry.key)
      }
    }
    let table = ParentTable(entries: entries, xdata: xdata)
    var seen: [String: SourceLocation] = [:]
    var keys = CitationKeys.Fresh(taken: Set(entries.map(\.0.key)))
    var resolvedParents: [String: [BibTeXField]] = [:]
    for (offset, (entry, ownFields)) in entries.enumerated() {
      var fields = ownFields
      var visiting = [Visit(identity: table.identity(ofEntryAt: offset), name: entry.key)]
      inherit(
        into: &fields, childType: entry.type, table: table, visiting: &visiting, resolved: &resolvedParents,
        location: entry.location, diagnostics: &diagnostics)
      var reference = BibTeXConverter.reference(type: entry.type, key: entry.key, fields: fields)
      if fields.count > ownFields.count {
        let own = BibTeXConverter.reference(type: entry.type, key: entry.key, fields: ownFields)
        if let marker = Inheritance.marker(full: reference, own: own) {
          reference.extra[Inheritance.markerKey] = .object(marker)
        }
      }
      if let blobField = fields.first(where: { $0.name == "csl" }) {
        if let blob = CSLBlob.parse(blobField.value) {
          let (applied, warnings) = CSLBlob.apply(blob, to: reference, location: blobField.location)
          reference = applied
          diagnostics += warnings
        } else {
          reference.variables[CSLVariable("biblatex:" + blobField.written)] = blobField.value
          diagnostics.append(
            Diagnostic(
              .warning, code: "csl-blob-syntax", message: "the 'csl' field is not a JSON object; kept as text",
              location: blobField.location))
        }
      }
      diagnostics += impossibleDates(ownFields, reference)
      if entry.key.isEmpty {
        reference.id = keys.key(for: reference)
        diagnostics.append(
          Diagnostic(
            .warning, code: "missing-id", message: "entry has no citation key; read as '\(reference.id)'",
            location: entry.location, hint: "write the key after '@\(entry.type){'"))
      } else if let previous = seen[reference.id] {
        let renamed = keys.renamed(reference.id)
        diagnostics.append(
          Diagnostic(
            .warning, code: "duplicate-id",
            message:
              "duplicate citation key '\(reference.id)' (first at \(previous)); this entry is kept as '\(renamed)'",
            location: entry.location, hint: "merge the two entries (cited bib dedupe --merge) or rename one"))
        // A crossref to its own key (a cycle, cut above) stays one under the new key, so
        // writing and reading the entry again does not make it inherit from the first entry.
        for field in ["biblatex:crossref", "biblatex:xdata"]
        where reference.variables[CSLVariable(field)]?.trimmingCharacters(in: " ").lowercased()
          == reference.id.lowercased()
        {
          reference.variables[CSLVariable(field)] = renamed
        }
        reference.id = renamed
      }
      seen[reference.id] = entry.location
      document.references.append(reference)
      document.locations[reference.id] = entry.location
      var places: [String: SourceLocation] = [:]
      for field in ownFields { if let location = field.location { places[field.name] = location } }
      document.fieldLocations[reference.id] = places
    }
    return BibReadResult(document: document, diagnostics: diagnostics)
  }

  /// A date field written as numbers that is no date (`2021-13-45`) is kept as a literal, with a
  /// warning rather than silently.
  static func impossibleDates(_ fields: [BibTeXField], _ reference: Reference) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for field in fields {
      guard let variable = field.name == "date" ? "issued" : BibTeXMapping.dateFields[field.name],
        reference.dates[variable]?.literal != nil
      else { continue }
      let raw = field.value.trimmingCharacters(in: " \t\r\n")
      guard !raw.isEmpty, raw.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "/") }) else { continue }
      found.append(
        Diagnostic(
          .warning, code: "invalid-date", message: "'\(raw)' in '\(field.written)' is not a valid date; kept as text",
          location: field.location, hint: "write YYYY, YYYY-MM or YYYY-MM-DD (ranges with '/')"))
    }
    return found
  }

  private static func rawXData(_ entry: RawEntry, _ fields: [BibTeXField]) -> String {
    var text = "@xdata{" + entry.key + ",\n"
    for field in fields { text += "  " + field.written + " = {" + field.value + "},\n" }
    return text + "}"
  }

  /// The longest value macro expansion may build (no real field comes near it).
  static let maxExpansion = 4 * 1_048_576

  private static func expand(_ pieces: [RawPiece], macros: [String: String], diagnostics: inout [Diagnostic]) -> String
  {
    if pieces.count == 1, case .text(let text) = pieces[0] { return text }
    var text = ""
    for piece in pieces {
      switch piece {
      case .text(let value): text += value
      case .macro(let name, let location):
        if let value = macros[name.lowercased()] {
          // @string values that double at each level reach gigabytes from a few hundred
          // bytes: an expansion stops at the limit, with an error where it happened.
          guard text.utf8.count + value.utf8.count <= maxExpansion else {
            diagnostics.append(
              Diagnostic(
                .error, code: "macro-expansion-limit",
                message: "expanding '\(name)' would pass \(maxExpansion / 1_048_576) MiB; the value is cut here",
                location: location, hint: "@string macros that repeat each other grow exponentially"))
            return text
          }
          text += value
        } else {
          diagnostics.append(
            Diagnostic(
              .warning, code: "undefined-macro", message: "undefined macro '\(name)'; kept as its name",
              location: location, hint: "define it with @string{\(name) = {…}} or brace the value"))
          text += name
        }
      }
    }
    return text
  }

  /// Expands a raw `@string` value (`{…}`, `"…"`, `a # b`).
  private static func expandRaw(
    _ raw: String, macros: [String: String], file: String, location: SourceLocation, diagnostics: inout [Diagnostic]
  ) -> String {
    var syntax = BibTeXSyntax(text: "@x{k, v = " + raw + "}", file: file)
    let items = syntax.parse()
    guard case .entry(let entry)? = items.first, let field = entry.fields.first else { return raw }
    let pieces = field.pieces.map { piece -> RawPiece in
      if case .macro(let name, _) = piece { return .macro(name, location) }
      return piece
    }
    return expand(pieces, macros: macros, diagnostics: &diagnostics)
  }

  /// An entry on the inheritance path being resolved.
  private struct Visit {
    var identity: String
    var name: String
  }

  /// Copies fields the entry lacks from its `xdata` and `crossref` parents (recursively),
  /// reporting cycles and missing parents.
  private static func inherit(
    into fields: inout [BibTeXField], childType: String, table: ParentTable, visiting: inout [Visit],
    resolved: inout [String: [BibTeXField]], location: SourceLocation, diagnostics: inout [Diagnostic]
  ) {
    var parents: [(String, Bool)] = []
    if let value = fields.first(where: { $0.name == "xdata" })?.value {
      for key in value.split(separator: ",") { parents.append((key.trimmingCharacters(in: " \t\r\n"), true)) }
    }
    if let value = fields.first(where: { $0.name == "crossref" })?.value {
      parents.append((value.trimmingCharacters(in: " \t\r\n{}"), false))
    }
    for (parentKey, isXData) in parents {
      guard visiting.count < 32 else {
        diagnostics.append(
          Diagnostic(
            .error, code: "inheritance-depth",
            message: "crossref/xdata chain deeper than 32 entries at '\(parentKey)'; inheritance stops here",
            location: location))
        return
      }
      guard let parent = table.parent(parentKey, isXData: isXData, avoiding: visiting.map(\.identity)) else {
        diagnostics.append(
          Diagnostic(
            .warning, code: "missing-parent",
            message: "\(isXData ? "xdata" : "crossref") '\(parentKey)' is not in this file", location: location))
        continue
      }
      if visiting.contains(where: { $0.identity == parent.identity }) {
        let path = (visiting.map(\.name) + [parentKey]).joined(separator: " → ")
        diagnostics.append(
          Diagnostic(
            .warning, code: "inheritance-cycle", message: "\(isXData ? "xdata" : "crossref") cycle: \(path)",
            location: location, hint: "inheritance is cut at the first repeat; every entry keeps its own fields"))
        continue
      }
      let parentEntry = parent.entry
      // A parent is resolved once per file: entries naming the same ancestors through many
      // paths (xdata that each name the next one twice) stay linear, not exponential. A
      // resolution cut by a cycle depends on the path and is not kept.
      var parentFields = parent.fields
      if let known = resolved[parent.identity] {
        parentFields = known
      } else {
        let before = diagnostics.count
        visiting.append(Visit(identity: parent.identity, name: parentKey))
        inherit(
          into: &parentFields, childType: parentEntry.type, table: table, visiting: &visiting, resolved: &resolved,
          location: location, diagnostics: &diagnostics)
        visiting.removeLast()
        let cut = diagnostics[before...].contains { $0.code == "inheritance-cycle" || $0.code == "inheritance-depth" }
        if !cut { resolved[parent.identity] = parentFields }
      }
      let have = Set(fields.map { BibTeXMapping.aliases[$0.name] ?? $0.name })
      for field in parentFields where !BibTeXMapping.notInherited.contains(field.name) {
        let target =
          isXData
          ? field.name : BibTeXMapping.inheritedName(of: field.name, parentType: parentEntry.type, childType: childType)
        guard !target.isEmpty, !have.contains(BibTeXMapping.aliases[target] ?? target) else { continue }
        var copy = field
        copy.name = target
        copy.written = target == field.name ? field.written : target
        copy.location = nil
        fields.append(copy)
      }
    }
  }
}
