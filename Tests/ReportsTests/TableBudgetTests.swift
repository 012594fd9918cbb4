import BibModel
import Testing

@testable import Reports

/// cmark-gfm gives every row of a table as many cells as its header: a 240 KB header row took
/// more than 2.4 GB. Tables over `TableBudget.maximumCells` are read as text, with a warning.
@Suite struct TableBudgetTests {
  static func table(columns: Int, rows: Int) -> String {
    "|" + String(repeating: "a|", count: columns) + "\n|" + String(repeating: "-|", count: columns) + "\n"
      + String(repeating: "x\n", count: rows)
  }

  @Test func aTableWithinTheBudgetIsATable() {
    let tree = MarkdownParser.parse("Intro\n\n" + Self.table(columns: 3, rows: 2))
    #expect(tree.children.contains { if case .table = $0.kind { true } else { false } })
  }

  @Test func aHugeHeaderRowIsReadAsTextWithAWarning() throws {
    let text = "Intro\n\n" + Self.table(columns: 60_000, rows: 20) + "\nAfter.\n"
    let (limited, oversized) = TableBudget.limit(text)
    #expect(oversized == [TableBudget.Oversized(line: 4, columns: 60_000, rows: 22)])
    let tree = MarkdownParser.parse(limited)
    #expect(!tree.children.contains { if case .table = $0.kind { true } else { false } })
    let renderer = try ReportFixtures.engine(notes: false, references: [])
    let result = DocumentRenderer(renderer: renderer, knownKeys: []).render(text, file: "t.md", format: .text)
    let warning = result.diagnostics.first { $0.code == "markdown-table-limit" }
    #expect(warning?.location == SourceLocation(file: "t.md", line: 4, column: 1))
    #expect(warning?.message.contains("\(TableBudget.maximumCells)") == true)
    #expect(TextWriter.document(result.doc).contains("After."))
  }

  /// Many rows under a wide header count too: the budget is columns × rows.
  @Test func manyRowsUnderAWideHeaderAreOverTheBudget() {
    let (_, oversized) = TableBudget.limit(Self.table(columns: 1_000, rows: 300))
    #expect(oversized.count == 1)
    let (_, small) = TableBudget.limit(Self.table(columns: 1_000, rows: 100))
    #expect(small.isEmpty)
  }

  /// A table in a block quote is found too, and a delimiter row needs a header line before it.
  @Test func quotedTablesCountAndLoneDelimiterRowsDoNot() {
    let quoted = Self.table(columns: 300_000, rows: 0).split(separator: "\n").map { "> " + $0 }.joined(separator: "\n")
    #expect(TableBudget.limit("\n" + quoted).oversized.count == 1)
    #expect(TableBudget.limit("\n|" + String(repeating: "-|", count: 300_000)).oversized.isEmpty)
  }

  /// Front matter and citation columns in a CRLF file (a CRLF line is one Character in Swift).
  @Test func crlfDocumentsKeepFrontMatterAndColumns() throws {
    let renderer = try ReportFixtures.engine(notes: false, references: [])
    let text = "---\r\ntitle: Crlf\r\n---\r\nText\r\nSo [@nokey].\r\n"
    let result = DocumentRenderer(renderer: renderer, knownKeys: []).render(text, file: "c.md", format: .text)
    #expect(result.frontMatter.title == "Crlf")
    let unknown = result.diagnostics.first { $0.code == "unknown-citation-key" }
    #expect(unknown?.location == SourceLocation(file: "c.md", line: 5, column: 4))
  }
}
