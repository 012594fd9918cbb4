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

  /// Reads CSL-JSON bibliographies; a missing file is an error diagnostic, a bad entry costs that entry.
  public static func references(_ paths: [String]) -> ([Reference], [Diagnostic]) {
    var references: [Reference] = []
    var diagnostics: [Diagnostic] = []
    var seen: Set<String> = []
    for path in paths {
      guard let text = read(path) else {
        diagnostics.append(Diagnostic(.error, code: "unreadable-file", message: "cannot read bibliography '\(path)'"))
        continue
      }
      let result = CSLJSON.read(text, file: path)
      diagnostics += result.diagnostics
      for reference in result.references where seen.insert(reference.id).inserted {
        references.append(reference)
      }
    }
    return (references, diagnostics)
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
