import BibModel
import Testing

@testable import BibFormats

/// Reading grows linearly: eight times the input takes about eight times as long, never the
/// sixty-four times a reader that rescans its line (or copies a growing value) would take.
/// The assertion is on the ratio of two sizes, never on seconds.
@Suite struct GrowthTests {
  /// The fastest of three reads, in nanoseconds.
  static func fastest(_ text: String, _ format: BibFormat) -> Double {
    let clock = ContinuousClock()
    var best = Double.infinity
    for _ in 0..<3 {
      let elapsed = clock.measure { _ = readText(text, format) }
      best = min(best, Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9)
    }
    return best
  }

  static func ratio(_ make: (Int) -> String, _ format: BibFormat) -> Double {
    fastest(make(8_000), format) / fastest(make(1_000), format)
  }

  @Test func oneLineBibLaTeXReadsLinearly() {
    let ratio = Self.ratio(
      { count in
        (0..<count).map { "@article{k\($0), title={Title \($0)}, author={Doe, Jane}, year={2020}} " }.joined()
      }, .biblatex)
    #expect(ratio < 24, "8× the entries on one line took \(ratio)× the time")
  }

  @Test func longRISContinuationsReadLinearly() {
    let ratio = Self.ratio(
      { count in
        "TY  - JOUR\nTI  - T\nAB  - start\n" + (0..<(count * 4)).map { "continued line \($0)\n" }.joined() + "ER  - \n"
      }, .ris)
    #expect(ratio < 24, "8× the continuation lines took \(ratio)× the time")
  }
}
