import Foundation
import Testing

@testable import KnowledgeBase

/// Finding a knowledge base's files: every `.yaml` and `.yml` file in the folder and the folders
/// below it, sorted by path; hidden files and folders, other files and links to folders left out.
@Suite struct KnowledgeDirectoryTests {
  /// A fresh folder holding `files` (relative path → text), removed after `body`.
  static func withFolder(_ files: [String: String], _ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cited-kb-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (relative, text) in files {
      let path = folder + "/" + relative
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
    try body(folder)
  }

  @Test func listsYAMLFilesBelowTheFolderSortedByPath() throws {
    let files = [
      "z.yaml": "id: z", "a.yml": "id: a", "notes.txt": "no", "lsg/b.yaml": "id: b", "lsg/deep/c.yaml": "id: c",
      "lsg/B.yaml": "id: B", ".hidden.yaml": "id: h", ".git/d.yaml": "id: d", "lsg/.drafts/e.yaml": "id: e",
      "folder.yaml/f.yaml": "id: f",
    ]
    try Self.withFolder(files) { folder in
      let found = try KnowledgeDirectory.files(in: folder + "/")
      #expect(
        found.map(\.path)
          == [
            "a.yml", "folder.yaml/f.yaml", "lsg/B.yaml", "lsg/b.yaml", "lsg/deep/c.yaml", "z.yaml",
          ].map { folder + "/" + $0 })
      #expect(found.map(\.text) == ["id: a", "id: f", "id: B", "id: b", "id: c", "id: z"])
    }
  }

  @Test func linksAreListedAsFilesAndNeverEntered() throws {
    try Self.withFolder(["inside/a.yaml": "id: a", "target/b.yaml": "id: b"]) { folder in
      try FileManager.default.createSymbolicLink(atPath: folder + "/inside/linked", withDestinationPath: "../target")
      try FileManager.default.createSymbolicLink(
        atPath: folder + "/inside/link.yaml", withDestinationPath: "../target/b.yaml")
      let found = try KnowledgeDirectory.files(in: folder + "/inside")
      #expect(found.map(\.path) == ["a.yaml", "link.yaml"].map { folder + "/inside/" + $0 })
      #expect(found.last?.text == "id: b")
    }
  }

  @Test func aMissingFolderIsAReadError() {
    #expect(throws: KnowledgeDirectory.ReadError.self) {
      try KnowledgeDirectory.files(in: "/nonexistent/cited-\(UUID().uuidString)")
    }
  }
}
