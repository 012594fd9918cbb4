import BibFormats
import Foundation
import Testing

@testable import Reports

/// Output files: pieces written one after another make the file, over whatever was there, in a
/// folder made when missing; an HTML page in pieces is the page.
@Suite struct OutputWritingTests {
  @Test func piecesMakeOneFileReplacingTheOld() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cited-out-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/deeper/out.html"
    try InputFiles.write(String(repeating: "old text that is longer ", count: 100), to: path)
    try InputFiles.write(chunks: [Array("<p>".utf8), [], Array("中文 & more".utf8), Array("</p>\n".utf8)], to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "<p>中文 & more</p>\n")
  }

  /// The file is written whole or not at all: nothing of the write is left beside it (no
  /// temporary file, no lock), and a write that fails leaves what was there.
  @Test func aWriteIsAtomicAndAFailedOneLeavesWhatWasThere() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cited-out-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try InputFiles.write(chunks: [Array("one".utf8), Array("two".utf8)], to: folder + "/out.html")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.html"])
    // A folder stands where the file would go: the write fails and the folder keeps its file.
    try FileManager.default.createDirectory(atPath: folder + "/taken", withIntermediateDirectories: true)
    try InputFiles.write("kept", to: folder + "/taken/inside.txt")
    #expect(throws: SafeFileError.self) { try InputFiles.write(chunks: [Array("new".utf8)], to: folder + "/taken") }
    #expect(try String(contentsOfFile: folder + "/taken/inside.txt", encoding: .utf8) == "kept")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["out.html", "taken"])
  }

  @Test func anUnwritablePathIsAnErrorWithTheReason() {
    #expect(throws: SafeFileError.self) {
      try InputFiles.write(chunks: [Array("x".utf8)], to: "/proc/self/cited-cannot-write-here")
    }
  }

  @Test func aPageInPiecesIsThePage() throws {
    let doc = Doc(
      title: "T & <t>", language: "en",
      blocks: [.heading(level: 2, id: "a", content: [.text("A")]), .paragraph([.text("b")])], citations: [])
    let pieces = HTMLWriter.pageChunks(doc)
    #expect(pieces.count == doc.blocks.count + 2)
    #expect(String(decoding: pieces.joined(), as: UTF8.self) == HTMLWriter.page(doc))
    #expect(HTMLWriter.page(doc).contains("<title>T &amp; &lt;t&gt;</title>"))
    #expect(HTMLWriter.page(doc).hasSuffix("</main></body></html>\n"))
  }
}
