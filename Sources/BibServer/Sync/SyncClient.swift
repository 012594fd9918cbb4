import BibFormats
import BibModel
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The HTTP side of `cited bib pull`/`push`: reads the server's changes since a version and
/// sends one change at a time, replacements and deletions with `If-Match`.
public struct SyncClient: Sendable {
  public var server: String
  public var token: String

  public init(server: String, token: String) {
    self.server = server.hasSuffix("/") ? String(server.dropLast()) : server
    self.token = token
  }

  /// What the server answered to one change.
  public enum Outcome: Sendable, Hashable {
    /// Written: the item's id on the server (a create may have been renamed) and its version.
    case written(id: String, version: Int)
    case deleted
    /// Someone wrote the item since it was pulled (412).
    case stale
    case refused(status: Int, message: String)
  }

  /// What the server changed after `version` (everything for 0): the items written since with
  /// their versions, and the ids deleted since, all as of one library version (read again when
  /// a write landed between the requests). Only changed items cross the network.
  public func changes(since version: Int) async throws -> LibrarySync.Changes {
    for _ in 0..<5 {
      let (itemsBody, itemsVersion) = try await read("/api/items?since=\(version)")
      let (versionsBody, versionsVersion) = try await read("/api/items?since=\(version)&format=versions")
      let (deletedBody, deletedVersion) =
        version == 0 ? ("{}", versionsVersion) : try await read("/api/deleted?since=\(version)")
      guard let current = itemsVersion, current == versionsVersion, current == deletedVersion else { continue }
      let items = BibFormats.read(Array(itemsBody.utf8), format: .cslJSON, file: server).references
      let versions = Self.versions(versionsBody)
      return LibrarySync.Changes(
        libraryVersion: current, items: items, versions: versions, deleted: Self.versions(deletedBody).keys.sorted())
    }
    throw SyncError("the library kept changing while it was read; try again")
  }

  /// A GET that must succeed: its body and `Library-Version`. Anything but 200 stops the sync
  /// (a refused token must not read as an empty library).
  private func read(_ path: String) async throws -> (String, Int?) {
    let (body, version, status) = try await request("GET", path)
    guard status == 200 else { throw SyncError("\(server)\(path) answered \(status): \(body)") }
    return (body, version)
  }

  /// `{"id": version}` as a dictionary.
  private static func versions(_ body: String) -> [String: Int] {
    var versions: [String: Int] = [:]
    for member in (try? JSONParser.parse(body))?.objectValue?.members ?? [] {
      versions[member.key] = member.value.stringValue.flatMap { Int($0) }
    }
    return versions
  }

  /// Sends one change.
  public func send(_ change: LibrarySync.Change) async throws -> Outcome {
    switch change {
    case .create(let reference):
      let (body, _, status) = try await request("POST", "/api/items", body: ItemText.json(reference))
      guard status == 201 else { return .refused(status: status, message: body) }
      let created = (try? JSONParser.parse(body))?.objectValue
      let id = created?["created"]?.arrayValue?.first?.stringValue ?? reference.id
      let version = created?["libraryVersion"]?.stringValue.flatMap { Int($0) } ?? 0
      return .written(id: id, version: version)
    case .update(let reference, let expected):
      let (body, version, status) = try await request(
        "PUT", "/api/items/\(WebLinks.path(reference.id))", body: ItemText.json(reference), ifMatch: expected)
      return outcome(status, body: body, written: .written(id: reference.id, version: version ?? 0))
    case .delete(let id, let expected):
      let (body, _, status) = try await request("DELETE", "/api/items/\(WebLinks.path(id))", ifMatch: expected)
      return outcome(status, body: body, written: .deleted)
    }
  }

  private func outcome(_ status: Int, body: String, written: Outcome) -> Outcome {
    switch status {
    case 200, 204: written
    case 412: .stale
    default: .refused(status: status, message: body)
    }
  }

  /// One request: the body, the `Library-Version` header and the status.
  private func request(
    _ method: String, _ path: String, body: String? = nil, ifMatch: Int? = nil
  ) async throws -> (String, Int?, Int) {
    guard let url = URL(string: server + path) else { throw SyncError("not a server address: \(server)") }
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    if let ifMatch { request.setValue("\"\(ifMatch)\"", forHTTPHeaderField: "If-Match") }
    if let body {
      request.httpBody = Data(body.utf8)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    guard let http = response as? HTTPURLResponse else { throw SyncError("\(server) did not answer HTTP") }
    let version = http.value(forHTTPHeaderField: "Library-Version").flatMap { Int($0) }
    return (String(decoding: data, as: UTF8.self), version, http.statusCode)
  }
}

/// A sync that could not be done.
public struct SyncError: Error, Sendable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
