import Foundation
import Testing

/// The real pandoc: LaTeX output, and pandoc's own `--citeproc` against the filter on a small
/// document where the two engines (and citeproc-js) print the same text.
@Suite(
  .enabled(if: PandocTools.pandoc != nil, "needs pandoc (scripts/setup.sh installs it)"),
  .enabled(if: PandocTools.filter != nil, "needs the cited-pandoc binary built next to the test bundle"))
struct PandocAgreementTests {
  static let references = """
    [{"id": "a", "type": "article-journal", "author": [{"family": "Tsai", "given": "Lin"}], "title": "Urban heat",
      "container-title": "Journal of Things", "volume": "3", "page": "1-10", "issued": {"date-parts": [[2019]]}},
     {"id": "b", "type": "book", "author": [{"family": "Zhou", "given": "Wei"}], "title": "A Book",
      "issued": {"date-parts": [[2020]]}, "publisher": "Press", "publisher-place": "Boston"}]
    """

  /// A folder holding `refs.json` and `doc.md` with `meta` in its front matter.
  static func folder(meta: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cited-pandoc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try references.write(to: folder.appendingPathComponent("refs.json"), atomically: false, encoding: .utf8)
    let text = "---\nbibliography: refs.json\n\(meta)---\n\nText [@a, p. 4; @b]. More [-@b]. @a says so.\n"
    try text.write(to: folder.appendingPathComponent("doc.md"), atomically: false, encoding: .utf8)
    return folder
  }

  /// pandoc's output of `doc.md` with `arguments` (the filter or `--citeproc`).
  static func pandoc(_ arguments: [String], meta: String = "") throws -> String {
    guard let pandoc = PandocTools.pandoc else { return "" }
    let folder = try folder(meta: meta)
    defer { try? FileManager.default.removeItem(at: folder) }
    let (status, output, errors) = try PandocTools.run(pandoc, ["doc.md"] + arguments, in: folder)
    #expect(status == 0, "\(errors)")
    return output
  }

  static var filter: [String] { ["--filter", PandocTools.filter?.path ?? "cited-pandoc"] }

  @Test func plainTextAgreesWithPandocsCiteproc() throws {
    let ours = try Self.pandoc(Self.filter + ["-t", "plain"])
    let theirs = try Self.pandoc(["--citeproc", "-t", "plain"])
    #expect(ours.contains("Text (Tsai 2019, 4; Zhou 2020)."))
    #expect(ours == theirs)
  }

  @Test(.enabled(if: PandocTools.hasAPA, "needs ../shared/csl/styles/apa.csl"))
  func apaPlainTextAgreesWithPandocsCiteproc() throws {
    let meta = "csl: \(PandocTools.apa.path)\n"
    let ours = try Self.pandoc(Self.filter + ["-t", "plain"], meta: meta)
    #expect(ours.contains("Tsai, L. (2019)."))
    #expect(ours == (try Self.pandoc(["--citeproc", "-t", "plain"], meta: meta)))
  }

  @Test func latexGetsPandocsReferenceEnvironmentAndLinks() throws {
    let arguments = ["-t", "latex", "--wrap=none"]
    let latex = try Self.pandoc(Self.filter + arguments, meta: "link-citations: true\n")
    #expect(latex.contains("\\begin{CSLReferences}"))
    #expect(latex.contains("\\hypertarget{ref-a}") && latex.contains("\\hypertarget{ref-b}"))
    // Each item of the two-item citation links to its entry; the author named in the text does not.
    #expect(latex.contains("(\\protect\\hyperlink{ref-a}{Tsai 2019, 4}; \\protect\\hyperlink{ref-b}{Zhou 2020})"))
    #expect(latex.contains("Tsai (\\protect\\hyperlink{ref-a}{2019}) says"))
    #expect(!latex.contains("\\cite"))
    #expect(latex == (try Self.pandoc(["--citeproc"] + arguments, meta: "link-citations: true\n")))
  }
}
