import BibModel
import Testing

@testable import KnowledgeBase

/// The knowledge-base reader and `kb list` grow linearly: 8× the input takes about 8× the time
/// (a rescan per node or a pad to the longest label would take near 64×). Ratios, not seconds.
@Suite struct GrowthTests {
  /// The fastest of three runs over `large` units, over the same for `small`. A ratio of 20
  /// or more is measured once more and the better kept, as the bibliography readers' growth
  /// tests do: a burst of load from other processes slowed one measurement past the limit
  /// (21× on a machine running two other jobs), where a quadratic cost slows both.
  static func ratio<Input>(
    small: Int = 1_000, large: Int = 8_000, _ make: (Int) -> Input, _ run: (Input) -> Void
  ) -> Double {
    let small = make(small)
    let large = make(large)
    let clock = ContinuousClock()
    func fastest(_ input: Input) -> Double {
      (0..<3).map { _ in
        let elapsed = clock.measure { run(input) }
        return Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
      }.min() ?? 0
    }
    let first = fastest(large) / fastest(small)
    guard first >= 20 else { return first }
    return min(first, fastest(large) / fastest(small))
  }

  @Test func manyStatementsReadLinearly() {
    let ratio = Self.ratio(
      { count in
        "id: g\nkind: lsg\nlabels:\n  en: Group\nstatements:\n  member:\n"
          + (0..<count).map { "    - value: p\($0)\n      references:\n        - source: book\($0)\n" }.joined()
      }
    ) { _ = YAMLReader.read($0, file: "g.yaml") }
    #expect(ratio < 20, "8× the statements took \(ratio)× the time")
  }

  /// Sizes large enough that one run takes milliseconds (noise on a busy machine).
  @Test func oneLineFlowMappingReadsLinearly() {
    let ratio = Self.ratio(
      small: 4_000, large: 32_000,
      { count in "{" + (0..<count).map { "k\($0): v\($0)" }.joined(separator: ", ") + "}\n" }
    ) {
      _ = YAMLReader.read($0, file: "g.yaml")
    }
    #expect(ratio < 20, "8× the keys on one line took \(ratio)× the time")
  }

  /// One label 8× longer and 8× the entities: the list grows 8×, not 64× (no pad to the longest).
  @Test func listDoesNotPadEveryRowToTheLongestLabel() {
    let ratio = Self.ratio(
      { count in
        let files =
          [SourceFile(path: "kb/schema.yaml", text: Fixture.schema)]
          + (0..<count).map { index in
            let label = index == 0 ? String(repeating: "L", count: count * 10) : "P\(index)"
            return SourceFile(path: "kb/p\(index).yaml", text: "id: p\(index)\nkind: person\nlabels:\n  en: \(label)\n")
          }
        return KnowledgeLoader.load(files, root: "kb")
      }
    ) { _ = EntityFormatter.list($0) }
    #expect(ratio < 20, "8× the entities and label took \(ratio)× the time")
  }

  @Test func aLongLabelIsPrintedWholeWithoutPaddingOthers() {
    let long = String(repeating: "L", count: 200)
    let text = EntityFormatter.table([["ID", "LABEL", "N"], ["a", long, "1"], ["b", "B", "2"]])
    let lines = text.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[1].hasSuffix(long + "  1"), "the long cell is kept whole")
    #expect(lines[2].count < 80, "the short row is padded to the capped width only: \(lines[2].count)")
  }
}
