import BibModel
import Testing

@testable import BibFormats

/// A CSL-YAML file whose aliases multiply (a few hundred bytes standing for 10^12 values) is
/// refused at once, where expanding it would take the machine's memory; a plain file reads.
@Suite struct YAMLAliasBudgetTests {
  @Test func multiplyingAliasesAreRefusedQuickly() {
    var lines = [#"a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]"#]
    for level in 1..<12 {
      lines.append(
        "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ",") + "]")
    }
    lines.append("references:\n  - id: a\n    type: book\n    title: T\n    note: *a11")
    let result = CSLYAML.read(lines.joined(separator: "\n") + "\n", file: "bomb.yaml")
    #expect(result.document.references.isEmpty)
    #expect(result.diagnostics.contains { $0.code == "yaml-alias-expansion" && $0.severity == .error })
  }

  @Test func plainFileReads() {
    let result = CSLYAML.read("- id: a\n  type: book\n  title: T\n", file: "ok.yaml")
    #expect(result.document.references.map(\.id) == ["a"])
    #expect(result.diagnostics.isEmpty)
  }
}
