import BibModel
import CSLStyle
import Reports

/// Renders references through Cited's engine as `cited render` does: every item cited once,
/// then the bibliography, in HTML (the richest output path).
public enum FuzzRendering {
  public static func render(styleText: String, references: [Reference]) {
    let (renderer, _) = CSLEngineRenderer.make(
      styleText: styleText, file: "fuzz.csl", locale: nil, references: references)
    guard let renderer else { return }
    render(renderer, references: references)
  }

  /// Renders references through the bundled style, parsed once.
  public static func renderWithBundledStyle(_ references: [Reference]) {
    guard let style = parsedStyle else { return }
    let (renderer, _) = CSLEngineRenderer.make(style: style, styleName: "fuzz", locale: nil, references: references)
    render(renderer, references: references)
  }

  static func render(_ renderer: CSLEngineRenderer, references: [Reference]) {
    let citations = references.prefix(64).enumerated().map { offset, reference in
      Citation(id: "c\(offset)", cites: [Cite(id: reference.id, locator: offset % 3 == 0 ? "12-14" : nil)])
    }
    _ = renderer.render(citations, bibliographyKeys: references.map(\.id), format: .html)
  }

  /// A bundled style's text (APA when present, else any).
  public static let style: String =
    EmbeddedStyles.files.first { $0.key.contains("apa") }?.value ?? EmbeddedStyles.files.values.first ?? ""

  static let parsedStyle = StyleParser.parse(style, file: "style.csl").style

  /// A Markdown renderer over the bundled style that knows the two references `a` and `b`.
  public static let document: DocumentRenderer? = {
    guard let style = parsedStyle else { return nil }
    let (renderer, _) = CSLEngineRenderer.make(style: style, styleName: "fuzz", locale: nil, references: references)
    return DocumentRenderer(renderer: renderer, knownKeys: ["a", "b"])
  }()

  /// A few references for style targets.
  public static let references: [Reference] = [
    Reference(
      id: "a", type: "book", variables: ["title": "A Title", "publisher": "Press", "page": "3-19"],
      names: ["author": [Name(family: "Doe", given: "Jane"), Name(family: "Roe", given: "R.")]],
      dates: ["issued": DateValue(year: 2004)]),
    Reference(
      id: "b", type: "article-journal", variables: ["title": "B", "container-title": "J", "volume": "4"],
      names: ["author": [Name(family: "Doe", given: "Jane")]], dates: ["issued": DateValue(year: 2004)]),
  ]
}
