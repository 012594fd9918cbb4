import ArgumentParser
import CSLStyle
import Foundation

/// `--styles DIR` and the environment: where `cited` looks for styles given by name.
struct StyleSearchOptions: ParsableArguments {
  @Option(
    name: .customLong("styles"),
    help: ArgumentHelp(
      "A directory of .csl styles searched by name (after Styles/ and the bundled styles; repeatable).",
      valueName: "dir"))
  var directories: [String] = []

  /// The catalog for this invocation: `Styles/`, bundled, `--styles`, `CITED_STYLES`, `~/Zotero/styles`.
  var catalog: StyleCatalog {
    let environment = ProcessInfo.processInfo.environment
    return StyleCatalog(
      styleDirectories: directories, environmentPath: environment["CITED_STYLES"], home: environment["HOME"],
      readFile: { path in
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
          return nil
        }
        return try? String(contentsOfFile: path, encoding: .utf8)
      },
      listDirectory: { path in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] })
  }
}
