import Foundation
import Testing

/// `pandoc --filter cited-pandoc` with the real pandoc, when it is installed.
enum PandocTools {
  static func executable(_ name: String, near folder: URL?) -> URL? {
    var candidates: [URL] = []
    if var folder {
      for _ in 0..<4 {
        candidates.append(folder.appendingPathComponent(name))
        folder.deleteLastPathComponent()
      }
    }
    for path in ["/usr/bin", "/usr/local/bin"] {
      candidates.append(URL(fileURLWithPath: path).appendingPathComponent(name))
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  static let filter = executable(
    "cited-pandoc", near: URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent())
  static let pandoc = executable("pandoc", near: nil)
  static let unzip = executable("unzip", near: nil)
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let apa = root.deletingLastPathComponent().appendingPathComponent("shared/csl/styles/apa.csl")
  static var hasAPA: Bool { FileManager.default.fileExists(atPath: apa.path) }

  @discardableResult
  static func run(_ tool: URL, _ arguments: [String], in folder: URL) throws -> (Int32, String, String) {
    let process = Process()
    process.executableURL = tool
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self)
    )
  }
}

@Suite(
  .enabled(if: PandocTools.pandoc != nil, "needs pandoc (scripts/setup.sh installs it)"),
  .enabled(if: PandocTools.filter != nil, "needs the cited-pandoc binary built next to the test bundle"))
struct PandocEndToEndTests {
  static func folder(style: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cited-pandoc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let bibliography = PandocTools.root.appendingPathComponent("Bibliography/lsg-sources.json").path
    let text = """
      ---
      bibliography: \(bibliography)
      csl: \(style)
      ---

      Leading small groups coordinate policy [see @miller2008, p. 1; @tsai2019]. @miller2014 [p. 1] saw the change.

      # References
      """
    try text.write(to: folder.appendingPathComponent("doc.md"), atomically: false, encoding: .utf8)
    return folder
  }

  static func plain(style: String) throws -> String {
    guard let pandoc = PandocTools.pandoc, let filter = PandocTools.filter else { return "" }
    let folder = try folder(style: style)
    defer { try? FileManager.default.removeItem(at: folder) }
    let (status, output, errors) = try PandocTools.run(
      pandoc, ["doc.md", "--filter", filter.path, "-t", "plain", "--wrap=none"], in: folder)
    #expect(status == 0, "\(errors)")
    return output
  }

  @Test(.enabled(if: PandocTools.hasAPA, "needs ../shared/csl/styles/apa.csl"))
  func apaPrintsCitationsAndBibliography() throws {
    let output = try Self.plain(style: PandocTools.apa.path)
    #expect(output.contains("(see Miller, 2008, p. 1;"))
    #expect(output.contains("Miller (2014, p. 1) saw"))
    #expect(output.contains("Miller, A. (2008)."))
    #expect(!output.contains("@miller"))
  }

  @Test func chicagoNotesPrintsNotesAndBibliography() throws {
    let output = try Self.plain(style: "chicago-notes-multilingual")
    #expect(output.contains("policy.[1]"))
    #expect(output.contains("\n[1] See Alice Miller"))
    #expect(output.contains("Miller, Alice."))
  }

  @Test func houseStylePrintsCitationsAndBibliography() throws {
    let output = try Self.plain(style: "lsg-blog")
    #expect(output.contains("Miller"))
    #expect(!output.contains("[see @miller2008"))
    #expect(output.components(separatedBy: "\n").filter { $0.hasPrefix("Miller") }.count >= 2)
  }

  @Test(.enabled(if: PandocTools.unzip != nil, "needs unzip to read the DOCX"))
  func docxBibliographyParagraphsCarryPandocsStyle() throws {
    guard let pandoc = PandocTools.pandoc, let filter = PandocTools.filter, let unzip = PandocTools.unzip else {
      return
    }
    let folder = try Self.folder(style: "chicago-author-date-multilingual")
    defer { try? FileManager.default.removeItem(at: folder) }
    let (status, _, errors) = try PandocTools.run(
      pandoc, ["doc.md", "--filter", filter.path, "-o", "x.docx"], in: folder)
    try #require(status == 0, "\(errors)")
    let (_, xml, _) = try PandocTools.run(unzip, ["-p", "x.docx", "word/document.xml"], in: folder)
    let bibliographyParagraphs = xml.components(separatedBy: "<w:pStyle w:val=\"Bibliography\"").count - 1
    #expect(bibliographyParagraphs == 3)
  }

  @Test func badInputExitsNonZeroWithOneMessage() throws {
    guard let filter = PandocTools.filter else { return }
    let folder = FileManager.default.temporaryDirectory
    let input = folder.appendingPathComponent("cited-pandoc-bad-\(UUID().uuidString).json")
    try Data(#"{"pandoc-api-version":[1,17],"meta":{},"blocks":[]}"#.utf8).write(to: input)
    defer { try? FileManager.default.removeItem(at: input) }
    let (status, output, errors) = try PandocTools.run(
      URL(fileURLWithPath: "/bin/sh"), ["-c", "\"\(filter.path)\" plain < \"\(input.path)\""], in: folder)
    #expect(status == 1)
    #expect(output.isEmpty)
    #expect(errors.split(separator: "\n").count == 1 && errors.contains("1.17"))
  }
}
