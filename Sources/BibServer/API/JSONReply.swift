import BibModel
import HTTPTypes
import Hummingbird
import NIOCore

/// JSON responses: bodies written by BibModel's JSON writer, the version headers.
enum JSONReply {
  static let libraryVersionHeader = HTTPField.Name("Library-Version")

  static func response(
    _ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
  ) -> Response {
    text(
      JSONWriter.write(value) + "\n", contentType: "application/json; charset=utf-8", status: status, headers: headers)
  }

  static func text(
    _ text: String, contentType: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
  ) -> Response {
    var fields = headers
    fields[.contentType] = contentType
    return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }

  /// The header fields carrying the library version.
  static func versionHeaders(_ version: Int) -> HTTPFields {
    var fields = HTTPFields()
    if let name = libraryVersionHeader { fields[name] = String(version) }
    return fields
  }

  /// An entity tag for a version: the number in quotes.
  static func etag(_ version: Int) -> String { "\"\(version)\"" }

  static func diagnostics(_ diagnostics: [Diagnostic]) -> JSONValue {
    .array(
      diagnostics.map { diagnostic in
        var members: [JSONMember] = [
          JSONMember(key: "severity", value: .string(diagnostic.severity.rawValue)),
          JSONMember(key: "code", value: .string(diagnostic.code)),
          JSONMember(key: "message", value: .string(diagnostic.message)),
        ]
        if let location = diagnostic.location, location.line > 0 {
          members.append(JSONMember(key: "line", value: .number(String(location.line))))
          members.append(JSONMember(key: "column", value: .number(String(location.column))))
        }
        if let hint = diagnostic.hint { members.append(JSONMember(key: "hint", value: .string(hint))) }
        return .object(JSONObject(members))
      })
  }

  /// Stored items as one CSL-JSON array (each item's stored text parsed back; an unreadable row
  /// is left out rather than breaking the array).
  static func items(_ items: [StoredItem]) -> JSONValue {
    .array(items.compactMap { try? JSONParser.parse($0.json) })
  }

  static func number(_ value: Int) -> JSONValue { .number(String(value)) }
}
