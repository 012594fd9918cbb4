import BibModel

/// Finds the project a command works in, as git finds a repository: the nearest folder, from
/// the working directory up, that holds a `cited.yaml` or both `Knowledge/` and
/// `Bibliography/`. File access is injected, so discovery itself does no I/O.
public enum ProjectDiscovery {
  /// What discovery may ask of the file system.
  public struct FileSystem: Sendable {
    public var isDirectory: @Sendable (String) -> Bool
    public var readFile: @Sendable (String) -> String?

    public init(isDirectory: @escaping @Sendable (String) -> Bool, readFile: @escaping @Sendable (String) -> String?) {
      self.isDirectory = isDirectory
      self.readFile = readFile
    }
  }

  /// No project where one was needed (exit status 2 in the CLI).
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public var diagnostics: [Diagnostic]
  }

  /// The name of the project file.
  public static let fileName = "cited.yaml"

  /// True when `folder` is a project's root.
  public static func isRoot(_ folder: String, _ files: FileSystem) -> Bool {
    files.readFile(Project.join(folder, fileName)) != nil
      || (files.isDirectory(Project.join(folder, "Knowledge"))
        && files.isDirectory(Project.join(folder, "Bibliography")))
  }

  /// The project `folder` (the `--project` value) is the root of.
  public static func open(_ folder: String, _ files: FileSystem) -> Result<(Project, [Diagnostic]), Failure> {
    guard files.isDirectory(folder) else {
      return .failure(Failure(description: "--project '\(folder)' is not a folder", diagnostics: []))
    }
    guard isRoot(folder, files) || files.isDirectory(Project.join(folder, "Knowledge")) else {
      return .failure(
        Failure(
          description: "--project '\(folder)' is not a Cited project (no \(fileName), no Knowledge/ folder)",
          diagnostics: []))
    }
    return load(folder, files)
  }

  /// The nearest project at or above `workingDirectory` (an absolute path); its root is given
  /// relative to the working directory (`.`, `..`, `../..`).
  public static func find(
    from workingDirectory: String, _ files: FileSystem
  ) -> Result<(Project, [Diagnostic]), Failure> {
    var components = workingDirectory.split(separator: "/").map(String.init)
    var up = 0
    while true {
      let absolute = "/" + components.joined(separator: "/")
      if isRoot(absolute, files) {
        return load(up == 0 ? "." : Array(repeating: "..", count: up).joined(separator: "/"), files, absolute: absolute)
      }
      if components.isEmpty { break }
      components.removeLast()
      up += 1
    }
    return .failure(
      Failure(
        description: "not inside a Cited project: no folder from \(workingDirectory) up holds \(fileName) "
          + "or both Knowledge/ and Bibliography/; run cited inside a project or pass --project DIR",
        diagnostics: []))
  }

  private static func load(
    _ root: String, _ files: FileSystem, absolute: String? = nil
  ) -> Result<(Project, [Diagnostic]), Failure> {
    let configPath = Project.join(root, fileName)
    guard let text = files.readFile(Project.join(absolute ?? root, fileName)) else {
      return .success((Project(root: root), []))
    }
    let (file, diagnostics) = ProjectFile.parse(text, file: configPath)
    if diagnostics.contains(where: { $0.severity == .error }) {
      return .failure(Failure(description: "\(configPath) is not a valid project file", diagnostics: diagnostics))
    }
    return .success((Project(root: root, file: file, configFile: configPath), diagnostics))
  }
}
