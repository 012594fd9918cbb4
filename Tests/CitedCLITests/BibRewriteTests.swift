import Foundation
import Testing

/// Commands that rewrite the file they read leave it untouched when reading it reported an
/// error, and still write the repairs of a file that only had warnings.
@Suite struct BibRewriteTests {
  /// One folder per test process, removed when the process exits.
  static let scratch: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cited-rewrite-tests-\(ProcessInfo.processInfo.processIdentifier)")
    atexit { try? FileManager.default.removeItem(at: BibRewriteTests.scratch) }
    return url
  }()

  static func folder() throws -> String {
    let path = Self.scratch.appendingPathComponent("rewrite-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func aFileWithErrorsIsNotRewrittenInPlace() throws {
    let folder = try Self.folder()
    let broken = "@article{a, title={One}}\n@article{b, title = {Two {x, year=2000,\n@article{c, title={Three}}\n"
    let path = folder + "/refs.bib"
    try broken.write(toFile: path, atomically: false, encoding: .utf8)
    for arguments in [["bib", "format", "refs.bib"], ["bib", "keys", "refs.bib", "--apply"]] {
      guard let run = try CheckCommandTests.run(arguments, in: folder) else { return }
      #expect(run.status == 1, "\(arguments)")
      #expect(run.errors.contains("refs.bib:2:"), "\(arguments): \(run.errors)")
      #expect(try String(contentsOfFile: path, encoding: .utf8) == broken, "\(arguments) changed the file")
    }
  }

  @Test func repairsAreWrittenInPlace() throws {
    let folder = try Self.folder()
    let path = folder + "/refs.bib"
    try "@article{a, title={One}}\n@article{a, title={Two}}\n".write(toFile: path, atomically: false, encoding: .utf8)
    guard let run = try CheckCommandTests.run(["bib", "format", "refs.bib"], in: folder) else { return }
    #expect(run.status == 1)
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written.contains("a-2") && written.contains("Two"))
  }
}
