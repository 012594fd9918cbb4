import BibModel
import Testing

@testable import BibFormats

/// Reading grows linearly: eight times the input takes about eight times as long, never the
/// sixty-four times a reader that rescans its line (or copies a growing value) would take.
/// The assertion is on the ratio of two sizes, never on seconds; 20 leaves room for noise on a
/// shared machine while a quadratic reader (ratio near 64) still fails.
@Suite struct GrowthTests {
  static let limit = 20.0

  /// The fastest of five runs, in nanoseconds.
  static func fastest(_ work: () -> Void) -> Double {
    let clock = ContinuousClock()
    var best = Double.infinity
    for _ in 0..<5 {
      let elapsed = clock.measure(work)
      best = min(best, Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9)
    }
    return best
  }

  /// Time for 8,000 units over time for 1,000 (inputs made before the clock starts). A ratio
  /// over the limit is measured once more and the better kept: a burst of load from other
  /// processes can slow one measurement, a quadratic cost slows both.
  static func ratio<Input>(_ make: (Int) -> Input, _ run: (Input) -> Void) -> Double {
    let small = make(1_000)
    let large = make(8_000)
    let first = fastest { run(large) } / fastest { run(small) }
    guard first >= limit else { return first }
    return min(first, fastest { run(large) } / fastest { run(small) })
  }

  static func ratio(_ make: (Int) -> String, _ format: BibFormat) -> Double {
    ratio(make) { _ = readText($0, format) }
  }

  static func item(_ number: Int) -> String {
    #"{"id":"k\#(number)","type":"book","title":"Title \#(number)","author":[{"family":"Doe","given":"Jane"}],"#
      + #""issued":{"date-parts":[[2020]]}}"#
  }

  @Test func oneLineBibLaTeXReadsLinearly() {
    let ratio = Self.ratio(
      { count in
        (0..<count).map { "@article{k\($0), title={Title \($0)}, author={Doe, Jane}, year={2020}} " }.joined()
      }, .biblatex)
    #expect(ratio < Self.limit, "8× the entries on one line took \(ratio)× the time")
  }

  @Test func unclosedCommentsReadLinearly() {
    let ratio = Self.ratio({ count in (0..<count).map { "@comment{ note \($0)\n" }.joined() }, .biblatex)
    #expect(ratio < Self.limit, "8× the unclosed @comment lines took \(ratio)× the time")
  }

  @Test func longRISContinuationsReadLinearly() {
    let ratio = Self.ratio(
      { count in
        "TY  - JOUR\nTI  - T\nAB  - start\n" + (0..<(count * 4)).map { "continued line \($0)\n" }.joined() + "ER  - \n"
      }, .ris)
    #expect(ratio < Self.limit, "8× the continuation lines took \(ratio)× the time")
  }

  @Test func webOfScienceContinuationsReadLinearly() {
    let ratio = Self.ratio(
      { count in
        "FN Clarivate\nVR 1.0\nPT J\nTI start\n" + (0..<(count * 4)).map { "   continued line \($0)\n" }.joined()
          + "ER\nEF\n"
      }, .ris)
    #expect(ratio < Self.limit, "8× the continuation lines took \(ratio)× the time")
  }

  @Test func minifiedCSLJSONReadsLinearly() {
    let ratio = Self.ratio({ count in "[" + (0..<count).map(Self.item).joined(separator: ",") + "]" }, .cslJSON)
    #expect(ratio < Self.limit, "8× the items on one line took \(ratio)× the time")
  }

  /// A minified file reads about as fast as the same items one per line.
  @Test func minifiedCSLJSONReadsAsFastAsPrettyPrinted() {
    let count = 8_000
    let minified = "[" + (0..<count).map(Self.item).joined(separator: ",") + "]"
    let pretty = "[\n" + (0..<count).map(Self.item).joined(separator: ",\n") + "\n]"
    let ratio = Self.fastest { _ = readText(minified, .cslJSON) } / Self.fastest { _ = readText(pretty, .cslJSON) }
    #expect(ratio < 2, "minified CSL-JSON took \(ratio)× the time of the same items on separate lines")
  }

  @Test func cslYAMLReadsLinearly() {
    let ratio = Self.ratio(
      { count in
        (0..<count).map { "- id: k\($0)\n  type: book\n  title: Title \($0)\n  author:\n    - family: Doe\n" }
          .joined()
      }, .cslYAML)
    #expect(ratio < Self.limit, "8× the items took \(ratio)× the time")
  }

  @Test func keylessEntriesGetKeysLinearly() {
    let ratio = Self.ratio(
      { count in (0..<count).map { _ in "@article{, title={Same}, author={Doe, Jane}, year={2020}}\n" }.joined() },
      .biblatex)
    #expect(ratio < Self.limit, "8× the keyless entries took \(ratio)× the time")
  }

  @Test func keylessRISRecordsGetKeysLinearly() {
    let ratio = Self.ratio(
      { count in (0..<count).map { _ in "TY  - JOUR\nAU  - Doe, Jane\nTI  - Same\nPY  - 2020\nER  - \n" }.joined() },
      .ris)
    #expect(ratio < Self.limit, "8× the keyless records took \(ratio)× the time")
  }

  @Test func keyFromALongTitleIsLinear() {
    let ratio = Self.ratio(
      { count in
        var reference = Reference(id: "x", type: "book")
        reference["title"] = (0..<count).map { "word\($0)" }.joined(separator: " ")
        return reference
      }
    ) { _ = CitationKeys.base(for: $0) }
    #expect(ratio < Self.limit, "a title of 8× the words took \(ratio)× the time")
  }
}
