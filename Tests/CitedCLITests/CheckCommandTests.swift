import Foundation
import Testing

/// The `cited` binary in the build folder that holds this test bundle.
enum CheckCommandBinary {
  static var url: URL? {
    var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("cited")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder.deleteLastPathComponent()
    }
    return nil
  }
}

/// Runs the `cited` executable built next to the test bundle on the fixture knowledge bases.
@Suite(.enabled(if: CheckCommandBinary.url != nil, "needs the cited binary built next to the test bundle"))
struct CheckCommandTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("KnowledgeBaseTests/Fixtures").path

  static var binary: URL? { CheckCommandBinary.url }

  struct Run {
    var status: Int32
    var output: String
    var errors: String
  }

  /// Runs `executable` (default: the built `cited`) with `arguments` in `folder`, in
  /// `environment` where one is given.
  static func run(
    _ arguments: [String], in folder: String, executable: URL? = nil, environment: [String: String]? = nil
  ) throws -> Run? {
    guard let binary = executable ?? binary else { return nil }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    if let environment { process.environment = environment }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      errors: String(decoding: errorData, as: UTF8.self))
  }

  static func digest(_ folder: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for case let path as String in FileManager.default.enumerator(atPath: folder)?.allObjects ?? [] {
      var isDirectory: ObjCBool = false
      let full = folder + "/" + path
      if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
        result[path] = FileManager.default.contents(atPath: full)
      }
    }
    return result
  }

  @Test func brokenKnowledgeBaseExitsOneNamingEveryPlaceAndWritesNothing() throws {
    let folder = Self.fixtures + "/broken"
    let before = try Self.digest(folder)
    guard let run = try Self.run(["check", "--today", "2026-01-01"], in: folder) else { return }
    #expect(run.status == 1)
    #expect(run.output.contains("Knowledge/lsg/dangling.yaml\n  9:19: error: unknown citation key 'caixin2041'"))
    #expect(run.output.contains("Knowledge/lsg/syntax.yaml\n  4:7: error: found unexpected end of stream"))
    #expect(run.output.contains("Knowledge/lsg/unsourced.yaml\n  7:7: error: statement unsourced.established #1"))
    #expect(run.output.contains("statements without a source: 1"))
    #expect(try Self.digest(folder) == before)
  }

  @Test func githubAndSarifFormats() throws {
    let folder = Self.fixtures + "/broken"
    guard let github = try Self.run(["check", "--format", "github"], in: folder),
      let sarif = try Self.run(["check", "--format", "sarif"], in: folder)
    else { return }
    #expect(github.status == 1)
    #expect(github.output.contains("::error file=Knowledge/lsg/dangling.yaml,line=9,col=19,title=unknown-source::"))
    #expect(sarif.status == 1)
    let json = try JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any]
    #expect(json?["version"] as? String == "2.1.0")
  }

  @Test func theExampleIsCleanAndStrictCountsWarnings() throws {
    let folder = Self.fixtures + "/example"
    guard let clean = try Self.run(["check"], in: folder),
      let strict = try Self.run(["check", "--strict", "--severity", "unsourced-statement=warning"], in: folder)
    else { return }
    #expect(clean.status == 0)
    #expect(strict.status == 0)
    guard let exempt = try Self.run(["check", "--strict", "--severity", "uncited-source=warning"], in: folder)
    else { return }
    #expect(exempt.status == 0)
  }

  @Test func usageErrorsAndUnreadableInputExitTwo() throws {
    let folder = Self.fixtures + "/example"
    for arguments in [
      ["check", "--bogus"], ["check", "--disable", "no-such-rule"], ["check", "--severity", "conflict=fatal"],
      ["check", "--knowledge", "nowhere"], ["check", "--bibliography", "missing.json"], ["kb", "show", "nobody"],
    ] {
      guard let run = try Self.run(arguments, in: folder) else { return }
      #expect(run.status == 2, "\(arguments)")
      #expect(!run.errors.isEmpty, "\(arguments)")
    }
  }

  @Test func kbListAndShow() throws {
    let folder = Self.fixtures + "/example"
    guard let list = try Self.run(["kb", "list"], in: folder),
      let show = try Self.run(["kb", "show", "cfeac"], in: folder)
    else { return }
    #expect(list.status == 0)
    #expect(list.output.contains("cfeac       lsg     Central Financial and Economic Affairs Commission  5"))
    #expect(show.status == 0)
    #expect(show.output.contains("← [miller2014] Miller, Alice (2014). More Already on the Central Committee's"))
  }
}

/// `cited check --cache`: a second run over the same input prints the first run's output; any
/// change to the input, and a damaged cache, go back to checking.
@Suite(.enabled(if: CheckCommandBinary.url != nil, "needs the cited binary built next to the test bundle"))
struct CheckCacheCommandTests {
  /// A copy of the example project in a temporary folder.
  static func project() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cited-cache-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: CheckCommandTests.fixtures + "/example", toPath: folder)
    return folder
  }

  @Test func aRepeatedCheckPrintsWhatAFreshCheckPrints() throws {
    let folder = try Self.project()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let arguments = ["check", "--today", "2026-01-01", "--severity", "uncited-source=error"]
    guard let fresh = try CheckCommandTests.run(arguments, in: folder),
      let first = try CheckCommandTests.run(arguments + ["--cache"], in: folder),
      let second = try CheckCommandTests.run(arguments + ["--cache", "--timings"], in: folder)
    else { return }
    #expect(FileManager.default.fileExists(atPath: folder + "/.cited/check-cache"))
    #expect(second.errors.contains("cached output"))
    for run in [first, second] {
      #expect(run.output == fresh.output)
      #expect(run.status == fresh.status)
    }
    // Other options are another check: not the cached one.
    guard
      let json = try CheckCommandTests.run(
        ["check", "--today", "2026-01-01", "--format", "json", "--cache"], in: folder)
    else { return }
    #expect(json.output.hasPrefix("{"))
  }

  @Test func anEditedFileOrADamagedCacheIsCheckedAgain() throws {
    let folder = try Self.project()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let arguments = ["check", "--today", "2026-01-01", "--cache", "--timings"]
    guard let before = try CheckCommandTests.run(arguments, in: folder) else { return }
    #expect(before.status == 0)
    // A new entity file with an unsourced statement: same sizes elsewhere, one more file.
    let added = folder + "/Knowledge/person/added.yaml"
    try "id: added\nkind: person\nlabels:\n  en: Added Person\nstatements:\n  born:\n    - value: \"1950\"\n"
      .write(toFile: added, atomically: false, encoding: .utf8)
    guard let edited = try CheckCommandTests.run(arguments, in: folder),
      let fresh = try CheckCommandTests.run(["check", "--today", "2026-01-01"], in: folder)
    else { return }
    #expect(!edited.errors.contains("cached output"))
    #expect(edited.output == fresh.output)
    #expect(edited.output != before.output)
    // A damaged entry is ignored and replaced.
    let cache = folder + "/.cited/check-cache"
    var bytes = try #require(FileManager.default.contents(atPath: cache))
    bytes[bytes.count - 2] ^= 0x20
    try bytes.write(to: URL(fileURLWithPath: cache))
    guard let afterDamage = try CheckCommandTests.run(arguments, in: folder),
      let repaired = try CheckCommandTests.run(arguments, in: folder)
    else { return }
    #expect(!afterDamage.errors.contains("cached output"))
    #expect(afterDamage.output == fresh.output)
    #expect(repaired.errors.contains("cached output"))
    #expect(repaired.output == fresh.output)
  }
}
