/// Reading and writing CSL-JSON, the canonical form of Cited's bibliographic data.
///
/// Reading collects diagnostics instead of stopping: an item without an `id` costs that item,
/// a field with an unexpected shape is kept verbatim in `extra` with a warning.
public enum CSLJSON {
  /// The result of reading a file: the items that could be read and what went wrong.
  public struct ReadResult: Sendable {
    public var references: [Reference]
    /// Where each item's opening brace was written, by id.
    public var locations: [String: SourceLocation]
    public var diagnostics: [Diagnostic]
  }

  /// Parses CSL-JSON text (an array of items, or one item).
  public static func read(_ bytes: [UInt8], file: String) -> ReadResult {
    do {
      let value = try JSONParser.parse(bytes)
      return decode(value, file: file)
    } catch {
      return ReadResult(
        references: [], locations: [:],
        diagnostics: [
          Diagnostic(
            .error, code: "json-syntax", message: error.message,
            location: SourceLocation(file: file, line: error.line, column: error.column))
        ])
    }
  }

  public static func read(_ text: String, file: String) -> ReadResult {
    read(Array(text.utf8), file: file)
  }

  /// Decodes parsed JSON into references.
  public static func decode(_ value: JSONValue, file: String) -> ReadResult {
    var result = ReadResult(references: [], locations: [:], diagnostics: [])
    let items: [JSONValue]
    switch value {
    case .array(let array): items = array
    case .object: items = [value]
    default:
      result.diagnostics.append(
        Diagnostic(
          .error, code: "csl-json-shape",
          message: "CSL-JSON must be an array of items; found \(value.kindName)",
          location: SourceLocation(file: file, line: 1, column: 1)))
      return result
    }
    var seen: [String: SourceLocation] = [:]
    for (offset, item) in items.enumerated() {
      guard case .object(let object) = item else {
        result.diagnostics.append(
          Diagnostic(
            .error, code: "csl-json-shape",
            message: "item \(offset + 1) is \(item.kindName), not an object; skipped",
            location: SourceLocation(file: file)))
        continue
      }
      let location = SourceLocation(file: file, line: object.line, column: object.column)
      var diagnostics: [Diagnostic] = []
      guard let reference = decodeReference(object, file: file, diagnostics: &diagnostics) else {
        result.diagnostics += diagnostics
        continue
      }
      result.diagnostics += diagnostics
      if let previous = seen[reference.id] {
        result.diagnostics.append(
          Diagnostic(
            .error, code: "duplicate-id",
            message: "duplicate item id '\(reference.id)' (first at \(previous)); this item is skipped",
            location: location))
        continue
      }
      seen[reference.id] = location
      result.locations[reference.id] = location
      result.references.append(reference)
    }
    return result
  }

  private static func place(_ member: JSONMember, _ file: String) -> SourceLocation {
    SourceLocation(file: file, line: member.line, column: member.column)
  }

  /// Decodes one item; nil (with an error) when it has no usable id.
  public static func decodeReference(
    _ object: JSONObject, file: String, diagnostics: inout [Diagnostic]
  ) -> Reference? {
    let location = SourceLocation(file: file, line: object.line, column: object.column)
    guard let idValue = object["id"], let id = idValue.stringValue, !id.isEmpty else {
      diagnostics.append(
        Diagnostic(
          .error, code: "missing-id", message: "item has no \"id\"; skipped", location: location,
          hint: "every item needs a unique citation key in \"id\""))
      return nil
    }
    var reference = Reference(id: id)
    // Most members are plain variables: room for them at once spares regrowing the table.
    reference.variables.reserveCapacity(object.members.count)
    if case .number = idValue { reference.extra["id"] = idValue }
    if let typeValue = object["type"] {
      if let type = typeValue.stringValue {
        reference.type = ItemType(type)
        if !CSLVariables.itemTypes.contains(reference.type), let member = object.member("type") {
          diagnostics.append(
            Diagnostic(
              .warning, code: "unknown-type", message: "'\(type)' is not a CSL 1.0.2 item type",
              location: place(member, file), hint: "rendered as a generic document"))
        }
      }
    } else {
      reference.extra["type"] = nil
      reference.type = .document
      diagnostics.append(
        Diagnostic(
          .warning, code: "missing-type", message: "item '\(id)' has no \"type\"; using 'document'",
          location: location))
      reference.extra["cited:missing-type"] = .bool(true)
    }
    for member in object.members {
      let key = member.key
      let variable = CSLVariable(key)
      switch key {
      case "id", "type": continue
      case "multi":
        decodeMulti(member, into: &reference, file: file, diagnostics: &diagnostics)
      case _ where CSLVariables.names.contains(variable):
        guard case .array(let list) = member.value else {
          if let text = member.value.stringValue {
            reference.names[variable] = [Name(literal: text)]
            diagnostics.append(
              Diagnostic(
                .warning, code: "name-shape",
                message: "'\(key)' should be an array of names; read \"\(text)\" as one literal name",
                location: place(member, file)))
          } else {
            reference.extra[key] = member.value
            diagnostics.append(shapeWarning(member, "an array of names", file))
          }
          continue
        }
        var names: [Name] = []
        for entry in list {
          if case .object(let nameObject) = entry {
            names.append(decodeName(nameObject))
          } else if let text = entry.stringValue {
            names.append(Name(literal: text))
          }
        }
        reference.names[variable] = names
      case _ where CSLVariables.dates.contains(variable):
        if let date = decodeDate(member.value) {
          reference.dates[variable] = date
        } else {
          reference.extra[key] = member.value
          diagnostics.append(shapeWarning(member, "a date object with \"date-parts\", \"raw\" or \"literal\"", file))
        }
      default:
        switch member.value {
        case .string(let text):
          reference.variables[variable] = text
        case .number(let literal):
          reference.variables[variable] = literal
          reference.numericVariables.insert(variable)
        default:
          reference.extra[key] = member.value
        }
      }
    }
    return reference
  }

  private static func shapeWarning(_ member: JSONMember, _ expected: String, _ file: String) -> Diagnostic {
    Diagnostic(
      .warning, code: "field-shape",
      message: "'\(member.key)' is \(member.value.kindName), not \(expected); kept unchanged",
      location: place(member, file))
  }

  private static func decodeMulti(
    _ member: JSONMember, into reference: inout Reference, file: String,
    diagnostics: inout [Diagnostic]
  ) {
    guard case .object(var multi) = member.value else {
      reference.extra["multi"] = member.value
      diagnostics.append(shapeWarning(member, "an object", file))
      return
    }
    if case .object(let keys) = multi["_keys"] {
      for field in keys.members {
        guard case .object(let tags) = field.value else { continue }
        var forms: [String: String] = [:]
        for tag in tags.members {
          if let text = tag.value.stringValue { forms[tag.key] = text }
        }
        reference.forms[CSLVariable(field.key)] = forms
      }
      multi["_keys"] = nil
    }
    if !multi.members.isEmpty { reference.extra["multi"] = .object(multi) }
  }

  /// Decodes one CSL-JSON name object.
  public static func decodeName(_ object: JSONObject) -> Name {
    var name = Name()
    for member in object.members {
      switch (member.key, member.value) {
      case ("family", .string(let text)): name.family = text
      case ("given", .string(let text)): name.given = text
      case ("dropping-particle", .string(let text)): name.droppingParticle = text
      case ("non-dropping-particle", .string(let text)): name.nonDroppingParticle = text
      case ("suffix", .string(let text)): name.suffix = text
      case ("literal", .string(let text)): name.literal = text
      case ("comma-suffix", let value): name.commaSuffix = truthy(value)
      case ("static-ordering", let value): name.staticOrdering = truthy(value)
      case ("parse-names", let value): name.parseNames = truthy(value)
      case ("multi", .object(let multi)):
        if case .object(let keyed) = multi["_key"] {
          for form in keyed.members {
            if case .object(let formObject) = form.value { name.forms[form.key] = decodeName(formObject) }
          }
        }
        var rest = multi
        rest["_key"] = nil
        if !rest.members.isEmpty { name.extra["multi"] = .object(rest) }
      default: name.extra[member.key] = member.value
      }
    }
    return name
  }

  private static func truthy(_ value: JSONValue) -> Bool {
    switch value {
    case .bool(let flag): flag
    case .number(let literal): literal != "0"
    case .string(let text): ["true", "1", "yes"].contains(text.lowercased())
    default: false
    }
  }

  private static func integer(_ value: JSONValue) -> Int? {
    switch value {
    case .number(let literal): Int(literal) ?? Double(literal).flatMap { $0.isFinite && abs($0) < 1e9 ? Int($0) : nil }
    case .string(let text): Int(text.trimmingCharacters(in: " "))
    default: nil
    }
  }

  /// Decodes a CSL-JSON date (object or string); nil for other shapes.
  public static func decodeDate(_ value: JSONValue) -> DateValue? {
    switch value {
    case .string(let text):
      if var parsed = DateValue.parseEDTF(text) {
        parsed.raw = text
        return parsed
      }
      return DateValue(literal: text, raw: nil, extra: ["cited:string-form": .bool(true)])
    case .number(let literal):
      guard let year = Int(literal) else { return nil }
      return DateValue(parts: [DateParts(year: year)], extra: ["cited:number-form": .bool(true)])
    case .object(let object):
      var date = DateValue()
      var hasParts = false
      for member in object.members {
        switch (member.key, member.value) {
        case ("date-parts", .array(let ends)):
          hasParts = true
          for end in ends {
            guard case .array(let pieces) = end else { continue }
            let numbers = pieces.map(integer)
            var part = DateParts(year: nil)
            if numbers.count > 0 { part.year = numbers[0] }
            if numbers.count > 1 { part.month = numbers[1] }
            if numbers.count > 2 { part.day = numbers[2] }
            date.parts.append(part)
          }
        case ("season", let season): date.season = season.stringValue
        case ("circa", let circa): date.circa = truthy(circa)
        case ("literal", .string(let text)): date.literal = text
        case ("raw", .string(let text)): date.raw = text
        default: date.extra[member.key] = member.value
        }
      }
      if hasParts, let raw = date.raw {
        date.extra["raw"] = .string(raw)
        date.raw = nil
      } else if !hasParts, let raw = date.raw, let parsed = DateValue.parseEDTF(raw) {
        date.parts = parsed.parts
        date.circa = date.circa || parsed.circa
        if date.season == nil { date.season = parsed.season }
      }
      return date
    default:
      return nil
    }
  }

  // MARK: - Writing

  /// Writes references in canonical form: items in the given order; in each item `id` and
  /// `type` first, then every field in alphabetical order; two-space indentation.
  public static func write(_ references: [Reference]) -> String {
    guard !references.isEmpty else { return "[]\n" }
    // Each item is encoded and written on its own (on all cores), in the layout
    // `JSONWriter.write(.array(items))` gives an array of objects; the pieces are then joined.
    let last = references.count - 1
    let pieces = ParallelMap.map(count: references.count, minimumCount: 256, itemsPerChunk: 64) { range in
      range.map { index -> [UInt8] in
        var bytes: [UInt8] = [0x20, 0x20]
        bytes.reserveCapacity(1024)
        JSONByteWriter.writePretty(encode(references[index]), into: &bytes, indent: 1)
        bytes += (index < last ? ",\n" : "\n").utf8
        return bytes
      }
    }
    var output: [UInt8] = Array("[\n".utf8)
    output.reserveCapacity(pieces.reduce(4) { $0 + $1.count })
    for piece in pieces { output += piece }
    output += "]\n".utf8
    return String(decoding: output, as: UTF8.self)
  }

  /// Encodes one reference as a CSL-JSON object in canonical member order.
  public static func encode(_ reference: Reference) -> JSONValue {
    var fields: [String: JSONValue] = reference.extra
    // Room for every member at once spares regrowing (and rehashing) the table.
    fields.reserveCapacity(
      reference.extra.count + reference.variables.count + reference.names.count + reference.dates.count + 1)
    fields["id"] = nil
    fields["type"] = nil
    let missingType = fields.removeValue(forKey: "cited:missing-type") != nil
    for (key, text) in reference.variables {
      fields[key.rawValue] = reference.numericVariables.contains(key) ? .number(text) : .string(text)
    }
    for (key, names) in reference.names { fields[key.rawValue] = .array(names.map(encode)) }
    for (key, date) in reference.dates { fields[key.rawValue] = encode(date) }
    if !reference.forms.isEmpty {
      var multi = reference.extra["multi"]?.objectValue ?? JSONObject()
      let keys = reference.forms.keys.sorted().map { field in
        JSONMember(
          key: field.rawValue,
          value: .object(
            JSONObject(
              (reference.forms[field] ?? [:]).sorted { $0.key < $1.key }.map {
                JSONMember(key: $0.key, value: .string($0.value))
              })))
      }
      multi["_keys"] = .object(JSONObject(keys))
      fields["multi"] = .object(multi)
    }
    var members = [JSONMember(key: "id", value: reference.extra["id"] ?? .string(reference.id))]
    if !missingType { members.append(JSONMember(key: "type", value: .string(reference.type.rawValue))) }
    for key in fields.keys.sorted() {
      if let value = fields[key] { members.append(JSONMember(key: key, value: value)) }
    }
    return .object(JSONObject(members))
  }

  public static func encode(_ name: Name) -> JSONValue {
    var members: [JSONMember] = []
    members.reserveCapacity(4)
    func add(_ key: String, _ value: String?) {
      if let value { members.append(JSONMember(key: key, value: .string(value))) }
    }
    add("family", name.family)
    add("given", name.given)
    add("dropping-particle", name.droppingParticle)
    add("non-dropping-particle", name.nonDroppingParticle)
    add("suffix", name.suffix)
    add("literal", name.literal)
    if name.commaSuffix { members.append(JSONMember(key: "comma-suffix", value: .bool(true))) }
    if name.staticOrdering { members.append(JSONMember(key: "static-ordering", value: .bool(true))) }
    if let parse = name.parseNames { members.append(JSONMember(key: "parse-names", value: .bool(parse))) }
    var extra = name.extra
    var multi = extra.removeValue(forKey: "multi")?.objectValue
    for key in extra.keys.sorted() {
      if let value = extra[key] { members.append(JSONMember(key: key, value: value)) }
    }
    if !name.forms.isEmpty {
      var object = multi ?? JSONObject()
      object["_key"] = .object(
        JSONObject(
          name.forms.keys.sorted().compactMap { tag in
            name.forms[tag].map { JSONMember(key: tag, value: encode($0)) }
          }))
      multi = object
    }
    if let multi { members.append(JSONMember(key: "multi", value: .object(multi))) }
    return .object(JSONObject(members))
  }

  public static func encode(_ date: DateValue) -> JSONValue {
    var extra = date.extra
    if extra.removeValue(forKey: "cited:string-form") != nil, let literal = date.literal {
      return .string(literal)
    }
    if extra.removeValue(forKey: "cited:number-form") != nil, let year = date.parts.first?.year {
      return .number(String(year))
    }
    var members: [JSONMember] = []
    if let raw = date.raw {
      members.append(JSONMember(key: "raw", value: .string(raw)))
    } else if !date.parts.isEmpty {
      let ends: [JSONValue] = date.parts.map { part in
        var numbers: [JSONValue] = []
        if let year = part.year { numbers.append(.number(String(year))) }
        if let month = part.month { numbers.append(.number(String(month))) }
        if let day = part.day { numbers.append(.number(String(day))) }
        return .array(numbers)
      }
      members.append(JSONMember(key: "date-parts", value: .array(ends)))
    }
    if let season = date.season { members.append(JSONMember(key: "season", value: .string(season))) }
    if date.circa { members.append(JSONMember(key: "circa", value: .bool(true))) }
    if let literal = date.literal { members.append(JSONMember(key: "literal", value: .string(literal))) }
    for key in extra.keys.sorted() {
      if let value = extra[key] { members.append(JSONMember(key: key, value: value)) }
    }
    return .object(JSONObject(members))
  }

  // MARK: - Citations

  /// Reads citations: an array of `{id|citationID, noteIndex|properties.noteIndex,
  /// items|citationItems}` objects, or an array of arrays of cites (the test suite's
  /// CITATION-ITEMS), or a flat array of cites (one citation).
  public static func decodeCitations(_ value: JSONValue, file: String) -> ([Citation], [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    guard case .array(let entries) = value else {
      return (
        [],
        [
          Diagnostic(
            .error, code: "citations-shape", message: "citations must be an array",
            location: SourceLocation(file: file, line: 1, column: 1))
        ]
      )
    }
    if entries.allSatisfy({ $0.objectValue.map { $0["items"] == nil && $0["citationItems"] == nil } ?? false })
      && !entries.isEmpty
    {
      return ([Citation(cites: entries.compactMap { $0.objectValue.flatMap(decodeCite) })], diagnostics)
    }
    var citations: [Citation] = []
    for entry in entries {
      switch entry {
      case .array(let cites):
        citations.append(Citation(cites: cites.compactMap { $0.objectValue.flatMap(decodeCite) }))
      case .object(let object):
        var citation = Citation(cites: [])
        citation.id = (object["citationID"] ?? object["id"])?.stringValue
        let note = object["noteIndex"] ?? object["properties"]?.objectValue?["noteIndex"]
        citation.noteIndex = note.flatMap(integer)
        let items = (object["citationItems"] ?? object["items"])?.arrayValue ?? []
        citation.cites = items.compactMap { $0.objectValue.flatMap(decodeCite) }
        citations.append(citation)
      default:
        diagnostics.append(
          Diagnostic(
            .warning, code: "citations-shape", message: "a citation is \(entry.kindName); skipped",
            location: SourceLocation(file: file)))
      }
    }
    return (citations, diagnostics)
  }

  /// Decodes one cite object (`id`, `locator`, `label`, `prefix`, `suffix`,
  /// `suppress-author`, `author-only`, `position`, `near-note`).
  public static func decodeCite(_ object: JSONObject) -> Cite? {
    guard let id = object["id"]?.stringValue else { return nil }
    var cite = Cite(id: id)
    cite.locator = object["locator"]?.stringValue
    cite.label = object["label"]?.stringValue.map(LocatorType.init(rawValue:))
    cite.prefix = object["prefix"]?.stringValue
    cite.suffix = object["suffix"]?.stringValue
    cite.suppressAuthor = object["suppress-author"].map(truthy) ?? false
    cite.authorOnly = object["author-only"].map(truthy) ?? false
    cite.position = object["position"].flatMap(integer).flatMap(CitePosition.init(testSuiteNumber:))
    cite.nearNote = object["near-note"].map(truthy)
    return cite
  }
}
