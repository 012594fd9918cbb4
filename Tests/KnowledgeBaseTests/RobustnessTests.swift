import BibModel
import Testing

@testable import KnowledgeBase

/// Mangled input never crashes or hangs the loader and checker, and every finding it causes has a place.
@Suite struct RobustnessTests {
  static let characters: [Character] = [
    " ", "\n", "\t", ":", "-", "[", "]", "{", "}", "&", "*", "!", "\"", "'", "#", "|", ">", "?", ",", "x", "中", "\r",
  ]

  @Test func mutatedEntityFilesAreAlwaysPlacedFindings() {
    let original = Array(Fixture.lsg("  head:\n    - value: xi\n      qualifiers:\n        start: \"2013\"\n"))
    var random = SplitMix(seed: 7)
    for _ in 0..<400 {
      var text = original
      for _ in 0..<(1 + random.next(4)) {
        let position = random.next(text.count)
        switch random.next(3) {
        case 0: text.remove(at: position)
        case 1: text.insert(Self.characters[random.next(Self.characters.count)], at: position)
        default: text[position] = Self.characters[random.next(Self.characters.count)]
        }
      }
      let result = Fixture.check(["kb/lsg/g.yaml": String(text)])
      for finding in result.findings where finding.location?.file == "kb/lsg/g.yaml" {
        #expect((finding.location?.line ?? 0) >= 1, "\(finding)")
      }
    }
  }
}
