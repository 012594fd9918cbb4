import BibModel
import CSLStyle
import Testing

@testable import CSLEngine

/// Conditions of type and variable tests are answered from words (`CSL.Condition.Quick`):
/// as the tests themselves answer, for generated conditions on generated items, the cite's
/// variables and those made from others included (the words then decline to answer).
@Suite struct QuickConditionTests {
  static let variables: [CSLVariable] = [
    .title, .volume, .author, .editor, .issued, .page, .url, .doi, .locator, .yearSuffix, .citationNumber,
    .pageFirst, .titleShort, .containerTitleShort, .citationLabel, .firstReferenceNoteNumber, "custom-field",
  ]
  static let types: [ItemType] = [.book, .chapter, .webpage, .articleJournal, "some-new-type"]

  static func reference(_ generator: inout TextCaserTests.SplitMix) -> Reference {
    var reference = Reference(id: "r", type: types.randomElement(using: &generator) ?? .book)
    for variable in variables where Bool.random(using: &generator) {
      switch generator.next() % 4 {
      case 0: reference.variables[variable] = ""
      case 1: reference.names[variable] = Bool.random(using: &generator) ? [] : [Name(family: "Ng")]
      case 2: reference.dates[variable] = DateValue(year: 2001)
      default: reference.variables[variable] = "4"
      }
    }
    return reference
  }

  static func condition(_ generator: inout TextCaserTests.SplitMix) -> CSL.Condition {
    let tests = (0..<Int(generator.next() % 4)).map { _ -> CSL.Condition.Test in
      Bool.random(using: &generator)
        ? .type(types.randomElement(using: &generator) ?? .book)
        : .variable(variables.randomElement(using: &generator) ?? .title)
    }
    let match: CSL.Match = [.all, .any, .none].randomElement(using: &generator) ?? .all
    return CSL.Condition(tests: tests, match: match)
  }

  @Test func wordsAnswerAsTheTests() throws {
    let compiled = try MacroGateTests.compiled()
    var generator = TextCaserTests.SplitMix(state: 57)
    var (answered, declined) = (0, 0)
    for _ in 0..<4_000 {
      let reference = Self.reference(&generator)
      var cite = CiteContext()
      if Bool.random(using: &generator) { cite.locator = "12" }
      if Bool.random(using: &generator) { cite.citationNumber = 3 }
      let lookup = VariableLookup(
        reference: reference, cite: cite, yearSuffixText: Bool.random(using: &generator) ? "a" : nil,
        presence: VariableLookup.presence(of: reference))
      let renderer = Renderer(compiled: compiled, lookup: lookup, mode: .citation, disambiguation: .init())
      for _ in 0..<5 {
        let condition = Self.condition(&generator)
        guard let quick = condition.quick else { continue }
        if let answer = renderer.quickly(quick) {
          answered += 1
          #expect(answer == renderer.evaluate(condition), "\(condition) on \(reference)")
        } else {
          declined += 1
        }
      }
    }
    #expect(answered > 5_000 && declined > 1_000, "\(answered) answered, \(declined) declined")
  }

  @Test func onlyTypeAndKnownVariableTestsHaveWords() {
    #expect(CSL.Condition(tests: [.type(.book), .variable(.title)], match: .any).quick != nil)
    #expect(CSL.Condition(tests: [], match: .all).quick != nil)
    #expect(CSL.Condition(tests: [.variable("custom-field")]).quick == nil)
    #expect(CSL.Condition(tests: [.type("some-new-type")]).quick == nil)
    #expect(CSL.Condition(tests: [.isNumeric(.volume)]).quick == nil)
    #expect(CSL.Condition(tests: [.disambiguate(true)]).quick == nil)
    // A choose keeps its words in step with its branches.
    var choose = CSL.Choose(branches: [CSL.Branch(condition: CSL.Condition(tests: [.type(.book)]), children: [])])
    #expect(choose.quickConditions.count == 1 && choose.quickConditions[0] != nil)
    choose.branches[0].condition.tests.append(.isNumeric(.volume))
    #expect(choose.quickConditions[0] == nil)
    choose.branches.append(CSL.Branch(condition: CSL.Condition(tests: [.variable(.title)]), children: []))
    #expect(choose.quickConditions.count == 2 && choose.quickConditions[1] != nil)
  }

  /// Every variable `has` answers for an item that lists nothing is one the words leave to
  /// the lookup (`VariableLookup.derivedVariables`): a new such case cannot slip past them.
  @Test func variablesAnsweredWithoutTheItemAreLeftToTheLookup() {
    var cite = CiteContext()
    cite.locator = "12"
    cite.citationNumber = 3
    cite.position = .subsequent
    cite.firstNoteNumber = 1
    var reference = Reference(id: "r", type: .book)
    reference.variables[.page] = "5-9"
    reference.variables[.title] = "T"
    reference.variables[.containerTitle] = "C"
    reference.variables["shortTitle"] = "S"
    reference.variables["journalAbbreviation"] = "J"
    let lookup = VariableLookup(
      reference: reference, cite: cite, yearSuffixText: "a", presence: VariableLookup.presence(of: reference))
    let all = CSLVariables.standard.union(CSLVariables.numbers).union(CSLVariables.dates).union(CSLVariables.names)
    var derived = 0
    for variable in all where !reference.variables.keys.contains(variable) && lookup.has(variable) {
      derived += 1
      let bits = VariableBits().adding(variable)
      #expect(bits.map { lookup.hasFromBits($0, all: false) == nil } ?? true, "\(variable)")
    }
    #expect(derived >= 6, "\(derived) variables answered without the item")
  }
}
