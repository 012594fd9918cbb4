import ArgumentParser
import BibModel
import Foundation
import KnowledgeBase

/// Where the knowledge base and bibliography are; shared by `check` and `kb`.
struct KnowledgeInputOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The knowledge-base folder.", valueName: "dir"))
  var knowledge: String = "Knowledge"

  @Option(
    name: .long, parsing: .upToNextOption,
    help: ArgumentHelp("CSL-JSON bibliography files (default: Bibliography/*.json).", valueName: "file"))
  var bibliography: [String] = []

  /// What was loaded, with the texts of every file read (for quoting lines).
  struct Loaded {
    var knowledge: Knowledge
    var bibliography: Bibliography
    var sources: [String: String]
  }

  /// Reads everything; unreadable input is exit status 2.
  func load() throws -> Loaded {
    do {
      let (knowledge, files) = try KnowledgeDirectory.load(self.knowledge)
      var sources: [String: String] = [:]
      for file in files { sources[file.path] = file.text }
      var bibliographyFiles: [SourceFile] = []
      for path in try bibliographyPaths() {
        let text = try KnowledgeDirectory.read(path)
        sources[path] = text
        bibliographyFiles.append(SourceFile(path: path, text: text))
      }
      return Loaded(knowledge: knowledge, bibliography: Bibliography.read(bibliographyFiles), sources: sources)
    } catch {
      CLIOutput.error(error.description)
      throw ExitCode(2)
    }
  }

  func bibliographyPaths() throws(KnowledgeDirectory.ReadError) -> [String] {
    if !bibliography.isEmpty { return bibliography }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: "Bibliography") else { return [] }
    return names.filter { $0.hasSuffix(".json") }.sorted().map { "Bibliography/" + $0 }
  }
}

/// Printing helpers for the knowledge-base commands.
enum CLIOutput {
  static func error(_ message: String) {
    FileHandle.standardError.write(Data("cited: \(message)\n".utf8))
  }

  /// Today in UTC as a knowledge-base date.
  static func today() -> FactDate {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return FactDate(year: parts.year ?? 2000, month: parts.month, day: parts.day)
  }
}
