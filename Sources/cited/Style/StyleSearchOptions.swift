import ArgumentParser
import CSLStyle
import Reports

/// `--styles DIR`: where `cited` looks for styles given by name, after the project's `Styles/`
/// and the bundled styles.
struct StyleSearchOptions: ParsableArguments {
  @Option(
    name: .customLong("styles"),
    help: ArgumentHelp(
      "A directory of .csl styles searched by name (after the project's Styles/ and the bundled styles; repeatable).",
      valueName: "dir"))
  var directories: [String] = []

  /// The catalog for this invocation: the project's `Styles/`, bundled, `--styles`,
  /// `CITED_STYLES`, `~/Zotero/styles`.
  func catalog(project: Project?) -> StyleCatalog {
    InputFiles.catalog(project: project, styleDirectories: directories)
  }
}
