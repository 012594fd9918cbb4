import BibModel
import HTTPTypes
import Hummingbird

/// A refused request: its status, the reason, and the findings behind it. Nothing is written
/// for any of them (every write's plan runs before anything is stored, in its transaction).
public struct APIError: Error, Sendable, HTTPResponseError {
  public var status: HTTPResponse.Status
  public var message: String
  public var diagnostics: [Diagnostic]
  public var headers: HTTPFields

  public init(
    _ status: HTTPResponse.Status, _ message: String, diagnostics: [Diagnostic] = [], headers: HTTPFields = [:]
  ) {
    self.status = status
    self.message = message
    self.diagnostics = diagnostics
    self.headers = headers
  }

  public func response(from request: Request, context: some RequestContext) throws -> Response {
    var members: [JSONMember] = [JSONMember(key: "error", value: .string(message))]
    if !diagnostics.isEmpty {
      members.append(JSONMember(key: "diagnostics", value: JSONReply.diagnostics(diagnostics)))
    }
    return JSONReply.response(.object(JSONObject(members)), status: status, headers: headers)
  }

  static func stale(_ id: String, current: Int, given: Int) -> APIError {
    APIError(
      .preconditionFailed, "item '\(id)' is at version \(current), not \(given): fetch it again and retry",
      headers: [.eTag: JSONReply.etag(current)])
  }
}
