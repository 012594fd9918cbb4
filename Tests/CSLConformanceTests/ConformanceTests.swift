import CSLStyle
import CSLTestSuite
import Foundation
import Testing

/// Runs every fixture of the CSL test suite (../shared/csl/test-suite) against the pass list
/// kept in Resources/passing.txt: a listed fixture that fails, or an unlisted one that passes,
/// fails the test. `UPDATE_PASSING=1 swift test --filter CSLConformance` rewrites the list.
struct ConformanceTests {
  static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let packageRoot = here.deletingLastPathComponent().deletingLastPathComponent()
  static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/csl")
  static let passList = here.appendingPathComponent("Resources/passing.txt")

  static func localeStore(_ directory: URL) -> LocaleStore {
    let path = directory.path
    return LocaleStore { tag in
      try? String(contentsOfFile: path + "/locales-\(tag).xml", encoding: .utf8)
    }
  }

  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: ConformanceTests.shared.appendingPathComponent("test-suite").path),
      "the shared CSL test suite is absent (a user's clone; CI has it)"))
  func suiteMatchesPassList() throws {
    let suite = Self.shared.appendingPathComponent("test-suite")
    let runner = FixtureRunner(locales: Self.localeStore(Self.shared.appendingPathComponent("locales")))
    let names = try FileManager.default.contentsOfDirectory(atPath: suite.path).filter { $0.hasSuffix(".txt") }.sorted()
    var passing: [String] = []
    for name in names {
      let text = try String(contentsOf: suite.appendingPathComponent(name), encoding: .utf8)
      if runner.run(Fixture.parse(text, name: name)).passed { passing.append(name) }
    }
    if ProcessInfo.processInfo.environment["UPDATE_PASSING"] == "1" {
      try (passing.joined(separator: "\n") + "\n").write(to: Self.passList, atomically: true, encoding: .utf8)
      print("wrote \(passing.count) passing fixtures to \(Self.passList.path)")
      return
    }
    let listed = Set(
      try String(contentsOf: Self.passList, encoding: .utf8).split(separator: "\n").map(String.init).filter {
        !$0.isEmpty
      })
    let now = Set(passing)
    let regressions = listed.subtracting(now).sorted()
    let newPasses = now.subtracting(listed).sorted()
    #expect(regressions.isEmpty, "listed fixtures now failing: \(regressions)")
    #expect(newPasses.isEmpty, "fixtures now passing but not listed (run UPDATE_PASSING=1): \(newPasses)")
    print("\(passing.count) of \(names.count) fixtures pass")
  }

  @Test func ownFixturesReportDiagnosticsWithoutCrashing() throws {
    let directory = Self.here.appendingPathComponent("Fixtures")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }
      .sorted()
    #expect(!names.isEmpty)
    for name in names {
      let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      let fixture = Fixture.parse(text, name: name)
      let expected = fixture.sections["DIAGNOSTICS"]?.split(separator: "\n").map(String.init) ?? []
      let parsed = StyleParser.parse(fixture.style, file: name)
      let printed = parsed.diagnostics.map { d in
        "\(d.location?.line ?? 0):\(d.location?.column ?? 0) \(d.severity.rawValue) \(d.code)"
      }
      for line in expected {
        #expect(printed.contains(line), "\(name): expected diagnostic \(line); got \(printed)")
      }
      // Rendering never crashes, whatever the diagnostics.
      let runner = FixtureRunner(locales: LocaleStore(files: [:]))
      _ = runner.run(fixture)
    }
  }

  /// Own regression fixtures with an expected RESULT render exactly that (with the locales the
  /// processor ships, so they run without the shared test data).
  @Test func ownFixturesRenderTheirResult() throws {
    let directory = Self.here.appendingPathComponent("Fixtures")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }
      .sorted()
    let runner = FixtureRunner(locales: LocaleStore(files: EmbeddedLocales.files))
    var checked = 0
    for name in names {
      let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      let fixture = Fixture.parse(text, name: name)
      guard !fixture.result.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
      let result = runner.run(fixture)
      #expect(result.passed, "\(name): expected\n\(result.expected)\ngot\n\(result.actual)")
      checked += 1
    }
    #expect(checked >= 3)
  }
}
