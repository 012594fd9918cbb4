import Testing

@testable import Reports

@Suite struct MarkdownParserTests {
  @Test func blocksCarryKindsAndPositions() throws {
    let tree = MarkdownParser.parse(
      "# Head\n\nPara *em* `code`.\n\n```swift\nlet x = 1\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n")
    #expect(tree.kind == .document)
    let kinds = tree.children.map(\.kind)
    #expect(kinds.count == 4)
    #expect(kinds.first == .heading(level: 1))
    #expect(tree.children[1].line == 3)
    #expect(tree.children[2].kind == .codeBlock(info: "swift"))
    #expect(tree.children[2].literal == "let x = 1\n")
    #expect(tree.children[3].kind == .table(alignments: []))
    #expect(tree.children[3].line == 9)
    let inlineKinds = tree.children[1].children.map(\.kind)
    #expect(inlineKinds.contains(.emphasis))
    #expect(inlineKinds.contains(.code))
  }

  @Test func footnotesAreParsedWithTheirLabels() throws {
    // cmark numbers notes in the order of their first reference; labels become those numbers.
    let tree = MarkdownParser.parse("More[^b] and[^a].\n\n[^a]: Note A.\n\n[^b]: Note B.\n")
    let kinds = tree.children.map(\.kind)
    #expect(kinds == [.paragraph, .footnoteDefinition(label: "1"), .footnoteDefinition(label: "2")])
    #expect(tree.children[1].plainText == "Note B.")
    let references = tree.children[0].children.map(\.kind).filter { $0 != .text }
    #expect(references == [.footnoteReference(label: "1"), .footnoteReference(label: "2")])
  }

  @Test func frontMatterKeepsLineNumbers() throws {
    let (matter, body, diagnostics) = FrontMatter.split(
      "---\ntitle: T\nbibliography: [a.json, b.json]\n---\nText\n", file: "d.md")
    #expect(diagnostics.isEmpty)
    #expect(matter.title == "T")
    #expect(matter.bibliography == ["a.json", "b.json"])
    #expect(MarkdownParser.parse(body).children.first?.line == 5)
  }

  @Test func badFrontMatterIsReportedNotFatal() throws {
    let (_, body, diagnostics) = FrontMatter.split("---\ntitle: [unclosed\n---\nText\n", file: "d.md")
    #expect(diagnostics.first?.code == "front-matter-yaml")
    #expect(body.hasSuffix("Text\n"))
  }

  @Test func invalidUTF8AndEmptyInputDoNotCrash() throws {
    #expect(MarkdownParser.parse("").children.isEmpty)
    let bytes: [UInt8] = [0x41, 0xFF, 0xFE, 0x42]
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(MarkdownParser.parse(text).plainText.contains("A"))
  }
}

@Suite struct HostileInputTests {
  @Test func deepNestingIsFlattenedNotFatal() throws {
    let text = String(repeating: ">", count: 20_000) + " deep [@k]\n"
    let tree = MarkdownParser.parse(text)
    #expect(tree.plainText.contains("deep"))
    let renderer = try ReportFixtures.engine(references: [])
    let result = DocumentRenderer(renderer: renderer, knownKeys: []).render(text, file: "deep.md", format: .html)
    #expect(HTMLWriter.page(result.doc).contains("deep"))
  }

  @Test func manyOpenBracketsScanInBoundedTime() throws {
    let text = String(repeating: "[@a ", count: 20_000) + String(repeating: "@{", count: 20_000)
    let segments = CitationSyntax.scan(text)
    #expect(!segments.isEmpty)
  }

  @Test func inlineNotesMatchBracketsInLinearTime() throws {
    // 20,000 unclosed `^[` and as many nested ones: one pass, depth capped, no note lost.
    let unclosed = MarkdownNode(kind: .text, literal: String(repeating: "^[x ", count: 20_000) + "end")
    #expect(InlineNotes.gather([unclosed]) == [unclosed])
    let nested = String(repeating: "^[", count: 20_000) + "deep" + String(repeating: "]", count: 20_000)
    let gathered = InlineNotes.gather([MarkdownNode(kind: .text, literal: "a " + nested + " b")])
    #expect(gathered.map(\.kind) == [.text, .inlineNote, .text])
    #expect(gathered.map(\.plainText).joined().contains("deep"))
    let split = InlineNotes.gather([
      MarkdownNode(kind: .text, literal: "x^[one [y] "), MarkdownNode(kind: .emphasis, children: []),
      MarkdownNode(kind: .text, literal: " two] z ^[open"),
    ])
    #expect(split.map(\.kind) == [.text, .inlineNote, .text])
    #expect(split.first?.literal == "x")
    #expect(split.last?.literal == " z ^[open")
    #expect(split[1].children.map(\.literal) == ["one [y] ", "", " two"])
  }
}
