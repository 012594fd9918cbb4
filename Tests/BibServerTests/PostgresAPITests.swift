import BibServer
import Foundation
import Testing

/// The same API suite against PostgreSQL, each test in a schema of its own, when
/// `CITED_TEST_POSTGRES` names a server (`.ci/run` starts one on loopback).
/// The PostgreSQL server the tests may use.
enum PostgresTestDatabase {
  static let url = ProcessInfo.processInfo.environment["CITED_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
}

@Suite(
  .enabled(
    if: PostgresTestDatabase.url != nil,
    "CITED_TEST_POSTGRES is not set (postgres://USER@127.0.0.1/DB); scripts/setup.sh starts a loopback server"))
struct PostgresAPITests {
  static func server() async throws -> TestServer {
    let base = PostgresTestDatabase.url ?? ""
    let schema = "cited_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    let store = try await PostgresStore(url: base + (base.contains("?") ? "&" : "?") + "schema=" + schema)
    return try await TestServer(store: store)
  }

  @Test func crud() async throws { try await APIScenarios.crud(try await Self.server()) }
  @Test func ids() async throws { try await APIScenarios.ids(try await Self.server()) }
  @Test func preconditions() async throws { try await APIScenarios.preconditions(try await Self.server()) }
  @Test func access() async throws { try await APIScenarios.access(try await Self.server()) }
  @Test func revoke() async throws { try await APIScenarios.revoke(try await Self.server()) }
  @Test func badInput() async throws { try await APIScenarios.badInput(try await Self.server()) }
  @Test func since() async throws { try await APIScenarios.since(try await Self.server()) }
  @Test func render() async throws { try await APIScenarios.render(try await Self.server()) }
  @Test func importing() async throws { try await APIScenarios.importing(try await Self.server()) }
  @Test func concurrentWritersLoseNothing() async throws { try await LoadTests.run(try await Self.server()) }
}
