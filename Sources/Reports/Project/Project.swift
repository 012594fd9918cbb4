/// A Cited project: the folder that holds the knowledge base, the bibliography and the
/// project's styles, found as git finds a repository (`ProjectDiscovery`).
///
/// Paths are as the user would type them from the working directory: `root` is `.` in the
/// project's own folder, `..` one level below it, or the `--project` value as given.
public struct Project: Sendable, Hashable {
  /// The project's folder.
  public var root: String
  /// Its `cited.yaml`, when it has one.
  public var configFile: String?
  /// The knowledge-base folder (`Knowledge/` unless `cited.yaml` names another).
  public var knowledge: String
  /// The bibliography files `cited.yaml` names; nil: every bibliography file in `Bibliography/`.
  public var bibliographyFiles: [String]?
  /// Where bibliography files are looked for when `cited.yaml` names none.
  public var bibliographyDirectory: String
  /// The default style (`cited.yaml`'s `style`), a name or a project-relative path.
  public var style: String?
  /// The default locale (`cited.yaml`'s `locale`).
  public var locale: String?
  /// The citation-key pattern (`cited.yaml`'s `key-pattern`).
  public var keyPattern: String?

  public init(root: String, file: ProjectFile = ProjectFile(), configFile: String? = nil) {
    self.root = root
    self.configFile = configFile
    self.knowledge = Self.join(root, file.knowledge ?? "Knowledge")
    self.bibliographyFiles = file.bibliography.map { $0.map { Self.join(root, $0) } }
    self.bibliographyDirectory = Self.join(root, "Bibliography")
    self.style = file.style.map { $0.hasSuffix(".csl") ? Self.join(root, $0) : $0 }
    self.locale = file.locale
    self.keyPattern = file.keyPattern
  }

  /// The project's own styles, found by name from any of its folders.
  public var stylesDirectory: String { Self.join(root, "Styles") }
  /// The project's locale files.
  public var localesDirectory: String { Self.join(root, "Styles/locales") }
  /// The check configuration (`.cited.yaml`) in the project's folder.
  public var checkConfigFile: String { Self.join(root, ".cited.yaml") }
  /// Where `cited report` writes by default.
  public func defaultReport(extension name: String) -> String { Self.join(root, "out/report." + name) }

  /// `relative` inside `folder`; absolute paths stay as they are and `.` is left out.
  public static func join(_ folder: String, _ relative: String) -> String {
    if relative.hasPrefix("/") || folder == "." || folder.isEmpty { return relative }
    return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
  }
}
