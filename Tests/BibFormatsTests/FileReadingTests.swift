import BibModel
import Foundation
import Testing

@testable import BibFormats

/// Reading bibliography files: bytes straight from the file, and one file's result taken
/// whole where the merge of several would give the same.
@Suite struct FileReadingTests {
  @Test(arguments: [0, 1, 4095, 4096, 65_537, 1_000_003])
  func contentsAreTheFileBytes(size: Int) throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("f.json").path
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 251) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(SafeFile.contents(path) == bytes)
  }

  @Test func aFolderOrAMissingFileHasNoContents() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(SafeFile.contents(directory.path) == nil)
    #expect(SafeFile.contents(directory.appendingPathComponent("missing.json").path) == nil)
  }

  static func items(_ ids: [String]) -> [UInt8] {
    let members = ids.map { #"{"id":"\#($0)","type":"book","title":"On \#($0)","issued":{"date-parts":[[2001]]}}"# }
    return Array(("[\n" + members.joined(separator: ",\n") + "\n]\n").utf8)
  }

  /// One file read alone gives what it gives merged with an empty second file (the merge path),
  /// places and repairs included, repeated ids too.
  @Test(arguments: [["a", "b", "c"], ["a", "b", "a", "a"], [], ["x"]])
  func aLoneFileReadsAsTheMergeWould(ids: [String]) {
    let file = BibliographyFiles.File(path: "one.json", bytes: Self.items(ids))
    let empty = BibliographyFiles.File(path: "empty.json", bytes: Array("[]".utf8))
    let alone = BibliographyFiles.read([file])
    let merged = BibliographyFiles.read([file, empty])
    #expect(alone.references == merged.references)
    #expect(alone.references.count == ids.count)
    #expect(alone.document.locations == merged.document.locations)
    #expect(alone.document.fieldLocations == merged.document.fieldLocations)
    #expect(alone.diagnostics == merged.diagnostics)
    #expect(alone.document.blocks.isEmpty)
  }

  /// Pieces are gathered into large writes: whatever their sizes (empty, small, around and
  /// above the gathering size), the file holds them in order.
  @Test func piecesOfEverySizeAreWrittenInOrder() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("out.html").path
    let sizes =
      [0, 1, 3_000, 0, (1 << 20) - 1, 2, 1 << 20, 5, (1 << 20) + 7, 4_096, 1]
      + Array(repeating: 2_999, count: 700)
    let pieces = sizes.enumerated().map { index, size in
      [UInt8](repeating: UInt8(truncatingIfNeeded: index &* 7 &+ 1), count: size)
    }
    try SafeFile.atomicWrite(chunks: pieces, to: path)
    #expect(SafeFile.contents(path) == pieces.flatMap { $0 })
  }
}
