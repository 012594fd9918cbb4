import BibModel
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

  /// The renderer for `spec`; `readFile` reads a style file's text (nil when it does not exist).
  public static func renderer(
    for spec: String?, references: [Reference], readFile: (String) -> String?
  ) throws(Failure) -> any CitationRendering {
    switch spec {
    case nil, "author-date", "cited-author-date":
      return BuiltinCitationRenderer(form: .authorDate, references: references)
    case "notes", "cited-notes", "note":
      return BuiltinCitationRenderer(form: .notes, references: references)
    case .some(let name):
      let candidates = name.hasSuffix(".csl") || name.contains("/") ? [name] : ["Styles/\(name).csl", name]
      for path in candidates {
        guard let text = readFile(path) else { continue }
        let info = try info(ofStyleText: text, file: path)
        return BuiltinCitationRenderer(
          form: info.isNoteStyle ? .notes : .authorDate, references: references,
          styleName: (info.title ?? path) + (info.isNoteStyle ? " (notes form)" : " (author-date form)"))
      }
      throw Failure(description: "no style '\(name)' (looked for \(candidates.joined(separator: ", ")))")
    }
  }
}
