import Testing

/// The API against SQLite, each test on its own database and port.
@Suite struct SQLiteAPITests {
  @Test func crud() async throws { try await APIScenarios.crud(try await TestServer.sqlite()) }
  @Test func ids() async throws { try await APIScenarios.ids(try await TestServer.sqlite()) }
  @Test func preconditions() async throws { try await APIScenarios.preconditions(try await TestServer.sqlite()) }
  @Test func access() async throws { try await APIScenarios.access(try await TestServer.sqlite()) }
  @Test func revoke() async throws { try await APIScenarios.revoke(try await TestServer.sqlite()) }
  @Test func badInput() async throws { try await APIScenarios.badInput(try await TestServer.sqlite()) }
  @Test func since() async throws { try await APIScenarios.since(try await TestServer.sqlite()) }
  @Test func render() async throws { try await APIScenarios.render(try await TestServer.sqlite()) }
  @Test func importing() async throws { try await APIScenarios.importing(try await TestServer.sqlite()) }
}
