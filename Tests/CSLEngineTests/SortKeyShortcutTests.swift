import BibModel
import CSLStyle
import Testing

@testable import CSLEngine

/// Work a sort key skips must not change it: text-case on ASCII text (the key folds case), and
/// keys that print no name when only the name settings change between two sorts.
@Suite struct SortKeyShortcutTests {
  static func processor(
    locale: String, macros: String, sort: String, references: [Reference]
  ) throws -> Processor {
    let text = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="\(locale)">
        <info><id/><title/></info>
        \(macros)
        <citation><layout><text variable="title"/></layout></citation>
        <bibliography><sort>\(sort)</sort><layout><text variable="title"/></layout></bibliography>
      </style>
      """
    let style = try #require(StyleParser.parse(text).style)
    return Processor(compiled: CompiledStyle(style: style, locale: CSL.Locale(lang: locale)), references: references)
  }

  static func key(_ value: SortValue) -> String? {
    if case .text(let text) = value { return text }
    return nil
  }

  @Test(arguments: ["en-US", "tr-TR"])
  func textCaseInAKeyFoldsAsTheCasedText(locale: String) throws {
    let cases: [CSL.TextCase] = [.lowercase, .uppercase, .capitalizeFirst, .capitalizeAll, .sentence, .title]
    // ASCII titles (casing skipped, unless Turkish casing makes "I" a letter of its own) and
    // titles whose casing changes letters ("ß" upper-cases to "SS").
    let titles = ["Iris and the idea", "war of the worlds", "straße der Stadt", "İstanbul in 1453"]
    for textCase in cases {
      for title in titles {
        let style = try #require(
          StyleParser.parse(
            """
            <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="\(locale)">
              <info><id/><title/></info>
              <macro name="cased"><text variable="title" text-case="\(textCase.rawValue)"/></macro>
              <citation><layout><text variable="title"/></layout></citation>
              <bibliography><sort><key macro="cased"/></sort><layout><text variable="title"/></layout></bibliography>
            </style>
            """
          ).style)
        let cased = Processor(
          compiled: CompiledStyle(style: style, locale: CSL.Locale(lang: locale)),
          references: [Reference(id: "a", type: .book, variables: ["title": title])])
        let keys = try #require(style.bibliography?.sort)
        let value = Self.key(cased.sortValue(0, key: keys[0], number: nil, mode: .bibliography))
        // Title case applies to English only (the locale's language for an item without one).
        var caser = TextCaser(textCase, english: locale.hasPrefix("en"))
        caser.turkic = locale.hasPrefix("tr")
        let expected = Self.key(cased.sortText(caser.applyAll(.text(title)).plainText))
        #expect(value == expected, "\(locale) \(textCase) \(title)")
      }
    }
  }

  @Test func onlyKeysThatCanPrintANameReadNameSettings() throws {
    let macros = """
      <macro name="title"><group><text variable="title"/></group></macro>
      <macro name="names"><names variable="author"/></macro>
      <macro name="calls-names"><choose><if type="book"><text macro="names"/></if></choose></macro>
      <macro name="loop"><text macro="loop"/><text variable="title"/></macro>
      <macro name="author-as-text"><text variable="author"/></macro>
      """
    let processor = try Self.processor(locale: "en-US", macros: macros, sort: "", references: [])
    let style = processor.compiled.style
    func reaches(_ source: CSL.SortKey.Source) -> Bool {
      MacroGraph.reachesNames(CSL.SortKey(source: source), in: style)
    }
    #expect(!reaches(.macro("title")))
    #expect(reaches(.macro("names")))
    #expect(reaches(.macro("calls-names")))
    #expect(!reaches(.macro("loop")))
    #expect(reaches(.macro("author-as-text")))
    #expect(!reaches(.macro("missing")))
    #expect(reaches(.variable(.author)))
    #expect(!reaches(.variable(.title)))
  }

  @Test func aSecondSortWithNameSettingsMatchesAFreshOne() throws {
    // Initials tie both Silvas, so the first sort falls back on the title; given names in
    // full (the settings disambiguation carries) order them the other way.
    let macros = """
      <macro name="author"><names variable="author"><name name-as-sort-order="all" initialize-with=". "/></names></macro>
      <macro name="title"><text variable="title"/></macro>
      """
    let references = [
      Reference(
        id: "john", type: .book, variables: ["title": "Zebra"],
        names: ["author": [Name(family: "Silva", given: "John")]]),
      Reference(
        id: "julia", type: .book, variables: ["title": "Apple"],
        names: ["author": [Name(family: "Silva", given: "Julia")]]),
      Reference(
        id: "ann", type: .book, variables: ["title": "Mango"], names: ["author": [Name(family: "Adams", given: "Ann")]]),
    ]
    let processor = try Self.processor(
      locale: "en-US", macros: macros, sort: "<key macro=\"author\"/><key macro=\"title\"/>", references: references)
    let keys = try #require(processor.compiled.style.bibliography?.sort)
    let items = [0, 1, 2]
    let first = processor.sortKeepingKeys(items, keys: keys, numbers: [:], mode: .bibliography)
    #expect(first.order == [2, 1, 0])
    var expanded = DisambiguationState()
    expanded.givenLevels = [0: 2]
    let states: ItemTable<DisambiguationState> = [0: expanded, 1: expanded]
    let reused = processor.sortKeepingKeys(
      items, keys: keys, numbers: [:], mode: .bibliography, states: states, reusing: first.table)
    let fresh = processor.sortKeepingKeys(items, keys: keys, numbers: [:], mode: .bibliography, states: states)
    #expect(reused.order == fresh.order)
    #expect(reused.order == [2, 0, 1])
  }
}
