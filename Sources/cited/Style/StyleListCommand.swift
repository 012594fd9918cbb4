import ArgumentParser
import CSLStyle
import Foundation
import Reports

/// `cited style list`: the styles `cited` can find by name, in search order.
struct StyleListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the bundled styles and those on the search path (name, title, class, path).",
    discussion: """
      Search order for a style given by name: the project's Styles/, the styles \
      bundled with cited, each --styles directory, each directory of CITED_STYLES \
      (colon-separated), ~/Zotero/styles. A name found earlier shadows later ones.
      """)

  @OptionGroup var projectOptions: ProjectOptions
  @OptionGroup var search: StyleSearchOptions

  func run() throws {
    var seen = Set<String>()
    var rows: [[String]] = []
    for found in search.catalog(project: try projectOptions.resolve(required: false)).all() {
      let parsed = StyleParser.parse(found.text, file: found.displayPath)
      let title = parsed.style?.info.title ?? "(unreadable)"
      var kind = parsed.style.map { $0.isDependent ? "dependent" : $0.styleClass.rawValue } ?? "-"
      if !seen.insert(found.name).inserted { kind += ", shadowed" }
      rows.append([found.name, title, kind, found.displayPath])
    }
    let header = ["NAME", "TITLE", "CLASS", "PATH"]
    let widths = (0..<3).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    func line(_ row: [String]) -> String {
      (0..<3).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        + "  " + row[3]
    }
    print(line(header))
    for row in rows { print(line(row)) }
  }
}
