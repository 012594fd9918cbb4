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
    guard let walker = FileManager.default.enumerator(atPath: base) else {
      throw ReadError(description: "cannot list '\(directory)'")
    }
    var paths: [String] = []
    while let relative = walker.nextObject() as? String {
      let hidden = relative.split(separator: "/").contains { $0.hasPrefix(".") }
      if !hidden, relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") { paths.append(base + "/" + relative) }
    }
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
