import BibModel
import CSLStyle
import Foundation
import Testing

@testable import CSLEngine

/// Disambiguation reuses an item's rendering for every settings its reads (`SettingsReads`:
/// the given-name levels read, the added names that show every name, the `disambiguate` tests
/// evaluated) say render alike. Whatever settings a rendering serves must render exactly its
/// text: checked on random pairs of settings, with a style built to exercise every read, and
/// with the official core styles on corpus items where ../shared is present.
@Suite struct SettingsReadsTests {
  typealias SplitMix = TextCaserTests.SplitMix

  /// Et-al in several shapes (use-last, count form, a substitute), given names that expand,
  /// and `disambiguate` tests in a substitute's `cs:choose`, in a macro and in the layout.
  static let style = """
    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <info><id/><title/></info>
      <macro name="who">
        <names variable="author">
          <name form="short" initialize-with=". "/>
          <substitute>
            <choose>
              <if disambiguate="true"><text variable="title"/></if>
              <else><names variable="editor"/></else>
            </choose>
          </substitute>
        </names>
      </macro>
      <citation et-al-min="3" et-al-use-first="1" disambiguate-add-names="true" disambiguate-add-givenname="true">
        <layout>
          <group delimiter=", ">
            <text macro="who"/>
            <names variable="editor"><name form="count"/></names>
            <names variable="translator">
              <name et-al-min="4" et-al-use-first="2" et-al-use-last="true" initialize-with="."/>
            </names>
            <choose><if disambiguate="true"><date variable="issued"><date-part name="year"/></date></if></choose>
            <choose><if disambiguate="true"><text variable="title" form="short"/></if></choose>
          </group>
        </layout>
      </citation>
    </style>
    """

  static func names(_ generator: inout SplitMix, upTo most: Int) -> [Name] {
    let families = ["Wang", "Li", "Zhang", "Doe", "Roe"]
    let givens = ["Wei", "Wen", "Jane", "John", "J."]
    return (0..<Int.random(in: 0...most, using: &generator)).map { _ in
      Name(
        family: families.randomElement(using: &generator) ?? "Wang",
        given: givens.randomElement(using: &generator) ?? "Wei")
    }
  }

  static func references(_ count: Int, _ generator: inout SplitMix) -> [Reference] {
    (0..<count).map { index in
      var reference = Reference(id: "r\(index)", type: .book)
      reference.names[.author] = names(&generator, upTo: 6)
      reference.names[.editor] = names(&generator, upTo: 3)
      reference.names[.translator] = names(&generator, upTo: 6)
      reference.variables[.title] = "Title \(index % 5)"
      reference.dates[.issued] = DateValue(year: 2000 + index % 3)
      return reference
    }
  }

  static func settings(_ generator: inout SplitMix) -> DisambiguationState {
    var state = DisambiguationState()
    state.addNames = Int.random(in: 0...6, using: &generator)
    for index in 0..<5 where Bool.random(using: &generator) {
      state.givenLevels[index] = Int.random(in: 0...2, using: &generator)
    }
    state.conditionLevel = [0, 0, 1, 2, 3, Int.max].randomElement(using: &generator) ?? 0
    return state
  }

  /// The settings with one of them changed at random, as a search changes them.
  static func varied(_ state: DisambiguationState, _ generator: inout SplitMix) -> DisambiguationState {
    var varied = state
    switch generator.next() % 3 {
    case 0: varied.addNames = Int.random(in: 0...6, using: &generator)
    case 1: varied.givenLevels[Int.random(in: 0...4, using: &generator)] = Int.random(in: 0...2, using: &generator)
    default: varied.conditionLevel = [0, 1, 2, 3, Int.max].randomElement(using: &generator) ?? 0
    }
    return varied
  }

  /// For `pairs` random pairs of settings per item and context: a rendering under the first
  /// that serves the second equals the second's rendering. Returns how many pairs of different
  /// settings were served, and how many of those had different rendered texts under a third
  /// unserved settings (so the items do respond to their settings).
  static func check(
    _ processor: Processor, items: [Int], pairs: Int, generator: inout SplitMix, label: String
  ) -> (served: Int, unservedDiffering: Int) {
    var served = 0
    var unservedDiffering = 0
    var subsequent = CiteContext()
    subsequent.position = .subsequent
    for item in items {
      for context in [CiteContext(), subsequent] {
        for _ in 0..<pairs {
          let first = settings(&generator)
          let second = Bool.random(using: &generator) ? settings(&generator) : varied(first, &generator)
          let made = processor.renderItemCollecting(
            item, context: context, state: first, mode: .citation, comparing: true, collectNames: false)
          let again = processor.renderItemCollecting(
            item, context: context, state: second, mode: .citation, comparing: true, collectNames: false)
          if made.reads.serve(first, as: second) {
            if first != second { served += 1 }
            #expect(
              made.node.plainText == again.node.plainText,
              "\(label) item \(item): \(first) served \(second) but renders differently")
          } else if made.node.plainText != again.node.plainText {
            unservedDiffering += 1
          }
        }
      }
    }
    return (served, unservedDiffering)
  }

  @Test func servedSettingsRenderAlike() throws {
    var generator = SplitMix(state: 0x5E77)
    let parsed = try #require(StyleParser.parse(Self.style).style)
    let references = Self.references(300, &generator)
    let store = LocaleStore(files: EmbeddedLocales.files)
    let (compiled, _) = CompiledStyle.resolving(style: parsed, store: store, language: nil, references: references)
    let processor = Processor(compiled: compiled, references: references)
    let counts = Self.check(
      processor, items: Array(references.indices), pairs: 12, generator: &generator, label: "test style")
    // Reuse is common (a short name list reaches every added count) and the items respond to
    // their settings: both sides of the check are exercised.
    #expect(counts.served > 1000, "\(counts.served) served pairs")
    #expect(counts.unservedDiffering > 1000, "\(counts.unservedDiffering) pairs rendering apart")
  }

  /// Every name shown is counted: with et-al cutting a list, one added name more changes the
  /// text, and the reads say so; at the count that shows every name, more change nothing.
  @Test func addedNamesServeOnceEveryNameShows() throws {
    let parsed = try #require(StyleParser.parse(Self.style).style)
    var reference = Reference(id: "r", type: .book)
    reference.names[.author] = ["Wang", "Li", "Zhang", "Doe"].map { Name(family: $0, given: "A") }
    let store = LocaleStore(files: EmbeddedLocales.files)
    let (compiled, _) = CompiledStyle.resolving(style: parsed, store: store, language: nil, references: [reference])
    let processor = Processor(compiled: compiled, references: [reference])
    func rendered(_ added: Int) -> (text: String, reads: SettingsReads) {
      let state = DisambiguationState(addNames: added)
      let made = processor.renderItemCollecting(
        0, context: CiteContext(), state: state, mode: .citation, comparing: true, collectNames: false)
      return (made.node.plainText, made.reads)
    }
    #expect(rendered(0).reads.addNamesNeeded == 3)
    #expect(rendered(2).text != rendered(3).text)
    #expect(!rendered(2).reads.serve(DisambiguationState(addNames: 2), as: DisambiguationState(addNames: 3)))
    #expect(rendered(3).reads.serve(DisambiguationState(addNames: 3), as: DisambiguationState(addNames: 9)))
    #expect(rendered(3).text == rendered(9).text)
  }

  /// Name indices as bits: each index below 64 on its own, every index from 64 on together.
  @Test func nameIndicesAreBitsAndTheHighOnesOneClass() {
    var generator = SplitMix(state: 0x64)
    for _ in 0..<2_000 {
      let inserted = Set(
        (0..<Int.random(in: 0...6, using: &generator)).map { _ in Int.random(in: 0..<70, using: &generator) })
      var set = NameIndexSet()
      for index in inserted { set.insert(index) }
      let high = inserted.contains { $0 >= 64 }
      for probe in 0..<80 {
        #expect(set.contains(probe) == (inserted.contains(probe) || (probe >= 64 && high)), "\(inserted) \(probe)")
      }
      var other = NameIndexSet()
      other.insert(3)
      var union = set
      union.formUnion(other)
      #expect(union.contains(3) && inserted.allSatisfy { union.contains($0) })
    }
  }

  /// The official core styles on corpus items: every served pair renders alike.
  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: SettingsReadsTests.corpus),
      "the benchmark corpus and styles in ../shared are absent (a user's clone; CI has them)"))
  func coreStylesRenderServedSettingsAlike() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let stylesDirectory = root.deletingLastPathComponent().appendingPathComponent("shared/csl/styles").path
    let files = try FileManager.default.contentsOfDirectory(atPath: stylesDirectory).filter { $0.hasSuffix(".csl") }
      .sorted()
    #expect(files.count >= 27)
    let text = try String(contentsOfFile: Self.corpus, encoding: .utf8)
    let all = CSLJSON.read(text, file: Self.corpus).references
    let references = stride(from: 0, to: all.count, by: 40).map { all[$0] }
    let store = LocaleStore(files: EmbeddedLocales.files)
    var generator = SplitMix(state: 0xC0DE)
    var served = 0
    for file in files {
      let path = stylesDirectory + "/" + file
      let parsed = try #require(StyleParser.parse(try String(contentsOfFile: path, encoding: .utf8), file: path).style)
      let (compiled, _) = CompiledStyle.resolving(style: parsed, store: store, language: nil, references: references)
      let processor = Processor(compiled: compiled, references: references)
      served +=
        Self.check(
          processor, items: Array(references.indices), pairs: 3, generator: &generator, label: file
        ).served
    }
    #expect(served > 1000, "\(served) served pairs")
  }

  static var corpus: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/bench/corpus-1000.json")
      .path
  }
}
