import Foundation
import Testing

/// `cited render DOC.md --to latex|docx|pdf`: pandoc reads and writes, cited-pandoc's code cites.
@Suite(.enabled(if: CheckCommandTests.binary != nil, "needs the cited binary built next to the tests"))
struct RenderThroughPandocTests {
  static let pandocInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/pandoc")

  /// A folder with a document citing the bundled bibliography from its front matter, relative to it.
  static func folder(_ name: String) throws -> String {
    let folder = try ProjectDiscoveryTests.temporaryFolder("render-pandoc-" + name)
    let bibliography = ReportCommandTests.root + "/Bibliography/lsg-sources.json"
    try FileManager.default.copyItem(atPath: bibliography, toPath: folder + "/refs.json")
    let text = """
      ---
      bibliography: refs.json
      link-citations: true
      ---

      Groups coordinate [see @miller2008, p. 1; @tsai2019]. Literal \\@tsai2019 here.[^1]

      [^1]: A note.
      """
    try text.write(toFile: folder + "/doc.md", atomically: false, encoding: .utf8)
    return folder
  }

  @Test(.enabled(if: pandocInstalled, "needs pandoc (scripts/setup.sh installs it)"))
  func latexAndDocxComeFromPandocWithCitedsCitations() throws {
    let folder = try Self.folder("latex")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // Run from elsewhere: the front matter's bibliography is relative to the document.
    let run = try #require(try CheckCommandTests.run(["render", folder + "/doc.md", "--to", "latex"], in: "/"))
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("\\protect\\hyperlink{ref-miller2008}"))
    #expect(run.output.contains("\\begin{CSLReferences}") && run.output.contains("\\footnote{A note.}"))
    #expect(run.output.contains("Literal\n@tsai2019 here"))
    let docx = try #require(
      try CheckCommandTests.run(["render", "doc.md", "-o", "doc.docx", "--style", "lsg-blog"], in: folder))
    #expect(docx.status == 0, "\(docx.errors)")
    #expect(FileManager.default.contents(atPath: folder + "/doc.docx")?.prefix(2) == Data("PK".utf8))
  }

  @Test func withoutPandocTheMessageSaysSo() throws {
    let folder = try Self.folder("absent")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = try #require(
      try CheckCommandTests.run(
        ["render", "doc.md", "--to", "latex"], in: folder, environment: ["PATH": folder + "/no-such-folder"]))
    #expect(run.status == 2)
    #expect(run.errors.contains("pandoc, which is not installed"))
  }
}
