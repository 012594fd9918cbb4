import BibModel
import Foundation

/// The I/O edge: finds and reads the files of a knowledge base and the bibliography. Never writes.
public enum KnowledgeDirectory {
  /// Why input could not be read at all (exit status 2 in the CLI).
  public struct ReadError: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Every `.yaml` / `.yml` file under `directory`, sorted by path, paths as `directory/…`.
  /// Hidden files and folders (a name starting with `.`) are left out.
  public static func files(in directory: String) throws(ReadError) -> [SourceFile] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ReadError(description: "no knowledge base folder at '\(directory)'")
    }
    let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    var paths: [String] = []
    try collect(base, into: &paths)
    paths.sort()
    let read = ParallelMap.map(paths) { path -> Result<SourceFile, ReadError> in
      do throws(ReadError) { return .success(SourceFile(path: path, text: try Self.read(path))) } catch {
        return .failure(error)
      }
    }
    var files: [SourceFile] = []
    for result in read { files.append(try result.get()) }
    return files
  }

  /// Appends the `.yaml` and `.yml` paths under `folder`, visible ones only, folders entered
  /// (a link is listed as a file, never entered). Read with `readdir`: listing thousands of
  /// files through `FileManager`'s enumerator took longer than reading them on two cores.
  /// A folder that cannot be listed is unreadable input, like a file that cannot be read: its
  /// entities are never left out silently.
  private static func collect(_ folder: String, into paths: inout [String]) throws(ReadError) {
    guard let stream = opendir(folder) else { throw ReadError(description: "cannot list '\(folder)'") }
    defer { closedir(stream) }
    var folders: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard !name.hasPrefix(".") else { continue }
      let path = folder + "/" + name
      if isFolder(path, type: entry.pointee.d_type) {
        folders.append(path)
      } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
        paths.append(path)
      }
    }
    for path in folders { try collect(path, into: &paths) }
  }

  /// A folder, not a link to one: the entry's type, or `lstat` where the file system gives none.
  private static func isFolder(_ path: String, type: UInt8) -> Bool {
    if type == UInt8(DT_DIR) { return true }
    guard type == UInt8(DT_UNKNOWN) else { return false }
    var status = stat()
    return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
  }

  /// A file's text; a file that is not UTF-8 is unreadable input (never silently repaired).
  public static func read(_ path: String) throws(ReadError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ReadError(description: "cannot read '\(path)'")
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      throw ReadError(description: "'\(path)' is not UTF-8 text")
    }
    return text
  }

  /// Loads a knowledge base folder.
  public static func load(_ directory: String) throws(ReadError) -> (Knowledge, [SourceFile]) {
    let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    let files = try files(in: base)
    return (KnowledgeLoader.load(files, root: base), files)
  }
}
