import BibModel
import Foundation
import Testing

@testable import BibFormats

/// `cited bib merge %O %A %B` as a real git merge driver.
@Suite struct GitMergeDriverTests {
  static let git: String? = {
    for candidate in ["/usr/bin/git", "/usr/local/bin/git"]
    where FileManager.default.isExecutableFile(atPath: candidate) {
      return candidate
    }
    return nil
  }()

  static var available: Bool { git != nil && CitedBinary.available }

  @discardableResult
  func git(_ arguments: [String], in directory: URL) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.git ?? "/nonexistent")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  func write(_ text: String, _ directory: URL) throws {
    try Data(text.utf8).write(to: directory.appendingPathComponent("refs.bib"))
  }

  @Test(.enabled(if: available, "needs git and the built cited executable"))
  func entriesAddedOnBothBranchesMergeWhereTextMergeConflicts() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try git(["init", "-q", "-b", "main"], in: directory)
    try git(["config", "user.email", "test@example.org"], in: directory)
    try git(["config", "user.name", "Test"], in: directory)
    try git(["config", "merge.cited.driver", "\(CitedBinary.path ?? "cited") bib merge %O %A %B"], in: directory)
    try Data("*.bib merge=cited\n".utf8).write(to: directory.appendingPathComponent(".gitattributes"))
    let base = "@book{a,\n  title = {A},\n}\n"
    try write(base, directory)
    try git(["add", "."], in: directory)
    try git(["commit", "-qm", "base"], in: directory)
    try git(["checkout", "-qb", "other"], in: directory)
    try write(base + "\n@book{theirs,\n  title = {Theirs},\n}\n", directory)
    try git(["commit", "-qam", "theirs"], in: directory)
    try git(["checkout", "-q", "main"], in: directory)
    try write("@book{a,\n  title = {A},\n  volume = {2},\n}\n\n@book{ours,\n  title = {Ours},\n}\n", directory)
    try git(["commit", "-qam", "ours"], in: directory)
    #expect(try git(["merge", "-q", "other", "-m", "merge"], in: directory) == 0)
    let merged = BibTeXReader.read(
      String(decoding: try SafeFile.read(directory.appendingPathComponent("refs.bib").path).bytes, as: UTF8.self),
      file: "refs.bib")
    #expect(merged.references.map(\.id) == ["a", "ours", "theirs"])
    #expect(merged.references.first?["volume"] == "2")
  }
}
