import ArgumentParser
import BibFormats
import BibModel
import Foundation
import KnowledgeBase
import Reports

/// Where the knowledge base and bibliography are; shared by `check`, `kb` and `report`.
struct KnowledgeInputOptions: ParsableArguments {
  @OptionGroup var projectOptions: ProjectOptions

  @Option(name: .long, help: ArgumentHelp("The knowledge-base folder (default: the project's).", valueName: "dir"))
  var knowledge: String?

  @Option(
    name: .long, parsing: .upToNextOption,
    help: ArgumentHelp(
      "Bibliography files: CSL-JSON, CSL-YAML, BibLaTeX/BibTeX or RIS (default: the project's).", valueName: "file"))
  var bibliography: [String] = []

  /// What was loaded, with the texts of every file read (for quoting lines).
  struct Loaded {
    var project: Project?
    var knowledge: Knowledge
    var bibliography: Bibliography
    var sources: [String: String]
  }

  /// The project; needed unless both inputs are given.
  func project() throws -> Project? {
    try projectOptions.resolve(required: knowledge == nil || bibliography.isEmpty)
  }

  /// Reads everything; missing or unreadable input is exit status 2.
  func load() throws -> Loaded {
    let project = try project()
    let folder = knowledge ?? project?.knowledge ?? "Knowledge"
    let paths = try ProjectOptions.bibliographyPaths(bibliography, project: project)
    do {
      let (knowledge, files) = try KnowledgeDirectory.load(folder)
      if files.isEmpty {
        CLIOutput.error("the knowledge folder '\(folder)' holds no entity files (*.yaml)")
        throw ExitCode(2)
      }
      var sources: [String: String] = [:]
      for file in files { sources[file.path] = file.text }
      var bibliographyFiles: [BibliographyFiles.File] = []
      for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else {
          CLIOutput.error("cannot read the bibliography '\(path)'")
          throw ExitCode(2)
        }
        sources[path] = String(decoding: data, as: UTF8.self)
        bibliographyFiles.append(BibliographyFiles.File(path: path, bytes: [UInt8](data)))
      }
      return Loaded(
        project: project, knowledge: knowledge, bibliography: Bibliography.read(bibliographyFiles), sources: sources)
    } catch let error as KnowledgeDirectory.ReadError {
      CLIOutput.error(error.description)
      throw ExitCode(2)
    }
  }
}
