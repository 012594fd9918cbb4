import BibModel
import CSLStyle
import Testing

@testable import CSLEngine

/// Macro gates: which macros get one, what each assumes of the item, and that a closed gate
/// renders as the macro would.
@Suite struct MacroGateTests {
  static let macros = """
    <macro name="in-container">
      <group delimiter=" "><text term="in"/><text variable="container-title"/><text variable="volume"/></group>
    </macro>
    <macro name="retrieved">
      <choose><if type="webpage post"><text term="retrieved"/><text variable="URL"/></if></choose>
    </macro>
    <macro name="title-or-term">
      <choose><if type="book"><text variable="title"/></if><else><text term="in"/></else></choose>
    </macro>
    <macro name="author">
      <names variable="author"><substitute><text variable="title"/></substitute></names>
    </macro>
    <macro name="disambiguated">
      <choose><if disambiguate="true"><text variable="volume"/></if></choose>
    </macro>
    <macro name="nested">
      <group prefix="(" suffix=")"><text macro="in-container"/><date variable="issued" form="text"/></group>
    </macro>
    <macro name="edition-when-present">
      <choose>
        <if variable="edition"><text variable="edition"/><text term="edition" prefix=" "/></if>
        <else-if variable="volume" match="none"><group><text term="and"/><text variable="volume"/></group></else-if>
      </choose>
    </macro>
    <macro name="locator">
      <text variable="locator"/>
    </macro>
    <macro name="archive-locator">
      <choose><if variable="archive"><text macro="locator"/></if></choose>
    </macro>
    """

  static let locale = """
    <locale xmlns="http://purl.org/net/xbiblio/csl" xml:lang="en-US">
      <terms>
        <term name="in">in</term><term name="retrieved">retrieved</term><term name="and">and</term>
        <term name="edition">ed.</term>
      </terms>
    </locale>
    """

  static func compiled(gates: Bool = true) throws -> CompiledStyle {
    let calls = [
      "in-container", "retrieved", "title-or-term", "author", "disambiguated", "nested", "edition-when-present",
      "locator", "archive-locator",
    ]
    .map { "<text macro=\"\($0)\"/>" }.joined()
    let text = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><id/><title/></info>
        \(macros)
        <citation><layout delimiter="; "><group delimiter=", ">\(calls)</group></layout></citation>
        <bibliography><layout><group delimiter=". ">\(calls)</group></layout></bibliography>
      </style>
      """
    let style = try #require(StyleParser.parse(text).style)
    let (locale, _) = LocaleStore(files: ["en-US": Self.locale]).resolve(style: style, language: nil)
    return CompiledStyle(style: style, locale: locale, macroGates: gates)
  }

  static func gates(_ name: String, _ compiled: CompiledStyle) throws -> [MacroGate] {
    try #require(compiled.renderableMacros.entry(name)).gates
  }

  static func presence(_ reference: Reference) -> VariablePresence { VariableLookup.presence(of: reference) }

  @Test func aMacroPrintingVariablesInAGroupIsGatedOnThem() throws {
    let gates = try Self.gates("in-container", Self.compiled())
    #expect(gates.count == 1)
    let gate = try #require(gates.first)
    #expect(gate.types.isEmpty && gate.callsVariable && gate.reachesTextVariable == true)
    let bare = Reference(id: "a", type: .book, variables: ["title": "T"])
    let withVolume = Reference(id: "b", type: .book, variables: ["volume": "2"])
    let withEmptyVolume = Reference(id: "c", type: .book, variables: ["volume": ""])
    #expect(gate.isClosed(for: Self.presence(bare), type: bare.type))
    #expect(!gate.isClosed(for: Self.presence(withVolume), type: withVolume.type))
    #expect(gate.isClosed(for: Self.presence(withEmptyVolume), type: withEmptyVolume.type))
  }

  @Test func typeConditionsGiveAGateOnTypes() throws {
    let compiled = try Self.compiled()
    let gates = try Self.gates("retrieved", compiled)
    // The term prints for a webpage whatever its variables: only the type gate holds.
    #expect(gates.count == 1)
    let gate = try #require(gates.first)
    #expect(gate.valued.isEmpty && !gate.callsVariable)
    #expect(gate.types.contains(.webpage) && gate.types.contains(.post) && !gate.types.contains(.book))
    let book = Reference(id: "a", type: .book, variables: ["URL": "https://example.org"])
    let page = Reference(id: "b", type: .webpage)
    #expect(gate.isClosed(for: Self.presence(book), type: book.type))
    #expect(!gate.isClosed(for: Self.presence(page), type: page.type))
  }

  @Test func macrosThatMayPrintOrLeaveATraceHaveNoGate() throws {
    let compiled = try Self.compiled()
    // A term printed for every type but one; a substitute (it marks names as printed); a
    // `disambiguate` test (it counts); the locator (a cite's variable).
    for name in ["title-or-term", "author", "disambiguated", "locator"] {
      #expect(try Self.gates(name, compiled).isEmpty, "\(name)")
    }
    #expect(compiled.gatedMacroCount == 5)
    #expect(try Self.compiled(gates: false).gatedMacroCount == 0)
  }

  @Test func nestedMacrosAndBranchesOnAbsentVariablesAreFollowed() throws {
    let compiled = try Self.compiled()
    let nested = try #require(try Self.gates("nested", compiled).first)
    #expect(nested.valued.contains(.containerTitle) && nested.listed.contains(.issued) && nested.nesting == 2)
    #expect(!nested.valued.contains(.issued))
    // With edition and volume absent the first branch is never taken and the second prints
    // a term in a group that calls a variable: suppressed.
    let edition = try #require(try Self.gates("edition-when-present", compiled).first)
    #expect(edition.callsVariable)
    let dated = Reference(id: "d", type: .book, dates: ["issued": DateValue(year: 2001)])
    #expect(!nested.isClosed(for: Self.presence(dated), type: dated.type))
    #expect(edition.isClosed(for: Self.presence(dated), type: dated.type))
  }

  @Test func variablesTestedButNotPrintedGateWhenNothingElseDoes() throws {
    // The locator is a cite's variable: the macro prints it only for an item with an archive.
    let gates = try Self.gates("archive-locator", Self.compiled())
    #expect(gates.count == 1)
    let gate = try #require(gates.first)
    #expect(gate.valued.contains(.archive) && gate.types.isEmpty && !gate.callsVariable)
    let archived = Reference(id: "a", type: .manuscript, variables: ["archive": "State Archive"])
    let plain = Reference(id: "b", type: .manuscript)
    #expect(!gate.isClosed(for: Self.presence(archived), type: archived.type))
    #expect(gate.isClosed(for: Self.presence(plain), type: plain.type))
  }

  @Test func setsOfVariablesAndTypesMeetAsTheirMembersDo() {
    var left = VariableSet()
    var right = VariableSet()
    left.insert(.title)
    left.insert("x-custom")
    right.insert(.translator)
    #expect(left.isDisjoint(with: right))
    right.insert("x-custom")
    #expect(!left.isDisjoint(with: right))
    var known = VariableSet()
    known.insert(.translator)
    known.formUnion(left)
    #expect(!known.isDisjoint(with: right) && known.contains(.title))
    var types = TypeSet()
    #expect(types.isEmpty)
    types.insert(.book)
    types.insert("x-type")
    #expect(types.contains(.book) && types.contains("x-type") && !types.contains(.webpage))
  }

  @Test func closedGatesRenderAsTheMacrosWould() throws {
    let references = [
      Reference(id: "bare", type: .book),
      Reference(id: "page", type: .webpage, variables: ["URL": "https://example.org", "title": "Page"]),
      Reference(
        id: "full", type: .chapter, variables: ["container-title": "Box", "volume": "3", "edition": "2"],
        names: ["author": [Name(family: "Doe", given: "Ann")]], dates: ["issued": DateValue(year: 1999)]),
      Reference(id: "edition", type: .book, variables: ["edition": "4", "title": "Old"]),
    ]
    let citations = references.map { Citation(cites: [Cite(id: $0.id, locator: "7")]) }
    for format in [PlainTextFormat() as any OutputFormat, HTMLFormat()] {
      let gated = Processor(compiled: try Self.compiled(), references: references)
        .process(citations: citations, format: format)
      let plain = Processor(compiled: try Self.compiled(gates: false), references: references)
        .process(citations: citations, format: format)
      #expect(gated.citations == plain.citations)
      #expect(gated.bibliography == plain.bibliography)
      #expect(!gated.bibliography.contains { $0.isEmpty })
    }
  }

  /// A cite without names continues a collapsed run only when it reaches no text variable
  /// (citeproc-js): a closed macro that would have reached one is rendered after all.
  @Test func aCiteReachingATextVariableInAGatedMacroStillEndsTheRun() throws {
    let text = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><id/><title/></info>
        <macro name="title"><text variable="title" font-style="italic"/></macro>
        <citation collapse="year">
          <layout delimiter="; ">
            <group delimiter=" ">
              <names variable="author"><name form="short"/></names>
              <text macro="title"/>
              <date variable="issued"><date-part name="year"/></date>
            </group>
          </layout>
        </citation>
      </style>
      """
    let style = try #require(StyleParser.parse(text).style)
    let (locale, _) = LocaleStore(files: ["en-US": Self.locale]).resolve(style: style, language: nil)
    let references = [
      Reference(
        id: "doe", type: .book, names: ["author": [Name(family: "Doe", given: "Ann")]],
        dates: ["issued": DateValue(year: 2000)]),
      Reference(id: "anon", type: .book, dates: ["issued": DateValue(year: 2001)]),
    ]
    let citation = Citation(cites: [Cite(id: "doe"), Cite(id: "anon")])
    let gated = CompiledStyle(style: style, locale: locale)
    #expect(try Self.gates("title", gated).first?.reachesTextVariable == true)
    let outputs = [gated, CompiledStyle(style: style, locale: locale, macroGates: false)].map { compiled in
      Processor(compiled: compiled, references: references).process(citations: [citation], format: PlainTextFormat())
    }
    #expect(outputs[0].citations == outputs[1].citations)
    #expect(outputs[0].citations.first?.contains("; 2001") == true)
  }

  /// The fields gates assume absent are every field the lookup reads: an item whose fields
  /// for a variable are all empty reads nothing for it, in either form, and tests it absent.
  @Test func theFieldsAVariableReadsAreAllItsLookupReads() {
    let fields: [CSLVariable] = [
      .title, .titleShort, "shortTitle", .containerTitle, .containerTitleShort, "journalAbbreviation", .page,
      .pageFirst, .volume, "volume-short", .publisher, .locatorExtra,
    ]
    let asked = fields + [.locator, .citationNumber, .yearSuffix, .citationLabel, .firstReferenceNoteNumber]
    var generator = TextCaserTests.SplitMix(state: 9)
    var checked = 0
    for _ in 0..<2_000 {
      var reference = Reference(id: "r", type: .book)
      for field in fields where generator.next() % 3 == 0 {
        reference.variables[field] = generator.next() % 4 == 0 ? "" : "12-15"
      }
      let presence = VariableLookup.presence(of: reference)
      let lookup = VariableLookup(reference: reference, cite: CiteContext(), yearSuffixText: nil, presence: presence)
      for name in asked {
        for form in [CSL.Form.long, .short] {
          guard let read = VariableLookup.fieldsRead(by: name, form: form),
            read.allSatisfy({ presence[$0] != true })
          else { continue }
          checked += 1
          #expect(lookup.text(name, form: form) == nil, "\(name) \(form)")
          if form == .long { #expect(!lookup.has(name), "\(name)") }
        }
      }
    }
    #expect(checked > 10_000, "\(checked) checked")
    #expect(VariableLookup.fieldsRead(by: .locator, form: .long) == nil)
  }

  /// A gate read as bits (`MacroGate.Compact`, what rendering reads) closes exactly where the
  /// gate does, on generated items of every kind; a gate naming a variable Cited does not
  /// know has no compact form, and is left out of what rendering reads.
  @Test func compactGatesCloseWhereTheirGatesDo() throws {
    let compiled = try Self.compiled()
    let names = ["in-container", "retrieved", "nested", "edition-when-present", "archive-locator"]
    let gates = try names.flatMap { try Self.gates($0, compiled) }
    #expect(gates.count == 5)
    let pool: [CSLVariable] = [.containerTitle, .volume, .url, .edition, .archive, .title, .page, "custom-field"]
    let types: [ItemType] = [.book, .webpage, .post, .chapter, "some-new-type"]
    var generator = TextCaserTests.SplitMix(state: 21)
    var (closed, open) = (0, 0)
    for _ in 0..<2_000 {
      var reference = Reference(id: "r", type: types.randomElement(using: &generator) ?? .book)
      for field in pool where Bool.random(using: &generator) {
        reference.variables[field] = Bool.random(using: &generator) ? "" : "1"
      }
      if Bool.random(using: &generator) { reference.dates[.issued] = DateValue(year: 2001) }
      let presence = Self.presence(reference)
      for gate in gates {
        let compact = try #require(gate.compact)
        let full = gate.isClosed(for: presence, type: reference.type)
        #expect(compact.isClosed(for: presence, type: reference.type) == full)
        if full { closed += 1 } else { open += 1 }
        #expect(compact.nesting == gate.nesting && compact.callsVariable == gate.callsVariable)
        #expect(compact.reachesTextVariable == gate.reachesTextVariable)
      }
    }
    #expect(closed > 1_000 && open > 1_000, "\(closed) closed, \(open) open")
    for name in names { #expect(try #require(compiled.renderableMacros.entry(name)).compactGates.count == 1) }

    var unknown = MacroGate()
    unknown.valued.insert("custom-field")
    #expect(unknown.compact == nil)
    var unknownType = MacroGate()
    unknownType.types.insert("some-new-type")
    #expect(unknownType.compact == nil)
    let entry = MacroTable.Entry(elements: [], citeMemoizable: false, gates: [try #require(gates.first), unknown])
    // The gate with no compact form is left out: its macro renders.
    #expect(entry.compactGates.count == 1 && entry.gates.count == 2)
  }
}
