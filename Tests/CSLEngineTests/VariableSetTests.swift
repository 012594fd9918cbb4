import BibModel
import Testing

@testable import CSLEngine

/// The renderer's suppressed variables: known names as bits of both words, others in a set.
@Suite struct VariableSetTests {
  @Test func holdsKnownAndUnknownNames() {
    var set = VariableSet()
    #expect(set.isEmpty)
    set.insert(.title)
    set.formUnion([CSLVariable.translator, "x-custom"])
    #expect(CSLVariable.title.ordinal < 64 && CSLVariable.translator.ordinal >= 64)
    #expect(!set.isEmpty)
    for name: CSLVariable in [.title, .translator, "x-custom"] { #expect(set.contains(name), "\(name)") }
    for name: CSLVariable in [.author, .issued, "x-other", "titl"] { #expect(!set.contains(name), "\(name)") }
    var unknownOnly = VariableSet()
    unknownOnly.insert("x-custom")
    #expect(!unknownOnly.isEmpty && unknownOnly.contains("x-custom") && !unknownOnly.contains(.title))
  }
}
