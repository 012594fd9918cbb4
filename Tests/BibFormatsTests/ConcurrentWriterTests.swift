import BibModel
import Foundation
import Testing

@testable import BibFormats

/// The `cited` executable built next to the tests (skipped with a reason when absent).
enum CitedBinary {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let path: String? = {
    for configuration in ["debug", "release"] {
      let candidate = packageRoot.appendingPathComponent(".build/\(configuration)/cited").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    print(
      "ConcurrentWriterTests/CLITests: skipped — no built 'cited' under \(packageRoot.path)/.build (run swift build)")
    return nil
  }()

  static var available: Bool { path != nil }

  /// Starts `cited ARGS`; returns the process (already running).
  static func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path ?? "/nonexistent")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  static func run(_ arguments: [String]) throws -> Int32 {
    let process = try start(arguments)
    process.waitUntilExit()
    return process.terminationStatus
  }
}

func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("cited-bib-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Several writer processes adding entries to one file: with the lock none is lost; the
/// control without the lock shows that entries can be lost.
@Suite(.serialized) struct ConcurrentWriterTests {
  static let writers = 6

  /// Runs `writers` concurrent `cited bib add` processes; returns how many entries survived.
  func race(locked: Bool) throws -> Int {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let target = directory.appendingPathComponent("shared.bib").path
    var processes: [Process] = []
    for index in 0..<Self.writers {
      let entry = directory.appendingPathComponent("entry\(index).bib")
      try Data("@book{entry\(index), title = {Entry \(index)}, date = {2000}}\n".utf8).write(to: entry)
      var arguments = ["bib", "add", target, entry.path, "--testing-delay-ms", "150"]
      if !locked { arguments.append("--no-lock-for-testing") }
      processes.append(try CitedBinary.start(arguments))
    }
    for process in processes { process.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })
    let bytes = try SafeFile.read(target).bytes
    let result = BibFormats.read(bytes, format: .biblatex, file: target)
    #expect(!result.diagnostics.hasErrors, "the file is never torn")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".lock") || $0.contains(".tmp-") }
    #expect(leftovers.isEmpty, "no lock or temporary files are left behind: \(leftovers)")
    return result.references.count
  }

  @Test(.enabled(if: CitedBinary.available, "needs the built cited executable"))
  func lockedWritersNeverLoseAnEntry() throws {
    for _ in 0..<2 {
      #expect(try race(locked: true) == Self.writers)
    }
  }

  @Test(.enabled(if: CitedBinary.available, "needs the built cited executable"))
  func withoutTheLockEntriesCanBeLost() throws {
    var lost = false
    for _ in 0..<5 where !lost {
      lost = try race(locked: false) < Self.writers
    }
    #expect(lost, "the unlocked control should lose an entry in at least one of five races")
  }
}

/// Refusing to overwrite outside edits, and what the CLI never writes.
@Suite struct SafeWriteTests {
  @Test func writeRefusesWhenTheFileChangedSinceItWasRead() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("f.bib").path
    try SafeFile.atomicWrite(Array("one".utf8), to: path)
    let snapshot = try SafeFile.read(path)
    try SafeFile.atomicWrite(Array("edited outside".utf8), to: path)
    #expect(throws: SafeFileError.self) {
      try SafeFile.write(Array("mine".utf8), to: path, expectedHash: snapshot.hash)
    }
    #expect(try SafeFile.read(path).bytes == Array("edited outside".utf8))
    let fresh = try SafeFile.read(path)
    try SafeFile.write(Array("mine".utf8), to: path, expectedHash: fresh.hash)
    #expect(try SafeFile.read(path).bytes == Array("mine".utf8))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty)
  }

  @Test(.enabled(if: CitedBinary.available, "needs the built cited executable"))
  func convertWritesNothingWhenReadingFailed() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("bad.bib")
    try Data("@book{a, title = {A}}\n@book{b, title = {B\n".utf8).write(to: input)
    let output = directory.appendingPathComponent("out.json").path
    #expect(try CitedBinary.run(["bib", "convert", input.path, output]) == 1)
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test(.enabled(if: CitedBinary.available, "needs the built cited executable"))
  func formatCheckAndMergeExitCodes() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    func file(_ name: String, _ text: String) throws -> String {
      let url = directory.appendingPathComponent(name)
      try Data(text.utf8).write(to: url)
      return url.path
    }
    let messy = try file("messy.bib", "@book{b, title={B}}\n@book{a,title={A}}\n")
    #expect(try CitedBinary.run(["bib", "format", messy, "--check"]) == 1)
    #expect(try CitedBinary.run(["bib", "format", messy]) == 0)
    #expect(try CitedBinary.run(["bib", "format", messy, "--check"]) == 0)
    let base = try file("base", "@book{a, title = {A}}\n")
    let ours = try file("ours", "@book{a, title = {A}, volume = {1}}\n")
    let theirs = try file("theirs", "@book{a, title = {A}, pages = {2}}\n")
    #expect(try CitedBinary.run(["bib", "merge", base, ours, theirs]) == 0)
    let merged = BibTeXReader.read(String(decoding: try SafeFile.read(ours).bytes, as: UTF8.self), file: ours)
    #expect(merged.references.first?["volume"] == "1")
    #expect(merged.references.first?["page"] == "2")
    let conflicting = try file("theirs2", "@book{a, title = {A}, volume = {9}}\n")
    let out = directory.appendingPathComponent("out.bib").path
    #expect(try CitedBinary.run(["bib", "merge", base, ours, conflicting, "-o", out]) == 1)
    let text = String(decoding: try SafeFile.read(out).bytes, as: UTF8.self)
    #expect(text.contains("<<<<<<< ours") && text.contains("volume = {9}"))
  }
}
