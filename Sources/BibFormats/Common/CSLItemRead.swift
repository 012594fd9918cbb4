import BibModel

/// What one element of a CSL-JSON (or CSL-YAML) array reads as on its own, before its id is
/// compared with the rest of the file: each element's is worked out independently (on all
/// cores), then `CSLItemRepair` joins them in file order.
struct CSLItemRead: Sendable {
  /// Zero-based position in the array.
  var offset: Int
  /// The element's kind when it is not an object (nil for an object, the usual case).
  var notObject: String?
  /// Where the object's opening brace was written.
  var place: SourceLocation
  /// The id as written (a string, or a number's text); empty when missing.
  var id: String
  /// The id that keys the item's field places (nil without an `id` member).
  var fieldKey: String?
  /// Where each member's key was written, by key (the last of a repeated key).
  var fieldPlaces: [String: SourceLocation] = [:]
  /// Members written twice.
  var memberDiagnostics: [Diagnostic] = []
  /// The decoded reference (under a placeholder id when the item has none).
  var reference: Reference?
  /// What decoding the item found.
  var diagnostics: [Diagnostic] = []
  /// Dates no calendar has.
  var dateDiagnostics: [Diagnostic] = []

  /// The field places, moved out (the read keeps none).
  mutating func takeFieldPlaces() -> [String: SourceLocation] {
    defer { fieldPlaces = [:] }
    return fieldPlaces
  }

  /// The date findings, moved out (the read keeps none).
  mutating func takeDateDiagnostics() -> [Diagnostic] {
    defer { dateDiagnostics = [] }
    return dateDiagnostics
  }

  /// The id an item without one is decoded under until the whole file has been read and a key
  /// can be generated for it.
  static func placeholder(_ offset: Int) -> String { "\u{1}cited-missing-id-\(offset)" }

  /// `keepsPlaces`: whether to note where each member was written (a render reads none).
  init(_ value: JSONValue, offset: Int, file: String, fieldPlaces keepsPlaces: Bool = true) {
    self.offset = offset
    guard case .object(let object) = value else {
      notObject = value.kindName
      place = SourceLocation(file: file)
      id = ""
      return
    }
    place = SourceLocation(file: file, line: object.line, column: object.column)
    fieldKey = object["id"]?.stringValue
    id = fieldKey ?? ""
    if keepsPlaces {
      fieldPlaces.reserveCapacity(object.members.count)
      for member in object.members where member.line > 0 {
        fieldPlaces[member.key] = SourceLocation(file: file, line: member.line, column: member.column)
      }
    }
    memberDiagnostics = CSLItemRepair.duplicateMembers(object, file: file)
    decode(object, as: id.isEmpty ? Self.placeholder(offset) : nil, file: file)
  }

  /// An item `CSLJSONItem` decoded straight from its bytes: it has its id, and decoding it found
  /// nothing to report.
  init(_ item: CSLJSONItem, offset: Int, file: String, fieldPlaces keepsPlaces: Bool = true) {
    self.offset = offset
    place = SourceLocation(file: file, line: item.line, column: item.column)
    id = item.reference.id
    fieldKey = id
    if keepsPlaces {
      fieldPlaces.reserveCapacity(item.members.count)
      for member in item.members {
        fieldPlaces[member.key] = SourceLocation(file: file, line: member.line, column: member.column)
      }
    }
    dateDiagnostics = CSLItemRepair.impossibleDates(item.reference, at: place)
    reference = item.reference
  }

  /// Decodes the object, under `replacement` as its id when given (a missing or repeated id).
  mutating func decode(_ object: JSONObject, as replacement: String?, file: String) {
    let item = replacement.map { CSLItemRepair.replacingID(object, with: $0) } ?? object
    var found: [Diagnostic] = []
    reference = CSLJSON.decodeReference(item, file: file, diagnostics: &found)
    diagnostics = found
    dateDiagnostics = reference.map { CSLItemRepair.impossibleDates($0, at: place) } ?? []
  }
}
