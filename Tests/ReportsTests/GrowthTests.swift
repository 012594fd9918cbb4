import BibModel
import Testing

@testable import Reports

/// Citation scanning and document rendering grow linearly on one long line: 8× the citations
/// take about 8× the time (near 64× when each citation rescans its line). Ratios, not seconds.
@Suite struct GrowthTests {
  /// The fastest of three runs over `large` units, over the same for `small`.
  static func ratio<Input>(
    small: Int = 1_000, large: Int = 8_000, _ make: (Int) -> Input, _ run: (Input) -> Void
  ) -> Double {
    let inputs = (make(small), make(large))
    let clock = ContinuousClock()
    func fastest(_ input: Input) -> Double {
      (0..<3).map { _ in
        let elapsed = clock.measure { run(input) }
        return Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
      }.min() ?? 0
    }
    return fastest(inputs.1) / fastest(inputs.0)
  }

  @Test func citationSyntaxScansLinearly() {
    let ratio = Self.ratio({ count in (0..<count).map { "see [@k\($0), p. 3] and @j\($0) [ch. 2]; " }.joined() }) {
      _ = CitationSyntax.scan($0)
    }
    #expect(ratio < 20, "8× the citations took \(ratio)× the time")
  }

  /// Non-ASCII text before each citation once sent the search for its column back to the line start.
  @Test func oneLineDocumentRendersLinearly() throws {
    let renderer = try ReportFixtures.engine(notes: false, references: [])
    let document = DocumentRenderer(renderer: renderer, knownKeys: [])
    let ratio = Self.ratio(
      small: 250, large: 2_000, { count in (0..<count).map { "Zhōu Wàng’s *view* [@k\($0)] " }.joined() + "\n" }
    ) { _ = document.render($0, file: "doc.md", format: .text) }
    #expect(ratio < 20, "8× the citations on one line took \(ratio)× the time")
  }

  /// Sizes large enough that one run takes milliseconds, not microseconds (noise on a busy machine).
  @Test func noteMarksArePlacedLinearly() {
    let ratio = Self.ratio(
      small: 8_000, large: 64_000,
      { count in
        (0..<count).flatMap { _ in [DocInline.text("word "), .noteReference(1), .text(". More")] }
      }
    ) { _ = DocumentConverter.placeNoteMarks($0) }
    #expect(ratio < 20, "8× the notes took \(ratio)× the time")
  }
}
