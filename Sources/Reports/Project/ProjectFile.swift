import BibModel
internal import Yams

/// `cited.yaml`, a project's small configuration: where its knowledge base and bibliography
/// are, and its default style and locale. Every key is optional; paths are relative to the
/// file's folder. Format: Docs/project.md.
public struct ProjectFile: Sendable, Hashable {
  public var knowledge: String?
  public var bibliography: [String]?
  public var style: String?
  public var locale: String?
  /// The citation-key pattern of `cited bib keys` (`key-pattern`, JabRef syntax).
  public var keyPattern: String?

  public init(
    knowledge: String? = nil, bibliography: [String]? = nil, style: String? = nil, locale: String? = nil,
    keyPattern: String? = nil
  ) {
    self.knowledge = knowledge
    self.bibliography = bibliography
    self.style = style
    self.locale = locale
    self.keyPattern = keyPattern
  }

  /// The keys `cited.yaml` knows.
  public static let keys = ["knowledge", "bibliography", "style", "locale", "key-pattern"]

  /// Reads `cited.yaml`; a value of the wrong shape is an error, an unknown key a warning.
  public static func parse(_ text: String, file: String) -> (ProjectFile, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    func problem(_ severity: Severity, _ message: String, at mark: Mark? = nil) {
      diagnostics.append(
        Diagnostic(
          severity, code: "project-file", message: message,
          location: SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1),
          hint: "see Docs/project.md"))
    }
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch {
      problem(.error, "not readable YAML: \(error)")
      return (ProjectFile(), diagnostics)
    }
    var result = ProjectFile()
    guard let node else { return (result, diagnostics) }
    guard let mapping = node.mapping else {
      problem(.error, "cited.yaml must be a mapping of \(keys.joined(separator: ", "))")
      return (result, diagnostics)
    }
    for (keyNode, value) in mapping {
      let key = keyNode.string ?? ""
      func scalar() -> String? {
        guard let text = value.scalar?.string, !text.isEmpty else {
          problem(.error, "'\(key)' must be a text value", at: value.mark)
          return nil
        }
        return text
      }
      switch key {
      case "knowledge": result.knowledge = scalar()
      case "style": result.style = scalar()
      case "locale": result.locale = scalar()
      case "key-pattern": result.keyPattern = scalar()
      case "bibliography":
        if let list = value.sequence {
          let files = list.compactMap { $0.scalar?.string }.filter { !$0.isEmpty }
          if files.count != list.count { problem(.error, "'bibliography' must list file names", at: value.mark) }
          result.bibliography = files
        } else if let single = scalar() {
          result.bibliography = [single]
        }
      default:
        problem(.warning, "unknown key '\(key)' (known: \(keys.joined(separator: ", ")))", at: keyNode.mark)
      }
    }
    return (result, diagnostics)
  }
}
