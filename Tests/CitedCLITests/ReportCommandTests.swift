import Foundation
import Testing
import XMLTree

/// `cited report` on the bundled knowledge base, end to end: the file it says it wrote parses
/// with libxml2's HTML parser, names every entity, cites every statement, lists exactly the
/// cited sources and carries the four figures.
@Suite struct ReportCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  @Test func theBundledReportIsCompleteAndParses() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cited-report-\(getpid())").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let target = folder + "/report.html"
    guard let run = try CheckCommandTests.run(["report", "-o", target], in: Self.root) else { return }
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("wrote \(target)"))
    let html = try String(contentsOfFile: target, encoding: .utf8)

    #expect(HTMLChecker.problems(in: html).map(\.description) == [])
    #expect(!html.contains("<script"))

    let ids = try FileManager.default.subpathsOfDirectory(atPath: Self.root + "/Knowledge")
      .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix("schema.yaml") }
      .map { String(($0 as NSString).lastPathComponent.dropLast(".yaml".count)) }
    #expect(ids.count >= 60)
    for id in ids { #expect(html.contains("id=\"entity-\(id)\""), "no section for \(id)") }

    for figure in ["figure-categories", "figure-structure", "figure-network", "figure-timeline"] {
      #expect(html.contains("id=\"\(figure)\""), "no \(figure)")
    }
    #expect(html.components(separatedBy: "<svg").count - 1 >= 4)

    // The bibliography holds exactly the cited sources: the distinct `source:` keys of the
    // knowledge base, not every item of the bundled bibliography.
    var cited = Set<String>()
    for path in try FileManager.default.subpathsOfDirectory(atPath: Self.root + "/Knowledge")
    where path.hasSuffix(".yaml") {
      let text = try String(contentsOfFile: Self.root + "/Knowledge/" + path, encoding: .utf8)
      for line in text.split(separator: "\n") {
        let trimmed = line.drop { $0 == " " || $0 == "-" }
        if trimmed.hasPrefix("source: ") { cited.insert(String(trimmed.dropFirst("source: ".count))) }
      }
    }
    #expect(cited.count >= 30)
    #expect(html.components(separatedBy: "class=\"csl-entry\"").count - 1 == cited.count)
  }
}
