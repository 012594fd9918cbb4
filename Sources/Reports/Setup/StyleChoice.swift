import BibModel
import CSLEngine
import CSLStyle

/// Chooses the style of a report or document: the one route from a `--style` value to the CSL
/// engine, shared with `cited render`.
///
/// `nil` is the project's default style (`cited.yaml`), else `cited-author-date`; `author-date`
/// and `notes` are short for `cited-author-date` and `cited-notes`; anything else is a path or a
/// name looked up in `catalog` (the project's `Styles/`, the bundled styles, `--styles`,
/// `CITED_STYLES`, Zotero), dependent styles resolved to their parents.
public enum StyleChoice {
  /// Why a style could not be used (exit status 2 in the CLI).
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public var diagnostics: [Diagnostic]
  }

  /// A style ready for the engine.
  public struct Chosen: Sendable {
    public var style: CSL.Style
    /// The style's title, else where it was found.
    public var name: String
    /// The parser's notices (errors included when the style is still usable).
    public var diagnostics: [Diagnostic]
  }

  /// The name `spec` stands for, the aliases and the default applied.
  public static func reference(for spec: String?, projectDefault: String? = nil) -> String {
    switch spec ?? projectDefault {
    case nil, "author-date": return "cited-author-date"
    case "notes": return "cited-notes"
    case .some(let name): return name
    }
  }

  /// Finds and parses the style `spec` names.
  public static func choose(
    _ spec: String?, projectDefault: String? = nil, catalog: StyleCatalog
  ) throws(Failure) -> Chosen {
    let name = reference(for: spec, projectDefault: projectDefault)
    switch catalog.load(name) {
    case .failure(let error):
      throw Failure(description: "style not found: \(error)", diagnostics: [])
    case .success(let loaded):
      guard let style = loaded.style, style.citation != nil else {
        throw Failure(
          description: "\(loaded.found.displayPath): no usable CSL style",
          diagnostics: loaded.diagnostics + [unusable(loaded.found.displayPath)])
      }
      return Chosen(style: style, name: style.info.title ?? loaded.found.displayPath, diagnostics: loaded.diagnostics)
    }
  }

  /// The engine renderer for `spec`, with the locale resolved as `cited render` resolves it.
  public static func renderer(
    for spec: String?, projectDefault: String? = nil, locale: String?, references: [Reference],
    catalog: StyleCatalog, locales: LocaleStore
  ) throws(Failure) -> (CSLEngineRenderer, [Diagnostic]) {
    let chosen = try choose(spec, projectDefault: projectDefault, catalog: catalog)
    let (renderer, localeDiagnostics) = CSLEngineRenderer.make(
      style: chosen.style, styleName: chosen.name, locale: locale, references: references, locales: locales)
    return (renderer, chosen.diagnostics + localeDiagnostics)
  }

  static func unusable(_ file: String) -> Diagnostic {
    Diagnostic(.error, code: "style-unusable", message: "\(file): no usable CSL style (dependent or invalid)")
  }
}
