import BibModel
import CSLStyle
import XMLTree

/// Chooses the citation renderer for a `--style` value.
///
/// `nil`, `author-date` or `cited-author-date` is Cited's author-date form; `notes` or
/// `cited-notes` its notes form; anything else names a CSL file (a path, or `NAME` looked up as
/// `Styles/NAME.csl`). Until the CSL engine is linked into Reports, a CSL file contributes its
/// class (in-text or note) and title, and the built-in renderer produces the text.
public enum StyleChoice {
  /// Why a style could not be used (exit status 2 in the CLI).
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// What a style file says about itself.
  public struct StyleInfo: Sendable, Hashable {
    public var title: String?
    public var isNoteStyle: Bool
  }

  /// Reads the class and title of a CSL style.
  public static func info(ofStyleText text: String, file: String) throws(Failure) -> StyleInfo {
    let root: XMLElement
    do {
      root = try XMLTreeParser.parse(text, sourceName: file)
    } catch {
      throw Failure(description: "\(file): not a readable CSL style: \(error)")
    }
    guard root.name == "style" else { throw Failure(description: "\(file): the root element is not <style>") }
    let title = root.firstElement(named: "info")?.firstElement(named: "title")?.textContent
    return StyleInfo(title: title, isNoteStyle: root[attribute: "class"] == "note")
  }

  /// The bundled default style, looked up relative to the working directory.
  public static let defaultStylePath = "Styles/cited-author-date.csl"

  /// The renderer for `spec`; `readFile` reads a style file's text (nil when it does not exist).
  ///
  /// CSL files go through the CSL engine; `builtin-author-date` / `builtin-notes` select the
  /// built-in renderer. With no spec, the bundled `Styles/cited-author-date.csl` is used when it
  /// can be read, else the built-in author-date renderer.
  public static func renderer(
    for spec: String?, locale: String? = nil, references: [Reference],
    locales: LocaleStore = LocaleStore(files: EmbeddedLocales.files), readFile: (String) -> String?
  ) throws(Failure) -> (any CitationRendering, [Diagnostic]) {
    switch spec {
    case "builtin-author-date":
      return (BuiltinCitationRenderer(form: .authorDate, references: references), [])
    case "builtin-notes":
      return (BuiltinCitationRenderer(form: .notes, references: references), [])
    case nil, "author-date", "cited-author-date":
      if let text = readFile(defaultStylePath) {
        return try engine(text, file: defaultStylePath, locale: locale, references: references, locales: locales)
      }
      return (BuiltinCitationRenderer(form: .authorDate, references: references), [])
    case "notes", "cited-notes":
      if let text = readFile("Styles/cited-notes.csl") {
        return try engine(
          text, file: "Styles/cited-notes.csl", locale: locale, references: references, locales: locales)
      }
      return (BuiltinCitationRenderer(form: .notes, references: references), [])
    case .some(let name):
      let candidates = name.hasSuffix(".csl") || name.contains("/") ? [name] : ["Styles/\(name).csl", name]
      for path in candidates {
        guard let text = readFile(path) else { continue }
        return try engine(text, file: path, locale: locale, references: references, locales: locales)
      }
      throw Failure(description: "no style '\(name)' (looked for \(candidates.joined(separator: ", ")))")
    }
  }

  private static func engine(
    _ text: String, file: String, locale: String?, references: [Reference], locales: LocaleStore
  ) throws(Failure) -> (any CitationRendering, [Diagnostic]) {
    let (renderer, diagnostics) = CSLEngineRenderer.make(
      styleText: text, file: file, locale: locale, references: references, locales: locales)
    guard let renderer else {
      throw Failure(description: diagnostics.map(\.description).joined(separator: "\n"))
    }
    return (renderer, diagnostics)
  }
}
