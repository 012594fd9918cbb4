import BibModel
import CSLStyle
import Testing

@testable import CSLEngine

/// A `cs:names` element's plan (the element completed from the one it substitutes for, its
/// merged options, et-al and multilingual forms) is kept by the run's cache, keyed by the
/// elements' storage. Rendered with the cache or without it, every item prints alike, and the
/// cache holds one plan per place a `cs:names` is reached from, however many items render.
@Suite struct NamesPlanTests {
  /// Substitution in every form the plan covers: a bare `cs:names` taking the substituted
  /// element's name, et-al, label and delimiter; one with a `cs:name` of its own inheriting
  /// only the et-al options; a macro reached inside the substitute (its `cs:names` completed
  /// from the element it stands in for, one element reached from two); decorated and
  /// undecorated elements; a sort key by a name variable; citation and bibliography options
  /// that differ.
  static let style = """
    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" et-al-min="4" et-al-use-first="2">
      <info><id/><title/></info>
      <macro name="editors">
        <names variable="editor" delimiter=" / "/>
      </macro>
      <macro name="contributors">
        <names variable="author" prefix="[" suffix="]" font-style="italic">
          <name form="short" and="symbol" delimiter="; "/>
          <et-al term="and others"/>
          <label form="short" prefix=" (" suffix=")"/>
          <substitute>
            <names variable="translator"/>
            <names variable="collection-editor">
              <name initialize-with="." name-as-sort-order="all"/>
            </names>
            <text macro="editors"/>
            <text variable="title"/>
          </substitute>
        </names>
      </macro>
      <macro name="plain">
        <names variable="author">
          <name/>
          <substitute><text macro="editors"/><text variable="title"/></substitute>
        </names>
      </macro>
      <citation et-al-min="3" et-al-use-first="1">
        <layout delimiter="; "><group delimiter=" "><text macro="contributors"/><text macro="plain"/></group></layout>
      </citation>
      <bibliography>
        <sort><key variable="author"/><key variable="editor"/><key macro="contributors"/></sort>
        <layout>
          <choose><if type="book"><text macro="contributors"/></if><else><text macro="plain"/></else></choose>
        </layout>
      </bibliography>
    </style>
    """

  static func references(_ count: Int) -> [Reference] {
    var generator = TextCaserTests.SplitMix(state: 0x9A17)
    let families = ["Smith", "Jones", "van Dijk", "Ng", "Okafor"]
    let variables: [CSLVariable] = ["author", "translator", "collection-editor", "editor"]
    return (0..<count).map { number in
      var names: [CSLVariable: [Name]] = [:]
      for variable in variables where generator.next() % 3 == 0 {
        names[variable] = (0..<(1 + Int(generator.next() % 5))).map { _ in
          Name(family: families[Int(generator.next() % 5)], given: generator.next() % 2 == 0 ? "Ann" : "B. C.")
        }
      }
      return Reference(
        id: "r\(number)", type: number % 2 == 0 ? "book" : "report", variables: ["title": "Title \(number)"],
        names: names)
    }
  }

  static func processor(_ references: [Reference]) throws -> Processor {
    let style = try #require(StyleParser.parse(style).style)
    let (locale, _) = LocaleStore(files: ["en-US": ProcessorTests.locale]).resolve(style: style, language: nil)
    return Processor(style: style, locale: locale, references: references)
  }

  @Test func itemsRenderAlikeWithAndWithoutTheCache() throws {
    let references = Self.references(120)
    let processor = try Self.processor(references)
    let cache = RenderCache()
    var printed = Set<String>()
    for index in references.indices {
      for mode in [RenderMode.citation, .bibliography] {
        for addNames in 0...1 {
          var state = DisambiguationState()
          state.addNames = addNames
          let cached = processor.renderItem(index, context: CiteContext(), state: state, mode: mode, cache: cache)
          let fresh = processor.renderItem(index, context: CiteContext(), state: state, mode: mode, cache: nil)
          #expect(cached == fresh, "item \(index), \(mode), \(addNames) added names")
          printed.insert(cached.plainText)
        }
      }
    }
    // The items differ in which variable substitutes: the renderings are many, not one.
    #expect(printed.count > 200, "\(printed.count) renderings")
    // Two `cs:names` at the top, four reached inside substitutes, under two sets of options.
    #expect(cache.planCount <= 12, "\(cache.planCount) plans")
  }

  @Test func theSortByNamesOrdersAlikeWithAndWithoutTheCache() throws {
    let references = Self.references(80)
    let processor = try Self.processor(references)
    let keys = try #require(processor.compiled.style.bibliography?.sort)
    let items = Array(references.indices)
    let cached = processor.sort(items, keys: keys, numbers: [:], mode: .bibliography, cache: RenderCache())
    let fresh = processor.sort(items, keys: keys, numbers: [:], mode: .bibliography, cache: nil)
    #expect(cached == fresh)
    #expect(cached != items, "the sort reorders the items")
  }

  @Test func oneElementPerSortVariable() {
    let cache = RenderCache()
    let first = cache.sortNames("author")
    #expect(first.storageIdentity == cache.sortNames("author").storageIdentity)
    #expect(first.storageIdentity != cache.sortNames("editor").storageIdentity)
    #expect(first.variables == ["author"])
  }
}
