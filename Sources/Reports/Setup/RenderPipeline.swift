import BibModel
import CSLStyle

/// The whole of `cited render DOC.md` short of writing the file: read the document, its
/// bibliography and style, render. Shared by the CLI and the golden-file tests.
public enum RenderPipeline {
  /// What went wrong before anything could be rendered (exit status 2).
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public var diagnostics: [Diagnostic]
  }

  /// The rendered text and what was found on the way.
  public struct Output: Sendable {
    public var text: String
    public var styleName: String
    public var citationCount: Int
    /// Bibliography and style notices.
    public var setupDiagnostics: [Diagnostic]
    /// False when reading the bibliography skipped or repaired anything (the CLI exits 1).
    public var bibliographyIsClean: Bool
    /// Findings in the document (unknown keys, front matter); warnings make the CLI exit 1.
    public var documentDiagnostics: [Diagnostic]
  }

  /// Renders `document` (a path). Bibliography: `bibliography`, else the front matter's
  /// (relative to the document), else the project's. Style: `style`, else the front matter's,
  /// else the project's default, else `cited-author-date`, found through `catalog`. Locale:
  /// `locale`, else the front matter's `lang`, else the project's. Everything in the
  /// bibliography that can be read is used; with `strict`, a bibliography that did not read
  /// clean is a failure instead. With `checkSources`, the cited sources `cited check` would
  /// flag are reported at their first citation (`CitedSourceCheck`).
  public static func render(
    document: String, style: String?, bibliography: [String], locale: String?, format: DocumentFormat,
    project: Project? = nil, catalog: StyleCatalog = InputFiles.catalog(project: nil),
    locales: LocaleStore = InputFiles.locales(project: nil), strict: Bool = false, checkSources: Bool = false
  ) throws(Failure) -> Output {
    guard let text = InputFiles.read(document) else {
      throw Failure(description: "cannot read '\(document)'", diagnostics: [])
    }
    let (matter, _, _) = FrontMatter.split(text, file: document)
    var given = bibliography
    if given.isEmpty {
      let base = InputFiles.directory(of: document)
      given = matter.bibliography.map { $0.hasPrefix("/") ? $0 : base + "/" + $0 }
    }
    let paths: [String]
    switch InputFiles.bibliographyPaths(given, project: project) {
    case .success(let found): paths = found
    case .failure(let missing): throw Failure(description: missing.description, diagnostics: [])
    }
    let (references, bibliographyDiagnostics) = InputFiles.references(paths)
    let bibliographyIsClean = !bibliographyDiagnostics.contains { $0.severity >= .warning }
    if strict && !bibliographyIsClean {
      throw Failure(description: "the bibliography did not read clean (--strict)", diagnostics: bibliographyDiagnostics)
    }
    let renderer: CSLEngineRenderer
    let styleDiagnostics: [Diagnostic]
    do {
      (renderer, styleDiagnostics) = try StyleChoice.renderer(
        for: style ?? matter.style, projectDefault: project?.style, locale: locale ?? matter.lang ?? project?.locale,
        references: references, catalog: catalog, locales: locales)
    } catch {
      throw Failure(description: error.description, diagnostics: error.diagnostics)
    }
    let result = DocumentRenderer(
      renderer: renderer, knownKeys: Set(references.map(\.id)), referenceKeys: references.map(\.id)
    )
    .render(text, file: document, format: format)
    let rendered: String
    switch format {
    case .html: rendered = HTMLWriter.page(result.doc)
    case .markdown: rendered = MarkdownWriter.document(result.doc)
    case .text: rendered = TextWriter.document(result.doc)
    }
    var documentDiagnostics = result.diagnostics
    if checkSources {
      documentDiagnostics += CitedSourceCheck.findings(
        clusters: result.citations, references: references, file: document)
    }
    return Output(
      text: rendered, styleName: renderer.styleName, citationCount: result.citations.count,
      setupDiagnostics: bibliographyDiagnostics + styleDiagnostics, bibliographyIsClean: bibliographyIsClean,
      documentDiagnostics: documentDiagnostics)
  }
}
