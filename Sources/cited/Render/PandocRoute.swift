import ArgumentParser
import BibModel
import CSLEngine
import CSLStyle
import Foundation
import PandocFilter
import Reports

/// `cited render DOC.md --to docx|latex|pdf`: pandoc reads the document, `cited-pandoc`'s code
/// renders the citations in this process, and pandoc writes the format. The same semantics as
/// `pandoc DOC.md --filter cited-pandoc`; `--style`, `--bibliography`, `--locale` and the
/// project's style and bibliography fill in what the front matter leaves out.
struct PandocRoute {
  /// Output formats only pandoc writes, by `--to` name or `-o` extension.
  static let formats: [String: String] = ["docx": "docx", "latex": "latex", "tex": "latex", "pdf": "pdf"]

  var document: String
  var format: String
  var output: String?
  var style: String?
  var bibliography: [String]
  var locale: String?
  var project: Project?
  var catalog: StyleCatalog
  var locales: LocaleStore

  /// The pandoc format for `--to`, else for `-o`'s extension; nil for Cited's own formats.
  static func format(to: String?, output: String?) -> String? {
    if let to { return formats[to.lowercased()] }
    guard let output, let dot = output.lastIndex(of: ".") else { return nil }
    return formats[output[output.index(after: dot)...].lowercased()]
  }

  func run() throws {
    guard let pandoc = Self.findPandoc() else {
      CLIOutput.error(
        "--to \(format) goes through pandoc, which is not installed (text, html and markdown do not need it)")
      throw ExitCode(2)
    }
    let (status, ast) = try Self.run(pandoc, [document, "-t", "json"], input: nil)
    guard status == 0 else { throw ExitCode(2) }
    var parsed: PandocDocument
    do { parsed = try PandocDocument.read([UInt8](ast)) } catch {
      CLIOutput.error(error.message)
      throw ExitCode(2)
    }
    parsed.meta = try metadata(parsed.meta)
    let base = URL(fileURLWithPath: document).deletingLastPathComponent()
    let filter = PandocCiteproc(
      catalog: catalog, locales: locales,
      loadReferences: { paths in InputFiles.references(paths.map { Self.resolve($0, against: base) }) })
    let processed: PandocCiteproc.Output
    do { processed = try filter.process(parsed) } catch {
      CLIOutput.error(error.message)
      throw ExitCode(2)
    }
    for warning in processed.warnings { CLIOutput.warning(warning) }
    // PDF is LaTeX that pandoc runs through its PDF engine when -o ends in .pdf.
    var arguments = ["-f", "json", "-t", format == "pdf" ? "latex" : format]
    if let output, output != "-" {
      arguments += ["-o", output]
    } else if format != "latex" {
      CLIOutput.error("--to \(format) needs -o FILE (it is not text)")
      throw ExitCode(2)
    }
    let (written, _) = try Self.run(pandoc, arguments, input: Data(processed.document.jsonBytes))
    guard written == 0 else { throw ExitCode(2) }
    if let output, output != "-" { print("wrote \(output)") }
    if !processed.warnings.isEmpty { throw ExitCode(1) }
  }

  /// The front matter with the command line's (else the project's) style, bibliography and locale.
  func metadata(_ meta: JSONObject) throws -> JSONObject {
    var members = meta.members
    func set(_ key: String, _ value: JSONValue) {
      members.removeAll { $0.key == key }
      members.append(JSONMember(key: key, value: value))
    }
    if let chosen = style ?? (meta["csl"] == nil ? project?.style : nil) { set("csl", Self.metaString(chosen)) }
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    if !bibliography.isEmpty || (meta["bibliography"] == nil && project != nil) {
      let paths = try ProjectOptions.bibliographyPaths(bibliography, project: project)
      let absolute = paths.map { Self.resolve($0, against: cwd) }
      set("bibliography", PandocNode.node("MetaList", .array(absolute.map(Self.metaString))))
    }
    if let locale { set("lang", Self.metaString(locale)) }
    return JSONObject(members)
  }

  static func metaString(_ text: String) -> JSONValue { PandocNode.node("MetaString", .string(text)) }

  static func resolve(_ path: String, against base: URL) -> String {
    path.hasPrefix("/") ? path : base.appendingPathComponent(path).path
  }

  static func findPandoc() -> URL? {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin").split(separator: ":")
    return folders.map { URL(fileURLWithPath: String($0)).appendingPathComponent("pandoc") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// Runs pandoc: `input` on its standard input, its messages straight to ours; returns its
  /// standard output when `input` is nil (else the output goes to ours).
  static func run(_ tool: URL, _ arguments: [String], input: Data?) throws -> (Int32, Data) {
    let process = Process()
    process.executableURL = tool
    process.arguments = arguments
    let stdout = Pipe()
    let stdin = Pipe()
    if input == nil { process.standardOutput = stdout }
    if input != nil { process.standardInput = stdin }
    do { try process.run() } catch {
      CLIOutput.error("cannot run pandoc: \(error)")
      throw ExitCode(2)
    }
    var data = Data()
    if let input {
      stdin.fileHandleForWriting.write(input)
      try? stdin.fileHandleForWriting.close()
    } else {
      data = stdout.fileHandleForReading.readDataToEndOfFile()
    }
    process.waitUntilExit()
    return (process.terminationStatus, data)
  }
}
