import BibModel
import XMLTree

/// Reads a CSL style from XML into `CSL.Style`, collecting diagnostics (never throwing).
public enum StyleParser {
  /// The result of reading a style: the style (nil when the XML is unreadable) and findings.
  public struct Result: Sendable {
    public var style: CSL.Style?
    public var diagnostics: [Diagnostic]
  }

  /// Parses style text.
  public static func parse(_ text: String, file: String = "style.csl") -> Result {
    let root: XMLElement
    do {
      root = EscapedCharacters.decoded(try XMLTreeParser.parse(text, sourceName: file))
    } catch {
      return Result(
        style: nil,
        diagnostics: [
          Diagnostic(
            .error, code: "xml-syntax", message: error.message,
            location: SourceLocation(file: file, line: error.line, column: error.column))
        ])
    }
    var context = ParseContext(file: file)
    let style = parse(root, context: &context)
    return Result(style: style, diagnostics: context.diagnostics)
  }

  /// Parses an already-read `cs:style` element.
  static func parse(_ root: XMLElement, context: inout ParseContext) -> CSL.Style? {
    guard root.name == "style" else {
      context.report(.error, "csl-root", "the root element is <\(root.name)>, not <style>", at: root)
      return nil
    }
    var reader = ElementReader(context: context)
    var style = CSL.Style()
    reader.context.checkAttributes(
      root,
      [
        "class", "version", "default-locale", "initialize-with-hyphen", "page-range-format",
        "demote-non-dropping-particle", "names-delimiter", "name-form", "name-delimiter", "xml:lang",
      ]
      .reduce(into: ParseContext.nameOptions) { $0.insert($1) })
    if let value = reader.context.value(root, "class", as: CSL.StyleClass.self) {
      style.styleClass = value
    } else if root[attribute: "class"] == nil {
      reader.context.report(.error, "csl-missing", "<style> needs a 'class' attribute", at: root)
    }
    style.version = root[attribute: "version"] ?? "1.0"
    style.defaultLocale = root[attribute: "default-locale"]
    style.initializeWithHyphen = reader.context.bool(root, "initialize-with-hyphen") ?? true
    style.pageRangeFormat = reader.context.value(root, "page-range-format", as: CSL.PageRangeFormat.self)
    style.demoteNonDroppingParticle =
      reader.context.value(root, "demote-non-dropping-particle", as: CSL.DemoteParticle.self) ?? .displayAndSort
    style.nameOptions = reader.context.nameOptions(root, prefixed: true)
    style.namesDelimiter = root[attribute: "names-delimiter"]
    style.multilingual = reader.context.styleMultilingualOptions(root)

    var macroElements: [String: XMLElement] = [:]
    for child in root.elements {
      switch child.name {
      case "info": style.info = reader.info(child)
      case "locale":
        style.locales.append(LocaleParser.parse(child, context: &reader.context))
      case "macro":
        reader.context.checkAttributes(child, ["name"])
        guard let name = child[attribute: "name"] else {
          reader.context.report(.error, "csl-missing", "<macro> needs a 'name'", at: child)
          continue
        }
        if macroElements[name] != nil {
          reader.context.report(.warning, "csl-duplicate-macro", "macro '\(name)' is defined twice", at: child)
        }
        macroElements[name] = child
        style.macros[name] = reader.children(child)
      case "citation": style.citation = reader.citation(child)
      case "bibliography": style.bibliography = reader.bibliography(child)
      default:
        reader.context.report(.error, "csl-unknown-element", "unknown element <\(child.name)> in <style>", at: child)
      }
    }
    if style.citation == nil && style.info.parentLink == nil {
      reader.context.report(.error, "csl-missing", "an independent style needs a <citation>", at: root)
    }
    MacroChecker.check(style: style, macroElements: macroElements, root: root, context: &reader.context)
    context = reader.context
    return style
  }
}
