import BibModel
import Testing

@testable import BibFormats

/// xdata entries that each name the next one twice (2^30 paths from 1 KB) resolve each parent
/// once: the read is immediate and the entry inherits from the whole chain.
@Suite struct InheritanceFanOutTests {
  @Test func fanningXDataResolvesOnce() {
    var lines: [String] = []
    for level in 0..<30 { lines.append("@xdata{x\(level), xdata = {x\(level + 1),x\(level + 1)}, note = {n\(level)}}") }
    lines.append("@xdata{x30, publisher = {P}}")
    lines.append("@book{a, xdata = {x0}, title = {T}, year = 2000}")
    let clock = ContinuousClock()
    var result: BibReadResult?
    let elapsed = clock.measure { result = BibTeXReader.read(lines.joined(separator: "\n"), file: "fan.bib") }
    let reference = result?.document.references.first { $0.id == "a" }
    #expect(reference?.variables["publisher"] == "P")
    #expect(reference?.variables["note"] == "n0")
    // Exponential resolution takes minutes; linear takes milliseconds. A generous bound.
    #expect(elapsed < .seconds(5))
  }
}
