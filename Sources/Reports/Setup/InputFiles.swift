import BibFormats
import BibModel
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

  /// The `.json` files in a directory, sorted.
  public static func jsonFiles(in directory: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().map { directory + "/" + $0 }
  }

  /// Reads bibliographies in any format Cited reads (`BibliographyFiles`): everything that can
  /// be read is returned, every skip or repair is a diagnostic; a missing file is an error.
  public static func references(_ paths: [String], encoding: String? = nil) -> ([Reference], [Diagnostic]) {
    var files: [BibliographyFiles.File] = []
    var diagnostics: [Diagnostic] = []
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else {
        diagnostics.append(Diagnostic(.error, code: "unreadable-file", message: "cannot read bibliography '\(path)'"))
        continue
      }
      files.append(BibliographyFiles.File(path: path, bytes: [UInt8](data)))
    }
    let result = BibliographyFiles.read(files, encoding: encoding)
    return (result.references, diagnostics + result.diagnostics)
  }

  /// Writes `text` to `path`, creating the parent folder.
  public static func write(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// The folder part of a path (`.` when none).
  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
  }
}
