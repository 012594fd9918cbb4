import BibModel
import HTTPTypes
import Hummingbird

/// Every `/api` request needs `Authorization: Bearer TOKEN`: none or an unknown one is 401, a
/// read token asking to change anything is 403. Runs before the body is read.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
  let store: any LibraryStore

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
      throw Self.unauthorized("this API needs 'Authorization: Bearer TOKEN' (cited serve token add NAME --read)")
    }
    let token = String(header.dropFirst("Bearer ".count)).trimmingSpaces()
    guard let scope = try await store.tokenScope(hash: AccessToken.hash(token)) else {
      throw Self.unauthorized("unknown token")
    }
    let reads: Set<HTTPRequest.Method> = [.get, .head, .options]
    if scope == .read && !reads.contains(request.method) {
      throw APIError(.forbidden, "this token may only read; writing needs a token made with --write")
    }
    return try await next(request, context)
  }

  private static func unauthorized(_ message: String) -> APIError {
    APIError(.unauthorized, message, headers: [.wwwAuthenticate: "Bearer"])
  }
}
