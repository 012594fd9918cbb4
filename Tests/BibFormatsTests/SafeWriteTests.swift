import BibModel
import Foundation
import Testing

@testable import BibFormats

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
  func convertWritesWhatWasReadAndStrictWritesNothing() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("bad.bib")
    try Data("@book{a, title = {A}}\n@book{b, title = {B\n".utf8).write(to: input)
    let strict = directory.appendingPathComponent("strict.json").path
    #expect(try CitedBinary.run(["bib", "convert", "--strict", input.path, strict]) == 1)
    #expect(!FileManager.default.fileExists(atPath: strict))
    let output = directory.appendingPathComponent("out.json").path
    #expect(try CitedBinary.run(["bib", "convert", input.path, output]) == 1)
    let written = BibFormats.read(
      Array(try Data(contentsOf: URL(fileURLWithPath: output))), format: .cslJSON, file: "o")
    #expect(written.references.map(\.id) == ["a", "b"])
    let clean = directory.appendingPathComponent("clean.bib")
    try Data("@book{a, title = {A}}\n".utf8).write(to: clean)
    #expect(try CitedBinary.run(["bib", "convert", "--strict", clean.path, strict]) == 0)
    // A file refused for its encoding is unreadable input: exit 2, nothing written; --encoding reads it.
    let gbk = directory.appendingPathComponent("gbk.bib")
    try Data(Array("@book{a, title = {".utf8) + [0xD6, 0xD0, 0xCE, 0xC4] + Array("}}\n".utf8)).write(to: gbk)
    let refused = directory.appendingPathComponent("refused.json").path
    #expect(try CitedBinary.run(["bib", "convert", gbk.path, refused]) == 2)
    #expect(!FileManager.default.fileExists(atPath: refused))
    #expect(try CitedBinary.run(["bib", "convert", "--encoding", "gbk", gbk.path, refused]) == 0)
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

  @Test(.enabled(if: CitedBinary.available, "needs the built cited executable"))
  func keysApplyRenamesEntriesAndKnowledgeBaseSources() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let bib = directory.appendingPathComponent("refs.bib")
    try Data("@book{tmp1, author = {Knuth, Donald}, title = {The Art of Programming}, date = {1968}}\n".utf8)
      .write(to: bib)
    let knowledge = directory.appendingPathComponent("kb/person")
    try FileManager.default.createDirectory(at: knowledge, withIntermediateDirectories: true)
    let yaml = knowledge.appendingPathComponent("knuth.yaml")
    try Data("statements:\n  - value: x\n    references:\n      - source: tmp1\n".utf8).write(to: yaml)
    let status = try CitedBinary.run([
      "bib", "keys", bib.path, "--apply", "--knowledge", directory.appendingPathComponent("kb").path,
    ])
    #expect(status == 0)
    let renamed = BibTeXReader.read(String(decoding: try SafeFile.read(bib.path).bytes, as: UTF8.self), file: "r")
    #expect(renamed.references.map(\.id) == ["knuth1968art"])
    #expect(String(decoding: try SafeFile.read(yaml.path).bytes, as: UTF8.self).contains("- source: knuth1968art"))
    let leftovers = try FileManager.default.subpathsOfDirectory(atPath: directory.path).filter {
      $0.hasSuffix(".lock") || $0.contains(".tmp-")
    }
    #expect(leftovers.isEmpty)
  }
}
