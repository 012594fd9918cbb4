import BibModel

/// The `csl` field convention: what BibLaTeX cannot express natively travels as exact CSL-JSON.
///
/// The blob is a JSON object of CSL-JSON members (`{"title": "a--b"}`; `"cited:absent"` lists
/// members to remove)
/// plus `"cited:native"`: for each member, a hash of the value the native fields read as when
/// the blob was written. When a user edits the native field by hand, the hashes no longer
/// match and the edit wins (with a warning) — a stale blob never overrides a real change.
/// RIS uses the same blob in an `N1  - cited-csl: {…}` line.
enum CSLBlob {
  static let nativeKey = "cited:native"
  /// Members the native fields produce but the reference does not have.
  static let absentKey = "cited:absent"

  /// A short stable hash of a member value (absent → "-").
  static func hash(_ value: JSONValue?) -> String {
    guard let value else { return "-" }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in JSONWriter.write(value, pretty: false).utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  static func members(_ reference: Reference) -> [String: JSONValue] {
    var table: [String: JSONValue] = [:]
    for member in CSLJSON.encode(reference).objectValue?.members ?? [] where member.key != "id" {
      table[member.key] = member.value
    }
    return table
  }

  /// The blob that turns `native` back into `wanted`, or nil when they already agree.
  static func make(wanted: Reference, native: Reference) -> JSONObject? {
    // Most entries read back as they were written. Equal references encode to equal members
    // (encoding is a function of the reference, and both comparisons treat strings alike):
    // the two encodings and their tables cost some 120,000 instructions an entry.
    var renamed = native
    renamed.id = wanted.id
    if renamed == wanted { return wanted.id == native.id ? nil : renamedBlob(wanted: wanted, native: native) }
    return makeByMembers(wanted: wanted, native: native)
  }

  /// `make` by comparing the two references' encoded members, whatever they are (the
  /// reference for the shortcut above; tests compare).
  static func makeByMembers(wanted: Reference, native: Reference) -> JSONObject? {
    let want = members(wanted)
    let have = members(native)
    var blob = JSONObject()
    var hashes = JSONObject()
    var absent: [JSONValue] = []
    for key in Set(want.keys).union(have.keys).sorted() where want[key] != have[key] {
      if let value = want[key] { blob[key] = value } else { absent.append(.string(key)) }
      hashes[key] = .string(hash(have[key]))
    }
    if !absent.isEmpty { blob[absentKey] = .array(absent) }
    if wanted.id != native.id {
      // A key the format cannot write as is (BibTeX keys cannot hold braces, commas, spaces…).
      blob["id"] = .string(wanted.id)
      hashes["id"] = .string(hash(.string(native.id)))
    }
    guard !blob.members.isEmpty else { return nil }
    blob[nativeKey] = .object(hashes)
    return blob
  }

  /// The blob of a reference that reads back whole but for its id.
  private static func renamedBlob(wanted: Reference, native: Reference) -> JSONObject {
    var blob = JSONObject()
    blob["id"] = .string(wanted.id)
    blob[nativeKey] = .object(JSONObject(["id": .string(hash(.string(native.id)))]))
    return blob
  }

  /// Applies a blob to the native reading; returns warnings for stale members.
  static func apply(
    _ blob: JSONObject, to native: Reference, location: SourceLocation?
  ) -> (Reference, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var table = members(native)
    let hashes = blob[nativeKey]?.objectValue
    var changed = false
    var id = native.id
    var changes = blob.members.filter { $0.key != nativeKey && $0.key != absentKey }
    for key in blob[absentKey]?.arrayValue?.compactMap(\.stringValue) ?? [] {
      changes.append(JSONMember(key: key, value: .null))
    }
    for member in changes {
      if member.key == "id" {
        if let wanted = member.value.stringValue, hashes?["id"]?.stringValue == hash(.string(native.id)) {
          id = wanted
        }
        continue
      }
      let stored = hashes?[member.key]?.stringValue
      if let stored, stored != hash(table[member.key]) {
        diagnostics.append(
          Diagnostic(
            .warning, code: "csl-blob-stale",
            message: "'\(member.key)' was edited since the 'csl' field was written; the edited field wins",
            location: location, hint: "remove \"\(member.key)\" from the 'csl' field to silence this"))
        continue
      }
      changed = true
      let removal = member.value == .null && blob[member.key] == nil
      if removal { table[member.key] = nil } else { table[member.key] = member.value }
    }
    guard changed else {
      var renamed = native
      renamed.id = id
      return (renamed, diagnostics)
    }
    var members = [JSONMember(key: "id", value: .string(native.id))]
    if let type = table.removeValue(forKey: "type") { members.append(JSONMember(key: "type", value: type)) }
    for key in table.keys.sorted() {
      if let value = table[key] { members.append(JSONMember(key: key, value: value)) }
    }
    var ignored: [Diagnostic] = []
    guard var reference = CSLJSON.decodeReference(JSONObject(members), file: "", diagnostics: &ignored) else {
      return (native, diagnostics)
    }
    reference.id = id
    return (reference, diagnostics)
  }

  /// JSON text safe inside a BibTeX braced value: braces inside strings are `\u007b`/`\u007d`.
  static func bibtexText(_ blob: JSONObject, ascii: Bool = false) -> String {
    let json = JSONWriter.write(.object(blob), pretty: false)
    return ascii ? bibtexTextByScalars(json, ascii: true) : bibtexTextByBytes(json)
  }

  /// `bibtexText` of the JSON text without `ascii`, on its UTF-8: every byte tested is ASCII
  /// and a scalar beyond ASCII is copied as its bytes. (Appending scalar by scalar cost some
  /// 570 instructions a scalar.)
  static func bibtexTextByBytes(_ json: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(json.utf8.count + 16)
    var inString = false
    var escaped = false
    for byte in json.utf8 {
      if inString {
        if escaped {
          escaped = false
        } else if byte == 0x5C {
          escaped = true
        } else if byte == 0x22 {
          inString = false
        } else if byte == 0x7B || byte == 0x7D {
          output.append(utf8: byte == 0x7B ? "\\u007b" : "\\u007d")
          continue
        }
      } else if byte == 0x22 {
        inString = true
      }
      output.append(byte)
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// `bibtexText` of the JSON text scalar by scalar (the reference for the byte path).
  static func bibtexTextByScalars(_ json: String, ascii: Bool) -> String {
    var output = String.UnicodeScalarView()
    var inString = false
    var escaped = false
    func escape(_ value: UInt32) {
      let hex = String(value, radix: 16)
      output.appendEach(("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
    }
    // Scalars, not Characters: a brace followed by a combining mark is one Character.
    for scalar in json.unicodeScalars {
      if inString {
        if escaped {
          escaped = false
        } else if scalar == "\\" {
          escaped = true
        } else if scalar == "\"" {
          inString = false
        } else if scalar == "{" || scalar == "}" {
          escape(scalar.value)
          continue
        } else if ascii && !scalar.isASCII {
          for unit in String(scalar).utf16 { escape(UInt32(unit)) }
          continue
        }
      } else if scalar == "\"" {
        inString = true
      }
      output.append(scalar)
    }
    return String(output)
  }

  static func parse(_ text: String) -> JSONObject? {
    (try? JSONParser.parse(text))?.objectValue
  }
}
