import Foundation
import Testing

/// The web page in a real browser: `Browser/web_page.py` drives headless Chromium through its
/// DevTools protocol against a `cited serve` it starts (sign in, import, edit with the version
/// check, search, render, hostile values as text). Installed by `scripts/setup.sh --browser`.
@Suite struct BrowserTests {
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Browser/web_page.py").path

  /// Chromium on PATH.
  static let chromium: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    .flatMap { folder in ["chromium", "chromium-browser"].map { "\(folder)/\($0)" } }
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// Whether `python3` can import `websockets`.
  static let websockets: Bool = {
    let probe = try? CheckCommandTests.run(
      ["python3", "-c", "import websockets"], in: "/", executable: URL(fileURLWithPath: "/usr/bin/env"))
    return probe?.status == 0
  }()

  @Test(
    .enabled(if: ServeCommandTests.serverBuilt, "needs cited-server built beside cited"),
    .enabled(if: chromium != nil, "needs chromium on PATH (bash scripts/setup.sh --browser)"),
    .enabled(if: websockets, "needs python3 with websockets (bash scripts/setup.sh --browser)"),
    .timeLimit(.minutes(6)))
  func webPageInHeadlessChromium() throws {
    let cited = try #require(CheckCommandTests.binary)
    let chromium = try #require(Self.chromium)
    let out = try ProjectDiscoveryTests.temporaryFolder("browser-shots")
    defer { try? FileManager.default.removeItem(atPath: out) }
    let run = try #require(
      try CheckCommandTests.run(
        ["python3", Self.script, "--cited", cited.path, "--chromium", chromium, "--out", out], in: out,
        executable: URL(fileURLWithPath: "/usr/bin/env")))
    #expect(run.status == 0, "\(run.output)\(run.errors)")
    #expect(run.output.contains("passed"))
    for shot in ["library.png", "edit-refused.png", "hostile-item.png"] {
      let png = FileManager.default.contents(atPath: out + "/" + shot) ?? Data()
      #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000, "\(shot): a screenshot")
    }
  }
}
