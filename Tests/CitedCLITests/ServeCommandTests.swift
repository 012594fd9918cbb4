import Foundation
import Testing

/// `cited serve` runs `cited-server` from its own folder with the same arguments.
@Suite(.enabled(if: CheckCommandTests.binary != nil, "needs the cited binary built next to the tests"))
struct ServeCommandTests {
  static var serverBuilt: Bool {
    CheckCommandTests.binary.map {
      FileManager.default.isExecutableFile(
        atPath: $0.deletingLastPathComponent().appendingPathComponent("cited-server").path)
    } ?? false
  }

  @Test(.enabled(if: serverBuilt, "needs cited-server built beside cited"))
  func tokenAddPrintsATokenOnceAndCreatesTheProjectDatabase() throws {
    let folder = try ProjectDiscoveryTests.temporaryFolder("serve-token")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for sub in ["Knowledge", "Bibliography"] {
      try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
    }
    let first = try #require(try CheckCommandTests.run(["serve", "token", "add", "alice", "--write"], in: folder))
    #expect(first.status == 0, "\(first.errors)")
    let token = first.output.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(token.hasPrefix("cited_") && token.count == 70, "\(token)")
    #expect(FileManager.default.fileExists(atPath: folder + "/.cited/library.sqlite"))
    let database = try Data(contentsOf: URL(fileURLWithPath: folder + "/.cited/library.sqlite"))
    #expect(database.range(of: Data(token.utf8)) == nil, "only the token's hash is stored")
    let second = try #require(try CheckCommandTests.run(["serve", "token", "add", "bob", "--read"], in: folder))
    #expect(second.status == 0)
    #expect(second.output != first.output)
  }

  @Test(.enabled(if: serverBuilt, "needs cited-server built beside cited"))
  func withoutAProjectOrADatabaseItSaysWhatToPass() throws {
    let folder = try ProjectDiscoveryTests.temporaryFolder("serve-noproject")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try #require(try CheckCommandTests.run(["serve", "token", "add", "x", "--read"], in: folder))
    #expect(run.status == 2)
    #expect(run.errors.contains("--database"))
  }

  @Test(
    .enabled(if: serverBuilt, "needs cited-server built beside cited"),
    .enabled(if: ProcessInfo.processInfo.environment["CITED_TOKEN"] == nil, "CITED_TOKEN is set in this environment"))
  func bibPullRunsTheServerBinaryAndNeedsAToken() throws {
    let folder = try ProjectDiscoveryTests.temporaryFolder("serve-pull")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try #require(
      try CheckCommandTests.run(["bib", "pull", "--server", "http://127.0.0.1:9", "--file", "x.json"], in: folder))
    #expect(run.status == 2)
    #expect(run.errors.contains("CITED_TOKEN"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/x.json"), "nothing written")
  }

  @Test func withoutTheServerBinaryItSaysHowToBuildIt() throws {
    let binary = try #require(CheckCommandTests.binary)
    let folder = try ProjectDiscoveryTests.temporaryFolder("serve-alone")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.copyItem(atPath: binary.path, toPath: folder + "/cited")
    let run = try #require(
      try CheckCommandTests.run(
        ["serve", "--port", "1"], in: folder, executable: URL(fileURLWithPath: folder + "/cited")))
    #expect(run.status == 2)
    #expect(run.errors.contains("swift build --product cited-server"))
  }
}

/// `cited serve token list|revoke`, against a `cited serve` running in its own process.
@Suite(.enabled(if: ServeCommandTests.serverBuilt, "needs cited-server built beside cited"))
struct ServeTokenCommandTests {
  @Test func listShowsNoSecretAndRevokeRefusesTheRunningServersNextRequest() async throws {
    let folder = try ProjectDiscoveryTests.temporaryFolder("serve-revoke")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let database = ["--database", "sqlite:" + folder + "/library.sqlite"]
    func cited(_ arguments: [String]) throws -> CheckCommandTests.Run {
      try #require(try CheckCommandTests.run(["serve", "token"] + arguments + database, in: folder))
    }
    let alice = try cited(["add", "alice", "--write"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(try cited(["add", "bob", "--read"]).status == 0)
    let again = try cited(["add", "alice", "--read"])
    #expect(again.status == 2 && again.errors.contains("revoke it first"), "a name names one token")
    let list = try cited(["list"])
    #expect(list.status == 0)
    let rows = list.output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    #expect(rows.map { $0.prefix(2) } == [["name", "scope"], ["alice", "write"], ["bob", "read"]], "\(list.output)")
    #expect(rows.dropFirst().allSatisfy { ISO8601DateFormatter().date(from: $0.last ?? "") != nil })
    #expect(!list.output.contains(alice) && list.output.range(of: "[0-9a-f]{64}", options: .regularExpression) == nil)

    let server = try await RunningServer.start(arguments: database, in: folder)
    defer { server.stop() }
    #expect(try await server.status("/api/items", token: alice) == 200)
    let revoked = try cited(["revoke", "alice"])
    #expect(revoked.status == 0, "\(revoked.errors)")
    #expect(try await server.status("/api/items", token: alice) == 401, "refused from the next request on")
    #expect(try cited(["revoke", "alice"]).status == 1, "no such token any more")
    #expect(try cited(["list"]).output.contains("alice") == false)
  }
}
