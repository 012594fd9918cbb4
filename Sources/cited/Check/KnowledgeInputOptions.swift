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

  /// The files of the knowledge base and the bibliography, read but not decoded.
  struct Files {
    var project: Project?
    /// The knowledge-base folder as given, without a trailing slash.
    var folder: String
    var knowledge: [SourceFile]
    var bibliography: [BibliographyFiles.File]

    /// Every file with its path, knowledge base first (what the check cache's key covers).
    var contents: [(path: String, bytes: [UInt8])] {
      knowledge.map { ($0.path, Array($0.text.utf8)) } + bibliography.map { ($0.path, $0.bytes) }
    }
  }

  /// Reads everything; missing or unreadable input is exit status 2.
  func load() throws -> Loaded { decode(try read()) }

  /// Reads every file without decoding any; missing or unreadable input is exit status 2.
  func read() throws -> Files {
    let project = try project()
    let folder = knowledge ?? project?.knowledge ?? "Knowledge"
    let paths = try ProjectOptions.bibliographyPaths(bibliography, project: project)
    let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    do {
      let files = try KnowledgeDirectory.files(in: base)
      if files.isEmpty {
        CLIOutput.error("the knowledge folder '\(folder)' holds no entity files (*.yaml)")
        throw ExitCode(2)
      }
      var bibliographyFiles: [BibliographyFiles.File] = []
      for path in paths {
        guard let bytes = SafeFile.contents(path) else {
          CLIOutput.error("cannot read the bibliography '\(path)'")
          throw ExitCode(2)
        }
        bibliographyFiles.append(BibliographyFiles.File(path: path, bytes: bytes))
      }
      return Files(project: project, folder: base, knowledge: files, bibliography: bibliographyFiles)
    } catch let error as KnowledgeDirectory.ReadError {
      CLIOutput.error(error.description)
      throw ExitCode(2)
    }
  }

  /// Decodes what `read()` read.
  func decode(_ files: Files) -> Loaded {
    var sources: [String: String] = [:]
    for file in files.knowledge { sources[file.path] = file.text }
    for file in files.bibliography { sources[file.path] = String(decoding: file.bytes, as: UTF8.self) }
    return Loaded(
      project: files.project, knowledge: KnowledgeLoader.load(files.knowledge, root: files.folder),
      bibliography: Bibliography.read(files.bibliography), sources: sources)
  }
}
