import Foundation
import Testing

/// `cited` finds its project as git finds a repository, and reads any bibliography format.
@Suite(.enabled(if: CheckCommandTests.binary != nil, "needs the cited binary built next to the tests"))
struct ProjectDiscoveryTests {
  static let root = ReportCommandTests.root

  static func temporaryFolder(_ name: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cited-\(name)-\(getpid())").path
    try? FileManager.default.removeItem(atPath: folder)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func reportFromASubfolderIsTheReportFromTheRoot() throws {
    let folder = try Self.temporaryFolder("subfolder")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fromRoot = try #require(try CheckCommandTests.run(["report", "-o", folder + "/root.html"], in: Self.root))
    #expect(fromRoot.status == 0, "\(fromRoot.errors)")
    let fromDocs = try #require(
      try CheckCommandTests.run(
        ["report", "--style", "lsg-blog", "-o", folder + "/docs.html"], in: Self.root + "/Docs"))
    #expect(fromDocs.status == 0, "\(fromDocs.errors)")
    let lsgFromRoot = try #require(
      try CheckCommandTests.run(["report", "--style", "lsg-blog", "-o", folder + "/lsg.html"], in: Self.root))
    #expect(lsgFromRoot.status == 0)
    // The project's own style resolves from a subfolder and gives the same bytes.
    #expect(
      FileManager.default.contents(atPath: folder + "/docs.html")
        == FileManager.default.contents(atPath: folder + "/lsg.html"))
  }

  @Test func relativeOutputFromASubfolderIsRelativeToThatFolder() throws {
    let folder = try Self.temporaryFolder("relative")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let sub = folder + "/Docs"
    try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
    for item in ["Knowledge", "Bibliography", "Styles"] {
      try FileManager.default.copyItem(atPath: Self.root + "/" + item, toPath: folder + "/" + item)
    }
    let run = try #require(try CheckCommandTests.run(["report", "-o", "../r.html"], in: sub))
    #expect(run.status == 0, "\(run.errors)")
    let written = FileManager.default.contents(atPath: folder + "/r.html")
    let fromRoot = try #require(try CheckCommandTests.run(["report", "-o", folder + "/root.html"], in: Self.root))
    #expect(fromRoot.status == 0)
    #expect(written != nil && written == FileManager.default.contents(atPath: folder + "/root.html"))
  }

  @Test func outsideAnyProjectExitsTwoNamingTheOption() throws {
    let folder = try Self.temporaryFolder("outside")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for command in [["report"], ["check"], ["kb", "list"], ["render", "--style", "cited-notes"]] {
      let run = try #require(try CheckCommandTests.run(command, in: folder))
      #expect(run.status == 2, "\(command)")
      #expect(run.errors.contains("--project"), "\(command): \(run.errors)")
    }
    let pointed = try #require(try CheckCommandTests.run(["kb", "list", "--project", Self.root], in: folder))
    #expect(pointed.status == 0, "\(pointed.errors)")
    #expect(pointed.output.contains("cfeac"))
  }

  @Test func projectFileNamesTheKnowledgeBibliographyAndStyle() throws {
    let folder = try Self.temporaryFolder("config")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.copyItem(atPath: Self.root + "/Knowledge", toPath: folder + "/kb")
    try FileManager.default.createDirectory(atPath: folder + "/refs", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Self.root + "/Bibliography/lsg-sources.json", toPath: folder + "/refs/sources.json")
    try Data("knowledge: kb\nbibliography: [refs/sources.json]\nstyle: notes\n".utf8)
      .write(to: URL(fileURLWithPath: folder + "/cited.yaml"))
    let run = try #require(try CheckCommandTests.run(["report", "-o", "-", "--to", "txt"], in: folder))
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("Bibliography"))
    #expect(run.errors.contains("wrote -:") && run.errors.contains("(Cited notes)"))
  }

  static let bibtex = """
    @book{smith2004,
      author = {Smith, Ann and Doe, Jo},
      title = {Leading Small Groups},
      publisher = {Press},
      address = {Beijing},
      date = {2004},
    }
    @article{lee2010,
      author = {Lee, Kim},
      title = {Groups at Work},
      journaltitle = {China Journal},
      volume = {64},
      pages = {1--20},
      date = {2010-07},
    }

    """

  static let ris = """
    TY  - BOOK
    ID  - smith2004
    AU  - Smith, Ann
    AU  - Doe, Jo
    TI  - Leading Small Groups
    PB  - Press
    CY  - Beijing
    PY  - 2004
    ER  - 

    TY  - JOUR
    ID  - lee2010
    AU  - Lee, Kim
    TI  - Groups at Work
    T2  - China Journal
    VL  - 64
    SP  - 1
    EP  - 20
    PY  - 2010/07
    ER  - 

    """

  @Test(arguments: ["bib", "ris"])
  func renderReadsEveryFormatAsTheCSLJSONItConvertsTo(format: String) throws {
    let folder = try Self.temporaryFolder("formats-\(format)")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let source = folder + "/refs." + format
    try Data((format == "bib" ? Self.bibtex : Self.ris).utf8).write(to: URL(fileURLWithPath: source))
    let converted = try #require(
      try CheckCommandTests.run(["bib", "convert", source, folder + "/refs.json"], in: folder))
    #expect(converted.status == 0, "\(converted.errors)")
    for style in ["cited-author-date", "cited-notes"] {
      let arguments = ["render", "--style", style, "--cite", "smith2004@12", "lee2010", "--to", "html"]
      let direct = try #require(try CheckCommandTests.run(arguments + ["--bibliography", source], in: folder))
      let viaJSON = try #require(
        try CheckCommandTests.run(arguments + ["--bibliography", folder + "/refs.json"], in: folder))
      #expect(direct.status == 0, "\(direct.errors)")
      #expect(direct.output.contains("Smith"))
      #expect(direct.output == viaJSON.output)
    }
  }

  @Test func missingInputsSayWhatWasLookedFor() throws {
    let folder = try Self.temporaryFolder("missing")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder + "/Knowledge", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: folder + "/Bibliography", withIntermediateDirectories: true)
    let noBibliography = try #require(try CheckCommandTests.run(["check"], in: folder))
    #expect(noBibliography.status == 2)
    #expect(noBibliography.errors.contains("no bibliography found"))
    let noStyle = try #require(
      try CheckCommandTests.run(["render", "--style", "no-such-style", "--project", Self.root], in: folder))
    #expect(noStyle.status == 2)
    #expect(noStyle.errors.contains("style not found") && noStyle.errors.contains("Styles/no-such-style.csl"))
    try FileManager.default.copyItem(
      atPath: Self.root + "/Bibliography/lsg-sources.json", toPath: folder + "/Bibliography/lsg-sources.json")
    let emptyKnowledge = try #require(try CheckCommandTests.run(["report", "-o", "-"], in: folder))
    #expect(emptyKnowledge.status == 2)
    #expect(emptyKnowledge.errors.contains("holds no entity files"))
  }

  @Test func versionAndUnknownLocale() throws {
    let version = try #require(try CheckCommandTests.run(["--version"], in: Self.root))
    #expect(version.status == 0)
    #expect(!version.output.isEmpty)
    let run = try #require(
      try CheckCommandTests.run(
        ["render", "--style", "lsg-blog", "--cite", "wp_cfeac_current", "--locale", "xx-YY"], in: Self.root))
    #expect(run.errors.contains("cited: warning: no locale 'xx-YY'"))
  }
}
