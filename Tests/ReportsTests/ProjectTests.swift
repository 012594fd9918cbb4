import BibModel
import Testing

@testable import Reports

/// Project discovery over an injected file system, and `cited.yaml`.
@Suite struct ProjectTests {
  /// A file system of the given folders and files.
  static func files(folders: Set<String>, files: [String: String] = [:]) -> ProjectDiscovery.FileSystem {
    ProjectDiscovery.FileSystem(isDirectory: { folders.contains($0) }, readFile: { files[$0] })
  }

  @Test func theNearestFolderWithKnowledgeAndBibliographyIsTheRoot() throws {
    let system = Self.files(folders: ["/p", "/p/Knowledge", "/p/Bibliography", "/p/Docs", "/p/Docs/a"])
    let (project, notices) = try ProjectDiscovery.find(from: "/p/Docs/a", system).get()
    #expect(notices.isEmpty)
    #expect(project.root == "../..")
    #expect(project.knowledge == "../../Knowledge")
    #expect(project.stylesDirectory == "../../Styles")
    #expect(project.bibliographyFiles == nil)
    let atRoot = try ProjectDiscovery.find(from: "/p", system).get().0
    #expect(
      atRoot.root == "." && atRoot.knowledge == "Knowledge"
        && atRoot.defaultReport(extension: "html") == "out/report.html")
  }

  @Test func aFolderWithOnlyKnowledgeIsNotARoot() {
    let system = Self.files(folders: ["/p", "/p/Knowledge"])
    guard case .failure(let failure) = ProjectDiscovery.find(from: "/p", system) else {
      Issue.record("found a project without Bibliography/ or cited.yaml")
      return
    }
    #expect(failure.description.contains("--project"))
  }

  @Test func theProjectFileNamesTheInputs() throws {
    let system = Self.files(
      folders: ["/q", "/q/sub"],
      files: [
        "/q/cited.yaml": "knowledge: kb\nbibliography: [refs/a.bib, refs/b.ris]\nstyle: house.csl\nlocale: en-GB\n"
      ])
    let (project, _) = try ProjectDiscovery.find(from: "/q/sub", system).get()
    #expect(project.configFile == "../cited.yaml")
    #expect(project.knowledge == "../kb")
    #expect(project.bibliographyFiles == ["../refs/a.bib", "../refs/b.ris"])
    #expect(project.style == "../house.csl")
    #expect(project.locale == "en-GB")
  }

  @Test func theKeyPatternIsRead() {
    let (file, findings) = ProjectFile.parse("key-pattern: '[auth][year]'\n", file: "cited.yaml")
    #expect(findings.isEmpty)
    #expect(Project(root: "/r", file: file).keyPattern == "[auth][year]")
  }

  @Test func aBadProjectFileIsAnErrorWithItsPlaceAndAnUnknownKeyAWarning() {
    let (_, unknown) = ProjectFile.parse("style: notes\ncolour: blue\n", file: "cited.yaml")
    #expect(unknown.map(\.severity) == [.warning])
    #expect(unknown.first?.location?.line == 2)
    let system = Self.files(folders: ["/r"], files: ["/r/cited.yaml": "style: [a, b]\n"])
    guard case .failure(let failure) = ProjectDiscovery.find(from: "/r", system) else {
      Issue.record("a list as the style was accepted")
      return
    }
    #expect(failure.diagnostics.contains { $0.severity == .error && $0.message.contains("'style'") })
  }

  @Test func explicitProjectMustBeAFolder() {
    let system = Self.files(folders: ["/p", "/p/Knowledge"])
    #expect((try? ProjectDiscovery.open("/p", system).get()) != nil)
    #expect((try? ProjectDiscovery.open("/nowhere", system).get()) == nil)
  }

  @Test func styleAliasesAndDefaults() {
    #expect(StyleChoice.reference(for: nil) == "cited-author-date")
    #expect(StyleChoice.reference(for: nil, projectDefault: "lsg-blog") == "lsg-blog")
    #expect(StyleChoice.reference(for: "notes", projectDefault: "lsg-blog") == "cited-notes")
    #expect(StyleChoice.reference(for: "apa") == "apa")
  }
}
