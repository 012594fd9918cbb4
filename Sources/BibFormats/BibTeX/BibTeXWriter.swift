import BibModel

/// Writes BibLaTeX (default) or BibTeX in canonical form: blocks first, then one entry per
/// block in the given order, fields in a fixed order (known fields first, then the rest
/// alphabetically, `csl` last), two-space indentation, a trailing comma after every field.
///
/// Whatever BibLaTeX has no field for — or what would not read back identically — is carried
/// by `x-csl-VARIABLE` fields (plain CSL variables) or the `csl` JSON field (`CSLBlob`), so
/// CSL → BibLaTeX → CSL gives the same references.
public struct BibTeXWriter: Sendable {
  /// Which field and type names to write.
  public enum Dialect: String, Sendable, Hashable {
    /// `journaltitle`, `location`, `date`, `@online`, `@thesis`…
    case biblatex
    /// `journal`, `address`, `year`/`month`, `@phdthesis`, `@techreport`, `@misc`…
    case bibtex
  }

  /// How to write.
  public struct Options: Sendable, Hashable {
    /// BibLaTeX (default) or classic BibTeX names.
    public var dialect: Dialect
    /// Write non-ASCII letters as LaTeX commands (`{\"u}`) instead of UTF-8.
    public var ascii: Bool
    /// BibTeX dialect: write BibLaTeX-only fields (`urldate`, `eventtitle`…) as fields instead of
    /// carrying them in the `csl` field.
    public var keepBiblatexFields: Bool

    /// Options; the defaults write BibLaTeX in UTF-8.
    public init(dialect: Dialect = .biblatex, ascii: Bool = false, keepBiblatexFields: Bool = false) {
      self.dialect = dialect
      self.ascii = ascii
      self.keepBiblatexFields = keepBiblatexFields
    }
  }

  /// The options this writer uses.
  public var options: Options

  /// A writer with the given options.
  public init(options: Options = Options()) {
    self.options = options
  }

  var latex: LaTeXEncoder { LaTeXEncoder(ascii: options.ascii) }

  static let fieldOrder: [String] = [
    "author", "editor", "translator", "bookauthor", "title", "subtitle", "titleaddon", "shorttitle", "journaltitle",
    "journal", "shortjournal", "booktitle", "eventtitle", "series", "volume", "volumes", "number", "issue",
    "chapter", "pages", "pagetotal", "edition", "version", "date", "year", "month", "day", "eventdate",
    "origdate", "publisher", "institution", "school", "organization", "location", "address", "venue", "type",
    "entrysubtype",
    "howpublished", "isbn", "issn", "doi", "pmid", "pmcid", "url", "urldate", "langid", "keywords", "abstract",
    "note", "annotation", "crossref", "xdata",
  ]

  /// One field to write: `bare` values (month macros, numbers) are written without braces.
  struct Output {
    var written: String
    /// `written` lower-cased.
    var lower: String
    var value: String
    var bare: Bool = false
    /// The value the reader sees (macros expanded).
    var readValue: String
    /// For a name list known to read back as the names written, those names.
    var readNames: EtAl.Reading?
    /// The field's role, looked up once by its lower-cased name (nil: no table names it).
    var role: BibTeXMapping.FieldRole?
    /// Where the field goes in canonical order (set when the entry's fields are sorted).
    var rank = 0
  }

  /// The whole file.
  public func write(_ document: BibDocument) -> String {
    var text = ""
    for block in document.blocks {
      switch block {
      case .preamble(let raw): text += "@preamble{" + raw + "}\n\n"
      case .string(let name, let raw): text += "@string{" + name + " = " + raw + "}\n\n"
      case .comment(let raw): text += "@comment{" + raw + "}\n\n"
      case .text(let raw): text += raw + "\n\n"
      }
    }
    let parents = Inheritance.parentKeys(in: document)
    let macros = Self.macroNames(document.blocks)
    var used = Set(document.references.map { $0.id.lowercased() })
    var settled: [String] = []
    settled.reserveCapacity(document.references.count)
    for reference in document.references {
      var key = Self.key(for: reference.id)
      if key != reference.id {
        // A sanitized key must not collide with another entry's key.
        var counter = 2
        let base = key
        while used.contains(key.lowercased()) {
          key = base + "_" + String(counter)
          counter += 1
        }
        used.insert(key.lowercased())
      }
      settled.append(key)
    }
    // With the keys settled in file order, each entry is written on its own (on all cores).
    let references = document.references
    let keys = settled
    let entries = ParallelMap.map(count: references.count, minimumCount: 256, itemsPerChunk: 64) { range in
      range.map { index in
        entryBytes(Inheritance.compact(references[index], parents: parents), key: keys[index], macros: macros)
      }
    }
    // The entries' bytes joined and made a string once (a string for each entry, appended to
    // the text, cost some 4,000 instructions an entry).
    var bytes = Array(text.utf8)
    bytes.reserveCapacity(entries.reduce(bytes.count) { $0 + $1.count + 1 })
    for entry in entries {
      bytes.append(contentsOf: entry)
      bytes.append(0x0A)
    }
    // `hasSuffix("\n\n")` on the bytes: two line feeds are two characters unless a return
    // comes before the first.
    let count = bytes.count
    if count >= 2, bytes[count - 1] == 0x0A, bytes[count - 2] == 0x0A, count == 2 || bytes[count - 3] != 0x0D {
      bytes.removeLast()
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// One entry, ending with a newline.
  public func write(_ reference: Reference) -> String {
    write(reference, key: Self.key(for: reference.id))
  }

  /// One entry under the given BibTeX key (the real id travels in `csl` when they differ).
  func write(_ reference: Reference, key: String, macros: [String: String] = [:]) -> String {
    String(decoding: entryBytes(reference, key: key, macros: macros), as: UTF8.self)
  }

  /// `write(_:key:macros:)`, as UTF-8.
  func entryBytes(_ reference: Reference, key: String, macros: [String: String] = [:]) -> [UInt8] {
    let (type, fields) = entry(reference, key: key)
    // Gathered as bytes with room for all of them (appending to a string piece by piece grew
    // and copied it, some 23,000 instructions an entry).
    var bytes: [UInt8] = []
    bytes.reserveCapacity(
      fields.reduce(key.utf8.count + type.utf8.count + 8) { $0 + $1.written.utf8.count + $1.value.utf8.count + 10 })
    bytes.append(0x40)
    bytes.append(utf8: type)
    bytes.append(0x7B)
    bytes.append(utf8: key)
    bytes.append(utf8: ",\n")
    for field in fields {
      // (The fixed pieces byte by byte: each append of a string's bytes cost some 120
      // instructions.)
      bytes.append(0x20)
      bytes.append(0x20)
      bytes.append(utf8: field.written)
      bytes.append(0x20)
      bytes.append(0x3D)
      bytes.append(0x20)
      if field.bare {
        bytes.append(utf8: field.value)
      } else if !macros.isEmpty, let macro = macros[field.value], field.written != "csl" {
        bytes.append(utf8: macro)  // the file defines this value as a @string macro: keep using it
      } else {
        bytes.append(0x7B)
        bytes.append(utf8: field.value)
        bytes.append(0x7D)
      }
      bytes.append(0x2C)
      bytes.append(0x0A)
    }
    bytes.append(0x7D)
    bytes.append(0x0A)
    return bytes
  }

  /// The entry type and the fields, in canonical order, including the `csl` blob if needed.
  func entry(_ reference: Reference, key: String) -> (String, [Output]) {
    var (type, fields) = nativeFields(reference)
    if options.dialect == .bibtex && !options.keepBiblatexFields {
      // Fields BibTeX styles do not know leave the entry; the csl field below carries their values.
      fields.removeAll { !Self.isBibTeXField($0.written) }
    }
    let native = BibTeXConverter.reference(
      type: type, key: key,
      fields: fields.map { output in
        var field = BibTeXField(output.written, lowercased: output.lower, output.readValue)
        field.names = output.readNames
        field.role = output.role ?? BibTeXMapping.FieldRole.none
        return field
      })
    if let blob = CSLBlob.make(wanted: reference, native: native) {
      let text = CSLBlob.bibtexText(blob, ascii: options.ascii)
      fields.append(Output(written: "csl", lower: "csl", value: text, readValue: text))
    }
    // Each field's rank found once (found in every comparison, it cost a lower-cased copy and
    // a table look-up each time) and kept in the field, which is sorted in place (paired with
    // its rank in a new list and taken out again, each field was copied twice, every string
    // of it retained), the comparisons as before.
    for index in fields.indices {
      fields[index].rank =
        fields[index].written == "csl" ? Int.max : fields[index].role?.rank ?? Self.fieldOrder.count
    }
    fields.sort { lhs, rhs in
      if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
      return lhs.written < rhs.written
    }
    type = type.lowercased()
    return (type, fields)
  }

  /// The fields of classic BibTeX's styles, those that BibTeX-era styles widely read (doi, url,
  /// isbn…), and Cited's own carriers.
  static let bibtexFields: Set<String> = [
    "address", "annote", "author", "booktitle", "chapter", "crossref", "edition", "editor", "howpublished",
    "institution", "journal", "key", "month", "note", "number", "organization", "pages", "publisher", "school",
    "series", "title", "type", "volume", "year", "doi", "url", "isbn", "issn", "abstract", "keywords", "eprint",
    "archiveprefix", "primaryclass", "language", "pmid", "lccn", "csl", "xdata",
  ]

  static func isBibTeXField(_ name: String) -> Bool {
    let lower = name.lowercased()
    return bibtexFields.contains(lower) || lower.hasPrefix("x-csl-")
  }

  /// The BibLaTeX-only fields a reference would have in BibTeX output, which the writer
  /// carries in `csl` instead (empty for BibLaTeX or with `keepBiblatexFields`).
  public func biblatexOnlyFields(_ reference: Reference) -> [String] {
    guard options.dialect == .bibtex, !options.keepBiblatexFields else { return [] }
    return nativeFields(reference).1.map(\.written).filter { !Self.isBibTeXField($0) }
  }

  /// True when `and` occurs as a word at brace depth 0.
  static func containsAnd(_ value: String) -> Bool {
    // Without the letters "and" in a row (in any case) there is no such word.
    if let found = value.utf8.withContiguousStorageIfAvailable(BibTeXNames.holdsAnd), !found { return false }
    return BibTeXNames.splitList("x " + value + " x").count > 1
  }

  /// Simple `@string` definitions (`{…}` or `"…"`, no `#`): value → macro name. A field whose
  /// whole value equals one is written as the bare macro, as the file had it.
  static func macroNames(_ blocks: [BibBlock]) -> [String: String] {
    var table: [String: String] = [:]
    for case .string(let name, let raw) in blocks {
      guard raw.count >= 2, let first = raw.first, let last = raw.last,
        (first == "{" && last == "}") || (first == "\"" && last == "\""), !name.isEmpty
      else { continue }
      let inner = String(raw.dropFirst().dropLast())
      guard !inner.isEmpty, isBalanced(inner), !(first == "\"" && inner.contains("\"")), table[inner] == nil else {
        continue
      }
      // Only when the body has no top-level `#` (then it is one piece).
      var syntax = BibTeXSyntax(text: "@x{k, v = " + raw + "}", file: "")
      guard case .entry(let entry)? = syntax.parse().first, entry.fields.first?.pieces.count == 1 else { continue }
      table[inner] = name
    }
    return table
  }

  /// True when the name can be written as a BibTeX field name (else the value goes to `csl`).
  static func isFieldName(_ name: String) -> Bool {
    if let answer = name.utf8.withContiguousStorageIfAvailable(isASCIIFieldName), let answer { return answer }
    return isFieldNameByScalars(name)
  }

  /// `isFieldName` scalar by scalar, for any name (the reference for the byte path).
  static func isFieldNameByScalars(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
    return name.unicodeScalars.allSatisfy { scalar in
      // Exactly what the reader accepts in a field name.
      scalar.value > 0x20 && !"{}(),=\"#%'".unicodeScalars.contains(scalar) && !scalar.properties.isWhitespace
    }
  }

  /// `isFieldName` read from the bytes of an ASCII name (each byte a scalar; the ASCII
  /// whitespace is all at or below the space), nil for any other name. Testing each scalar's
  /// properties and looking it up in a string cost some 3,000 instructions a field.
  private static func isASCIIFieldName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard ByteWord.isASCII(bytes) else { return nil }
    guard let first = bytes.first, !(0x30...0x39).contains(first) else { return false }
    return bytes.allSatisfy { byte in
      switch byte {
      case 0...0x20, 0x7B, 0x7D, 0x28, 0x29, 0x2C, 0x3D, 0x22, 0x23, 0x25, 0x27: false
      default: true
      }
    }
  }

  /// True when every `{` has its `}` (a backslash escapes the next character, as in the reader).
  static func isBalanced(_ value: String) -> Bool {
    if let answer = value.utf8.withContiguousStorageIfAvailable(isBalancedSkippingWords) { return answer }
    return isBalanced(value.utf8)
  }

  /// `isBalanced` on contiguous bytes: the leading words without a brace or a backslash are
  /// passed eight bytes at a time (most values hold none: byte by byte, the test cost some
  /// 250 instructions a field).
  private static func isBalancedSkippingWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset + 8 <= bytes.count {
      let word = ByteWord.load(raw, at: offset)
      if ByteWord.holds(word, 0x7B) || ByteWord.holds(word, 0x7D) || ByteWord.holds(word, 0x5C) { break }
      offset += 8
    }
    return isBalanced(UnsafeBufferPointer(rebasing: bytes[offset...]))
  }

  /// `isBalanced` on the bytes.
  private static func isBalanced<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
    var depth = 0
    var escaped = false
    for byte in bytes {
      if escaped {
        escaped = false
        continue
      }
      switch byte {
      case UInt8(ascii: "\\"): escaped = true
      case UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "}"):
        depth -= 1
        if depth < 0 { return false }
      default: break
      }
    }
    return depth == 0 && !escaped
  }

  /// The id as a BibTeX key: characters BibTeX cannot have in a key become `_` (the `csl`
  /// field then carries the real id).
  static func key(for id: String) -> String {
    // An ASCII id without any of the bytes (nor other ASCII whitespace) is a key as it is:
    // each byte is a character there (CR LF aside, whose bytes are looked for).
    if id.utf8.withContiguousStorageIfAvailable(isPlainASCIIKey) == true { return id }
    return keyByCharacters(for: id)
  }

  /// `key(for:)` character by character, for any id (the reference for the byte path).
  static func keyByCharacters(for id: String) -> String {
    let forbidden = keyForbidden
    guard id.contains(where: { forbidden.contains($0) || $0.isWhitespace }) || id.isEmpty else { return id }
    let key = String(id.map { forbidden.contains($0) || $0.isWhitespace ? "_" : $0 })
    return key.isEmpty ? "_" : key
  }

  /// The characters a BibTeX key cannot hold (besides whitespace).
  private static let keyForbidden: Set<Character> = [
    " ", ",", "{", "}", "(", ")", "=", "@", "\"", "#", "%", "'", "\\", "~", "\t", "\n", "\r",
  ]

  /// An ASCII id none of whose bytes is forbidden in a key or whitespace (so `key(for:)`
  /// keeps it); false for any other.
  private static func isPlainASCIIKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    !bytes.isEmpty
      && bytes.allSatisfy { byte in
        switch byte {
        case 0...0x20, 0x2C, 0x7B, 0x7D, 0x28, 0x29, 0x3D, 0x40, 0x22, 0x23, 0x25, 0x27, 0x5C, 0x7E, 0x80...: false
        default: true
        }
      }
  }
}
