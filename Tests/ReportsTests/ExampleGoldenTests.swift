import Testing

@testable import Reports

/// The rendered examples in Docs/examples/ are golden files: this fails when they are stale.
/// Regenerate them with scripts/render-examples.sh.
@Suite struct ExampleGoldenTests {
  /// The package root, from this file's path (Tests/ReportsTests/…).
  static let root: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    parts.removeLast(3)
    return parts.joined(separator: "/")
  }()

  static let cases: [(style: String, format: DocumentFormat, ext: String)] = [
    ("author-date", .html, "html"), ("author-date", .markdown, "md"), ("notes", .html, "html"),
    ("notes", .markdown, "md"),
  ]

  @Test(arguments: 0..<4)
  func committedExampleIsCurrent(index: Int) throws {
    let (style, format, ext) = Self.cases[index]
    let output = try RenderPipeline.render(
      document: Self.root + "/Docs/examples/lsg-article.md", style: Self.root + "/Styles/cited-\(style).csl",
      bibliography: [], locale: nil, format: format)
    #expect(output.documentDiagnostics.isEmpty, "\(output.documentDiagnostics)")
    let path = Self.root + "/Docs/examples/lsg-article.\(style).\(ext)"
    let committed = InputFiles.read(path)
    #expect(committed != nil, "missing \(path); run scripts/render-examples.sh")
    #expect(committed == output.text, "\(path) is stale; run scripts/render-examples.sh")
  }

  @Test func exampleCitesOnlyKnownKeysAndKeepsTheSeedProse() throws {
    let output = try RenderPipeline.render(
      document: Self.root + "/Docs/examples/lsg-article.md", style: Self.root + "/Styles/cited-author-date.csl",
      bibliography: [], locale: nil, format: .text)
    #expect(output.citationCount >= 15)
    #expect(output.text.contains("According to Zhou Wang (2015) (associate professor"))
    #expect(output.text.contains("Leading small groups\" (LSG, 领导小组 lingdao xiaozu)"))
    #expect(output.text.contains("Miller, Alice. 2008."))
  }
}
