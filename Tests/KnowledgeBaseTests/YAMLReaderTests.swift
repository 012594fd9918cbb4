import BibModel
import Testing

@testable import KnowledgeBase

@Suite struct YAMLReaderTests {
  @Test func keepsScalarsAsWrittenWithPositions() throws {
    let result = YAMLReader.read("a: no\nb: on\nc: 1.10\nd: \"x\"\n", file: "f.yaml")
    #expect(result.diagnostics.isEmpty)
    let root = try #require(result.root)
    #expect(root["a"]?.scalar == "no")
    #expect(root["b"]?.scalar == "on")
    #expect(root["c"]?.scalar == "1.10")
    #expect(root["c"]?.location == SourceLocation(file: "f.yaml", line: 3, column: 4))
    #expect(root.mapping?[3].keyLocation == SourceLocation(file: "f.yaml", line: 4, column: 1))
  }

  @Test func rejectsAnchorsAndAliasesWithPositions() {
    let result = YAMLReader.read("a: &x 1\nb: *x\n", file: "f.yaml")
    #expect(result.root == nil)
    #expect(result.diagnostics.map(\.code) == ["yaml-alias", "yaml-alias"])
    #expect(result.diagnostics.map(\.place) == ["f.yaml:1:4", "f.yaml:2:4"])
  }

  @Test func rejectsAnAliasBombQuicklyWithoutExpandingIt() {
    var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
    for index in 1..<names.count {
      let previous = "*" + names[index - 1]
      text +=
        "\(names[index]): &\(names[index]) [" + Array(repeating: previous, count: 9).joined(separator: ",") + "]\n"
    }
    let clock = ContinuousClock()
    var result: YAMLReader.Result?
    let elapsed = clock.measure { result = YAMLReader.read(text, file: "bomb.yaml") }
    #expect(result?.root == nil)
    #expect(elapsed < .seconds(1))
    let diagnostics = result?.diagnostics ?? []
    #expect(diagnostics.first?.place == "bomb.yaml:1:4")
    #expect(diagnostics.first?.message == "anchor '&a' is not allowed")
    #expect(diagnostics.contains { $0.place == "bomb.yaml:2:8" && $0.message == "alias '*a' is not allowed" })
    #expect(diagnostics.count == 9 + 8 * 9)
  }

  @Test func reportsEveryDuplicateKeyWithBothLocations() {
    let text = "id: a\nkind: x\nid: b\nlabels:\n  en: A\n  en: B\n"
    let result = YAMLReader.read(text, file: "d.yaml")
    #expect(result.root == nil)
    #expect(result.diagnostics.map(\.code) == ["yaml-duplicate-key", "yaml-duplicate-key"])
    #expect(result.diagnostics.map(\.place) == ["d.yaml:3:1", "d.yaml:6:3"])
    #expect(result.diagnostics[0].message.contains("first written at 1:1"))
    #expect(result.diagnostics[1].message == "duplicate key 'en' (first written at 5:3)")
  }

  @Test func findsDuplicatesInLargeMappings() {
    var text = ""
    for index in 0..<40 { text += "k\(index): \(index)\n" }
    text += "k7: again\nk39: again\n"
    let result = YAMLReader.read(text, file: "big.yaml")
    #expect(result.diagnostics.map(\.place) == ["big.yaml:41:1", "big.yaml:42:1"])
    #expect(result.diagnostics.first?.message == "duplicate key 'k7' (first written at 8:1)")
  }

  @Test func rejectsTabIndentationOnEveryLine() {
    let result = YAMLReader.read("a:\n\tb: 1\nc:\n  \td: 2\n", file: "t.yaml")
    #expect(result.root == nil)
    #expect(result.diagnostics.map(\.code) == ["yaml-tab", "yaml-tab"])
    #expect(result.diagnostics.map(\.place) == ["t.yaml:2:1", "t.yaml:4:3"])
  }

  @Test func tabsAfterTheIndentationAreFine() {
    let result = YAMLReader.read("a: \"x\ty\"\nb: 1\t# comment\n", file: "t.yaml")
    #expect(result.diagnostics.isEmpty)
    #expect(result.root?["a"]?.scalar == "x\ty")
  }

  @Test func rejectsTags() {
    let result = YAMLReader.read("a: !!str 1\nb: !custom\n  c: 2\n", file: "g.yaml")
    #expect(result.root == nil)
    #expect(result.diagnostics.map(\.code) == ["yaml-tag", "yaml-tag"])
    #expect(result.diagnostics.map(\.place) == ["g.yaml:1:4", "g.yaml:2:4"])
    #expect(
      result.diagnostics.map(\.message) == ["YAML tag '!!str' is not allowed", "YAML tag '!custom' is not allowed"])
  }

  @Test func reportsSyntaxErrorsWithPosition() {
    let result = YAMLReader.read("a: [1, 2\nb: 3\n", file: "s.yaml")
    #expect(result.root == nil)
    #expect(result.diagnostics.count == 1)
    #expect(result.diagnostics.first?.code == "yaml-syntax")
    #expect(result.diagnostics.first?.location?.line == 2)
  }

  @Test func limitsNesting() {
    let text = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
    let result = YAMLReader.read(text, file: "n.yaml")
    #expect(result.root == nil)
    #expect(result.diagnostics.first?.message == "nesting deeper than 64 levels")
  }

  @Test func rejectsASecondDocument() {
    let result = YAMLReader.read("a: 1\n---\nb: 2\n", file: "m.yaml")
    #expect(result.root == nil)
    #expect(result.diagnostics.first?.place == "m.yaml:2:1")
  }

  @Test func crlfAndByteOrderMarkAreFine() {
    let result = YAMLReader.read("\u{FEFF}a: 1\r\nb: x\r\n", file: "w.yaml")
    #expect(result.diagnostics.isEmpty)
    #expect(result.root?["b"]?.scalar == "x")
    #expect(result.root?["b"]?.location.line == 2)
  }

  @Test func anEmptyFileHasNoRootAndNoProblem() {
    let result = YAMLReader.read("", file: "e.yaml")
    #expect(result.root == nil)
    #expect(result.diagnostics.isEmpty)
  }
}
