import BibFormats
import BibModel
import CSLStyle
import Foundation

/// The I/O edge of Reports: reading documents, styles and bibliographies, writing output.
public enum InputFiles {
  /// A file's text (UTF-8, invalid bytes replaced), or nil when it cannot be read.
  public static func read(_ path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  /// True when `path` names an existing directory.
  public static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// The bibliography files in a directory (every name a bibliography format claims), sorted.
  public static func bibliographyFiles(in directory: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { BibFormat.guess(fromPath: $0) != nil }.sorted().map { Project.join(directory, $0) }
  }

  /// The bibliography a command reads: `given` when not empty, else the project's
  /// (`cited.yaml`'s files, else every bibliography file in `Bibliography/`). Nil when there
  /// is none, with what was looked for.
  public static func bibliographyPaths(_ given: [String], project: Project?) -> Result<[String], Missing> {
    if !given.isEmpty { return .success(given) }
    guard let project else {
      return .failure(Missing(description: "no bibliography found: pass --bibliography FILE or run inside a project"))
    }
    if let files = project.bibliographyFiles, !files.isEmpty { return .success(files) }
    let found = bibliographyFiles(in: project.bibliographyDirectory)
    if found.isEmpty {
      return .failure(
        Missing(
          description: "no bibliography found: \(project.bibliographyDirectory)/ holds no .json, .yaml, .bib or "
            + ".ris file; pass --bibliography FILE or name the files in cited.yaml"))
    }
    return .success(found)
  }

  /// An input that is not there (exit status 2 in the CLI), with what was looked for.
  public struct Missing: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// The file system as project discovery sees it.
  public static let fileSystem = ProjectDiscovery.FileSystem(
    isDirectory: { isDirectory($0) },
    readFile: { path in
      var folder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &folder), !folder.boolValue else { return nil }
      return read(path)
    })

  /// The style search path for a project: its `Styles/` (else `Styles/` of the working
  /// directory), the bundled styles, `styleDirectories` (`--styles`), `CITED_STYLES`, Zotero.
  public static func catalog(project: Project?, styleDirectories: [String] = []) -> StyleCatalog {
    let environment = ProcessInfo.processInfo.environment
    var catalog = StyleCatalog(
      styleDirectories: styleDirectories, environmentPath: environment["CITED_STYLES"], home: environment["HOME"],
      readFile: { fileSystem.readFile($0) },
      listDirectory: { path in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] })
    if let project { catalog.localDirectory = StyleCatalog.Directory(path: project.stylesDirectory, origin: "Styles") }
    return catalog
  }

  /// Locales: the `extra` folders (`--locales`), the project's `Styles/locales` (else that of
  /// the working directory), then the locales embedded in the binary.
  public static func locales(project: Project?, extra: [String] = []) -> LocaleStore {
    let folders = extra + [project?.localesDirectory ?? "Styles/locales"]
    let onDisk = LocaleStore { tag in
      for folder in folders {
        if let text = fileSystem.readFile(Project.join(folder, "locales-\(tag).xml")) { return text }
      }
      return nil
    }
    return LocaleStore(chain: [onDisk, LocaleStore(files: EmbeddedLocales.files)])
  }

  /// The project: `explicit` (`--project`), else the nearest one up from the working directory.
  public static func project(_ explicit: String?) -> Result<(Project, [Diagnostic]), ProjectDiscovery.Failure> {
    if let explicit { return ProjectDiscovery.open(explicit, fileSystem) }
    return ProjectDiscovery.find(from: FileManager.default.currentDirectoryPath, fileSystem)
  }

  /// Reads bibliographies in any format Cited reads (`BibliographyFiles`): everything that can
  /// be read is returned, every skip or repair is a diagnostic; a missing file is an error.
  public static func references(_ paths: [String], encoding: String? = nil) -> ([Reference], [Diagnostic]) {
    var files: [BibliographyFiles.File] = []
    var diagnostics: [Diagnostic] = []
    for path in paths {
      guard let bytes = SafeFile.contents(path) else {
        diagnostics.append(Diagnostic(.error, code: "unreadable-file", message: "cannot read bibliography '\(path)'"))
        continue
      }
      files.append(BibliographyFiles.File(path: path, bytes: bytes))
    }
    // Only the references and findings are returned: the places of their fields are not read
    // (making them, and freeing them on one core, cost a 10,000-entry render 2 %).
    let result = BibliographyFiles.read(files, encoding: encoding, fieldPlaces: false)
    return (result.references, diagnostics + result.diagnostics)
  }

  /// Writes `text` to `path`, creating the parent folder; `-` is standard output.
  public static func write(_ text: String, to path: String) throws {
    try write(chunks: [Array(text.utf8)], to: path)
  }

  /// Writes pieces of UTF-8 bytes one after another, as one file (or standard output): an
  /// atomic write under the file's lock, so a failed write leaves the file as it was.
  public static func write(chunks: [[UInt8]], to path: String) throws {
    if path == "-" {
      for chunk in chunks { chunk.withUnsafeBytes { FileHandle.standardOutput.write(Data($0)) } }
      return
    }
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try SafeFile.withLock(path) { try SafeFile.atomicWrite(chunks: chunks, to: path) }
  }

  /// The folder part of a path (`.` when none).
  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
  }
}
