/// Finds CSL styles by path or by name along Cited's search path, and resolves dependent
/// styles to their parents. File access is injected, so the catalog itself does no I/O.
///
/// A reference is tried as a file path first. Otherwise (or when no such file exists) its name
/// (the last path component without `.csl`) is looked up, in order, as `<name>.csl` in:
/// the project's `Styles/`, the styles embedded in the binary, each `--styles`
/// directory, each directory of `CITED_STYLES` (colon-separated), and `~/Zotero/styles`.
public struct StyleCatalog: Sendable {
  /// A directory on the search path and the label listings show for it.
  public struct Directory: Sendable, Hashable {
    public var path: String
    public var origin: String
    public init(path: String, origin: String) {
      self.path = path
      self.origin = origin
    }
  }

  /// Searched before the bundled styles (normally `Styles`, relative to the working directory).
  public var localDirectory: Directory?
  /// The embedded styles, keyed by name.
  public var bundled: [String: String]
  /// Searched after the bundled styles, in order.
  public var directories: [Directory]
  private let readFile: @Sendable (String) -> String?
  private let listDirectory: @Sendable (String) -> [String]

  /// A catalog over explicit locations and file access.
  public init(
    localDirectory: Directory?, bundled: [String: String], directories: [Directory],
    readFile: @escaping @Sendable (String) -> String?, listDirectory: @escaping @Sendable (String) -> [String]
  ) {
    self.localDirectory = localDirectory
    self.bundled = bundled
    self.directories = directories
    self.readFile = readFile
    self.listDirectory = listDirectory
  }

  /// The standard search path: `Styles/`, bundled styles, `--styles` directories, the
  /// `CITED_STYLES` list (colon-separated; empty entries skipped), `<home>/Zotero/styles`.
  public init(
    styleDirectories: [String], environmentPath: String?, home: String?,
    bundled: [String: String] = EmbeddedStyles.files,
    readFile: @escaping @Sendable (String) -> String?, listDirectory: @escaping @Sendable (String) -> [String]
  ) {
    var directories = styleDirectories.map { Directory(path: $0, origin: "--styles") }
    for entry in (environmentPath ?? "").split(separator: ":") where !entry.isEmpty {
      directories.append(Directory(path: String(entry), origin: "CITED_STYLES"))
    }
    if let home, !home.isEmpty {
      directories.append(Directory(path: Self.join(home, "Zotero/styles"), origin: "Zotero"))
    }
    self.init(
      localDirectory: Directory(path: "Styles", origin: "Styles"), bundled: bundled, directories: directories,
      readFile: readFile, listDirectory: listDirectory)
  }

  static func join(_ directory: String, _ file: String) -> String {
    directory.hasSuffix("/") ? directory + file : directory + "/" + file
  }

  /// The name a reference stands for: its last path component without `.csl`.
  public static func name(of reference: String) -> String {
    let last = reference.split(separator: "/").last.map(String.init) ?? reference
    return last.hasSuffix(".csl") ? String(last.dropLast(4)) : last
  }

  /// Finds a style by path, then by name along the search path.
  public func find(_ reference: String) -> Result<FoundStyle, StyleLookupError> {
    if let text = readFile(reference) {
      return .success(FoundStyle(name: Self.name(of: reference), path: reference, origin: "path", text: text))
    }
    return find(named: Self.name(of: reference), reference: reference, searched: [reference])
  }

  /// Finds a style by name only (`apa` → `apa.csl`) along the search path.
  public func find(
    named name: String, reference: String? = nil, searched tried: [String] = []
  ) -> Result<
    FoundStyle, StyleLookupError
  > {
    var searched = tried
    guard !name.isEmpty, !name.contains("/") else {
      return .failure(StyleLookupError(reference: reference ?? name, searched: searched))
    }
    if let local = localDirectory {
      let path = Self.join(local.path, name + ".csl")
      if let text = readFile(path) {
        return .success(FoundStyle(name: name, path: path, origin: local.origin, text: text))
      }
      searched.append(path)
    }
    if let text = bundled[name] { return .success(FoundStyle(name: name, path: nil, origin: "bundled", text: text)) }
    searched.append("bundled styles")
    for directory in directories {
      let path = Self.join(directory.path, name + ".csl")
      if let text = readFile(path) {
        return .success(FoundStyle(name: name, path: path, origin: directory.origin, text: text))
      }
      searched.append(path)
    }
    return .failure(StyleLookupError(reference: reference ?? name, searched: searched))
  }

  /// Every style on the search path in search order, shadowed ones included (a listing
  /// marks a name's later occurrences as shadowed).
  public func all() -> [FoundStyle] {
    var result: [FoundStyle] = []
    func scan(_ directory: Directory) {
      for file in listDirectory(directory.path).sorted() where file.hasSuffix(".csl") {
        let path = Self.join(directory.path, file)
        if let text = readFile(path) {
          result.append(FoundStyle(name: Self.name(of: file), path: path, origin: directory.origin, text: text))
        }
      }
    }
    if let local = localDirectory { scan(local) }
    for (name, text) in bundled.sorted(by: { $0.key < $1.key }) {
      result.append(FoundStyle(name: name, path: nil, origin: "bundled", text: text))
    }
    for directory in directories { scan(directory) }
    return result
  }

  /// The independent parent a dependent style links to (`<link rel="independent-parent"
  /// href="…/apa">`): by the link's last path component as a name, else by a style on the
  /// search path whose `<id>` is the link.
  public func findParent(link: String) -> Result<FoundStyle, StyleLookupError> {
    let byName = find(named: Self.name(of: link), reference: link)
    if case .success = byName { return byName }
    for candidate in all() where candidate.text.contains(link) {
      if let style = StyleParser.parse(candidate.text, file: candidate.displayPath).style, style.info.id == link {
        return .success(candidate)
      }
    }
    return byName
  }

  /// Finds and parses a style; a dependent style is replaced by its parent (found the same
  /// way), keeping the dependent's `default-locale` when it has one.
  public func load(_ reference: String) -> Result<LoadedStyle, StyleLookupError> {
    switch find(reference) {
    case .failure(let error): return .failure(error)
    case .success(let found): return load(found)
    }
  }

  /// Parses a found style and resolves its parent when it is dependent.
  public func load(_ found: FoundStyle) -> Result<LoadedStyle, StyleLookupError> {
    let parsed = StyleParser.parse(found.text, file: found.displayPath)
    var loaded = LoadedStyle(found: found, style: parsed.style, diagnostics: parsed.diagnostics)
    guard let style = parsed.style, style.isDependent, let link = style.info.parentLink else { return .success(loaded) }
    switch findParent(link: link) {
    case .failure(let error):
      return .failure(
        StyleLookupError(
          reference: link, searched: error.searched,
          reason: "no parent for the dependent style \(found.displayPath); looked in: "
            + error.searched.joined(separator: ", ")))
    case .success(let parentFound):
      let parent = StyleParser.parse(parentFound.text, file: parentFound.displayPath)
      loaded.parent = parentFound
      loaded.diagnostics += parent.diagnostics
      guard var parentStyle = parent.style else {
        loaded.style = nil
        return .success(loaded)
      }
      if parentStyle.isDependent {
        return .failure(
          StyleLookupError(
            reference: link, searched: [parentFound.displayPath],
            reason: "the parent \(parentFound.displayPath) is itself a dependent style"))
      }
      if let locale = style.defaultLocale { parentStyle.defaultLocale = locale }
      loaded.style = parentStyle
      return .success(loaded)
    }
  }
}
