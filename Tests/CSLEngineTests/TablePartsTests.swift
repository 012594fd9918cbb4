import BibModel
import CSLStyle
import Testing

@testable import CSLEngine

/// Tables keyed by prehashed text are split by hash into parts that fill on all cores: the
/// texts disambiguation claims, the given-name tables of the global rules and the
/// bibliography's registry of shared names. However many parts, the result must be the one
/// table's, on items whose names and renderings collide.
@Suite struct TablePartsTests {
  typealias SplitMix = TextCaserTests.SplitMix

  static func processor(rule: String, references: [Reference]) throws -> Processor {
    let text = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><id/><title/></info>
        <citation disambiguate-add-givenname="true" givenname-disambiguation-rule="\(rule)">
          <layout delimiter="; "><group delimiter=", ">
            <names variable="author"><name form="short" initialize-with=". "/></names>
            <date variable="issued"><date-part name="year"/></date>
          </group></layout>
        </citation>
        <bibliography><layout>
          <names variable="author editor"><name initialize-with=". "/></names>
        </layout></bibliography>
      </style>
      """
    let style = try #require(StyleParser.parse(text).style)
    let locale = #"<locale xmlns="http://purl.org/net/xbiblio/csl" xml:lang="en-US"><terms/></locale>"#
    let (resolved, _) = LocaleStore(files: ["en-US": locale]).resolve(style: style, language: nil)
    return Processor(style: style, locale: resolved, references: references)
  }

  /// Many people share a family name, some their initials too (Wang Wei, Wang Wen).
  static func references(_ count: Int, _ generator: inout SplitMix) -> [Reference] {
    let families = ["Wang", "Li", "Zhang", "Doe", "Roe", "Chen", "Liu", "Yang"]
    let givens = ["Wei", "Wen", "Jane", "John", "J.", "Min", "Ming", "Lan"]
    func names(upTo most: Int) -> [Name] {
      (0..<Int.random(in: 1...most, using: &generator)).map { _ in
        Name(
          family: families.randomElement(using: &generator) ?? "Wang",
          given: givens.randomElement(using: &generator) ?? "Wei")
      }
    }
    return (0..<count).map { index in
      var reference = Reference(id: "r\(index)", type: .book)
      reference.names[.author] = names(upTo: 3)
      reference.names[.editor] = names(upTo: 2)
      reference.dates[.issued] = DateValue(year: 2000 + index % 4)
      return reference
    }
  }

  @Test func everyValueFallsInOnePart() {
    var generator = SplitMix(state: 11)
    for _ in 0..<2_000 {
      let text = HashedText(String(generator.next() % 100_000))
      for parts in [1, 2, 8] {
        let part = text.part(among: parts)
        #expect((0..<parts).contains(part))
        #expect(HashedText(text.value).part(among: parts) == part)
      }
    }
  }

  @Test(arguments: ["all-names", "all-names-with-initials", "primary-name", "primary-name-with-initials"])
  func givenNameTablesInPartsAgreeWithOneTable(rule: String) throws {
    var generator = SplitMix(state: 5)
    let references = Self.references(600, &generator)
    let processor = try Self.processor(rule: rule, references: references)
    let givennameRule = try #require(CSL.GivennameRule(rawValue: rule))
    let items = Array(references.indices)
    let printed = items.map { [references[$0].names[.author] ?? []] }
    var one: ItemTable<DisambiguationState> = [:]
    processor.globalNameDisambiguation(items, printed: printed, rule: givennameRule, states: &one, parts: 1)
    #expect(one.values.contains { !$0.givenLevels.isEmpty }, "the names collide")
    for parts in [2, 8] {
      var split: ItemTable<DisambiguationState> = [:]
      processor.globalNameDisambiguation(items, printed: printed, rule: givennameRule, states: &split, parts: parts)
      #expect(split == one, "\(rule) in \(parts) parts")
    }
    if rule == "all-names" || rule == "primary-name" {
      let shared = processor.sharedNames(items, parts: 1)
      #expect(!shared.isEmpty, "the bibliography's names collide")
      for parts in [2, 8] { #expect(processor.sharedNames(items, parts: parts) == shared, "\(rule) in \(parts) parts") }
    }
  }

  @Test func claimedTextsInPartsAgreeWithOneTable() throws {
    var generator = SplitMix(state: 9)
    let references = Self.references(600, &generator)
    let processor = try Self.processor(rule: "by-cite", references: references)
    let items = Array(references.indices)
    var subsequent = CiteContext()
    subsequent.position = .subsequent
    var contexts = ItemTable<[CiteContext]>()
    for item in items { contexts[item] = [CiteContext(), subsequent] }
    var pass = Disambiguation(processor: processor, contexts: contexts, cache: nil)
    pass.prewarm(items)
    var single = pass
    let one = single.ambiguousGroups(items, parts: 1)
    #expect(one.count > 10, "many groups collide")
    for parts in [2, 8] {
      var split = pass
      #expect(split.ambiguousGroups(items, parts: parts) == one, "\(parts) parts")
    }
  }
}
