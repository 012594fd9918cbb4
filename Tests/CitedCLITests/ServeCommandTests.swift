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
