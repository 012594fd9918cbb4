import BibModel
import Testing

@testable import CSLEngine

/// `variable` conditions read a reference's presence table: a known name by its bits (both
/// words of them), any other name from the table; the first answer recorded stands.
@Suite struct VariablePresenceTests {
  @Test func answersForKnownAndUnknownNames() {
    var presence = VariablePresence()
    presence.record(.title, true)
    presence.record(.translator, false)
    presence.record("x-custom", true)
    presence.record(.title, false)
    #expect(CSLVariable.title.ordinal < 64 && CSLVariable.translator.ordinal >= 64)
    #expect(presence[.title] == true)
    #expect(presence[.translator] == false)
    #expect(presence["x-custom"] == true)
    #expect(presence[.author] == nil)
    #expect(presence["x-other"] == nil)
  }

  @Test func aReferenceAnswersLikeItsFields() {
    var reference = Reference(id: "a", type: .book)
    reference.variables[.title] = "Title"
    reference.variables[.note] = ""
    reference.names[.author] = []
    reference.names[.editor] = [Name(family: "Zhou")]
    let presence = VariableLookup.presence(of: reference)
    #expect(presence[.title] == true)
    #expect(presence[.note] == nil)
    #expect(presence[.author] == false)
    #expect(presence[.editor] == true)
    #expect(presence[.issued] == nil)
  }
}
