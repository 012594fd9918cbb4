import BibModel
import CSLStyle
import Testing

@testable import CSLEngine

/// A second sort of the bibliography (names as disambiguation printed them) keeps a key's
/// value when its rendering read nothing the new settings change (`SortKeyReads`). Whatever
/// the name form, initials and settings, a kept value must be the value rendered afresh.
@Suite struct SortKeyReadsTests {
  static let nameForms = [
    "<name/>", "<name initialize-with=\". \"/>", "<name initialize-with=\". \" initialize=\"false\"/>",
    "<name form=\"short\"/>", "<name name-as-sort-order=\"all\" initialize-with=\".\"/>",
  ]
  static let givens = ["John", "J.R.", "J. R.", "Anne-Marie", "A.", "", "Jean Paul"]

  static func processor(nameForm: String, references: [Reference]) throws -> Processor {
    let text = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><id/><title/></info>
        <macro name="author"><names variable="author">\(nameForm)</names></macro>
        <citation><layout><text macro="author"/></layout></citation>
        <bibliography et-al-min="3" et-al-use-first="1"><sort><key macro="author"/></sort>
          <layout><text macro="author"/></layout></bibliography>
      </style>
      """
    let style = try #require(StyleParser.parse(text).style)
    let (locale, _) = LocaleStore(files: ["en-US": ProcessorTests.locale]).resolve(style: style, language: nil)
    return Processor(style: style, locale: locale, references: references)
  }

  static func describe(_ value: SortValue) -> String {
    switch value {
    case .missing: "missing"
    case .number(let number): "number \(number)"
    case .text(let text): "text \(text)"
    }
  }

  static func state(_ generator: inout TextCaserTests.SplitMix) -> DisambiguationState {
    var state = DisambiguationState()
    state.addNames = Int(generator.next() % 3)
    for index in 0..<4 where generator.next() % 3 == 0 { state.givenLevels[index] = 1 + Int(generator.next() % 2) }
    state.givenLevelsFirstNamesOnly = generator.next() % 2 == 0
    if generator.next() % 5 == 0 { state.sharedNames = ["author": [0: 2]] }
    return state
  }

  @Test func keptValuesAreTheValuesRenderedAfresh() throws {
    var generator = TextCaserTests.SplitMix(state: 23)
    let references = (0..<60).map { number in
      let names = (0..<(1 + Int(generator.next() % 4))).map { _ in
        Name(family: generator.next() % 2 == 0 ? "Smith" : "Jones", given: Self.givens[Int(generator.next() % 7)])
      }
      return Reference(id: "r\(number)", type: "book", names: ["author": names])
    }
    var (kept, redone) = (0, 0)
    for form in Self.nameForms {
      let processor = try Self.processor(nameForm: form, references: references)
      let key = try #require(processor.compiled.style.bibliography?.sort.first)
      for item in references.indices {
        for _ in 0..<8 {
          // The first sort renders under plain settings; values made under others are never kept.
          let after = Self.state(&generator)
          let first = processor.sortValueReading(item, key: key, number: nil, mode: .bibliography)
          let otherState = Self.state(&generator)
          let other = processor.sortValueReading(item, key: key, number: nil, mode: .bibliography, state: otherState)
          if otherState != DisambiguationState() { #expect(!other.reads.serves(after)) }
          let again = processor.sortValue(item, key: key, number: nil, mode: .bibliography, state: after)
          if first.reads.serves(after) {
            kept += 1
            #expect(Self.describe(first.value) == Self.describe(again), "\(form) \(references[item].names)")
          } else {
            redone += 1
          }
        }
      }
    }
    // Both answers occur often.
    #expect(kept > 300 && redone > 300, "\(kept) \(redone)")
  }

  /// A second sort that reuses the first one's table keeps the items whose values come out as
  /// before in the first sort's order and merges the others in: the order is the order a
  /// sort from scratch gives under the same settings.
  @Test func aSecondSortOrdersAsASortFromScratch() throws {
    var generator = TextCaserTests.SplitMix(state: 0x5EC0)
    let families = ["Smith", "Jones", "Ng", "Okafor", "Abbott", "Zhou"]
    let references = (0..<700).map { number in
      let names = (0..<(1 + Int(generator.next() % 4))).map { _ in
        Name(family: families[Int(generator.next() % 6)], given: Self.givens[Int(generator.next() % 7)])
      }
      return Reference(id: "r\(number)", type: "book", names: ["author": names])
    }
    let items = Array(references.indices)
    var compared = 0
    for form in Self.nameForms {
      let processor = try Self.processor(nameForm: form, references: references)
      let keys = try #require(processor.compiled.style.bibliography?.sort)
      for share in [3, 10] {
        let first = processor.sortKeepingKeys(items, keys: keys, numbers: [:], mode: .bibliography)
        // Settings for one item in `share`: a minority, so the kept items are merged with the rest.
        var states: ItemTable<DisambiguationState> = [:]
        for item in items where generator.next() % UInt64(share) == 0 { states[item] = Self.state(&generator) }
        let again = processor.sortKeepingKeys(
          items, keys: keys, numbers: [:], mode: .bibliography, states: states, reusing: first.table)
        let fresh = processor.sortKeepingKeys(items, keys: keys, numbers: [:], mode: .bibliography, states: states)
        #expect(again.order == fresh.order, "\(form), one in \(share)")
        #expect(again.order != first.order || states.isEmpty, "\(form): the settings move some items")
        compared += 1
      }
    }
    #expect(compared == 2 * Self.nameForms.count)
  }

  /// A name printed in full without initials reads no given-name level; initials, a short
  /// form, or initials that respace a given name do.
  @Test func levelsMatterOnlyWhereTheyCanChangeAName() throws {
    let plain = Reference(id: "a", type: "book", names: ["author": [Name(family: "Smith", given: "John")]])
    let initials = Reference(id: "b", type: "book", names: ["author": [Name(family: "Smith", given: "J.R.")]])
    func matters(_ form: String, _ reference: Reference) throws -> Bool {
      let processor = try Self.processor(nameForm: form, references: [reference])
      let key = try #require(processor.compiled.style.bibliography?.sort.first)
      return processor.sortValueReading(0, key: key, number: nil, mode: .bibliography).reads.levelsMatter
    }
    #expect(try !matters("<name/>", plain))
    #expect(try matters("<name form=\"short\"/>", plain))
    #expect(try matters("<name initialize-with=\". \"/>", plain))
    #expect(try !matters("<name initialize-with=\". \" initialize=\"false\"/>", plain))
    #expect(try matters("<name initialize-with=\". \" initialize=\"false\"/>", initials))
  }
}
