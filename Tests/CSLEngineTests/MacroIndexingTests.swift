import BibModel
import CSLStyle
import Testing

@testable import CSLEngine

/// Compiling a style writes into every macro call the index of its macro, so rendering finds
/// the macro without its name; calls of macros that do not render keep none.
@Suite struct MacroIndexingTests {
  static let style = """
    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <info><id/><title/></info>
      <macro name="title-long-enough-not-to-be-a-small-string"><text variable="title"/></macro>
      <macro name="author">
        <names variable="author"><substitute><text macro="editor"/></substitute></names>
      </macro>
      <macro name="editor"><names variable="editor"/></macro>
      <macro name="loop"><text macro="loop"/></macro>
      <citation><layout>
        <group delimiter=", ">
          <text macro="author"/>
          <choose><if type="book"><text macro="title-long-enough-not-to-be-a-small-string"/></if>
          <else><text macro="loop"/><text macro="missing"/></else></choose>
        </group>
      </layout></citation>
      <bibliography><layout><text macro="author" suffix=". "/><text macro="editor"/></layout></bibliography>
    </style>
    """

  /// Every macro call in these elements, nested ones included.
  static func calls(_ elements: [CSL.Element]) -> [CSL.Text] {
    elements.flatMap { element -> [CSL.Text] in
      switch element {
      case .text(let text): if case .macro = text.source { return [text] } else { return [] }
      case .names(let names): return calls(names.substitute ?? [])
      case .group(let group): return calls(group.children)
      case .choose(let choose): return choose.branches.flatMap { calls($0.children) } + calls(choose.otherwise)
      case .number, .label, .date: return []
      }
    }
  }

  @Test func everyCallCarriesItsMacrosIndex() throws {
    let parsed = try #require(StyleParser.parse(Self.style).style)
    let compiled = CompiledStyle(style: parsed, locale: CSL.Locale(lang: "en-US"))
    let style = compiled.style
    let all =
      Self.calls(style.citation?.layout.children ?? []) + Self.calls(style.bibliography?.layout.children ?? [])
      + style.macros.values.flatMap { Self.calls($0) }
    #expect(all.count == 8)
    for call in all {
      guard case .macro(let name) = call.source else { continue }
      if name == "loop" || name == "missing" {
        #expect(call.macroIndex == nil, "\(name)")
      } else {
        let index = try #require(call.macroIndex, "\(name)")
        let entry = try #require(compiled.renderableMacros.entry(at: index))
        #expect(entry.elements == compiled.macro(name), "\(name)")
      }
    }
    // The index is a look-up aid: the compiled style still equals the parsed one.
    #expect(style == parsed)
    #expect(compiled.renderableMacros.entry(at: 3) == nil)
    #expect(compiled.renderableMacros.entry(at: -1) == nil)
  }

  @Test func everyCompiledCopyKeepsTheSameIndices() throws {
    let parsed = try #require(StyleParser.parse(Self.style).style)
    let first = CompiledStyle(style: parsed, locale: CSL.Locale(lang: "en-US"))
    let second = CompiledStyle(style: parsed, locale: CSL.Locale(lang: "fr-FR"))
    let copy = first.checkOutCopy()
    let indices = { (compiled: CompiledStyle) in
      Self.calls(compiled.style.bibliography?.layout.children ?? []).map(\.macroIndex)
    }
    #expect(indices(first) == indices(second))
    #expect(indices(first) == indices(copy))
    #expect(indices(first).allSatisfy { $0 != nil })
  }

  /// Compiling writes into every `cs:text term=` the index of its output, the same in every
  /// compiled style of one style; each compiled style keeps its own locale's words there.
  @Test func everyTermCarriesTheIndexOfItsWords() throws {
    let text = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><id/><title/></info>
        <macro name="label"><text term="page" form="short" plural="true"/></macro>
        <citation><layout><text term="in"/><text macro="label"/><text term="no date" form="short"/></layout></citation>
        <bibliography><layout><text term="in"/><text term="unknown-term"/></layout></bibliography>
      </style>
      """
    let parsed = try #require(StyleParser.parse(text).style)
    func terms(_ compiled: CompiledStyle) -> [CSL.Text] {
      let style = compiled.style
      var elements: [CSL.Element] = style.citation?.layout.children ?? []
      elements += style.bibliography?.layout.children ?? []
      elements += style.macros["label"] ?? []
      return elements.compactMap { element -> CSL.Text? in
        if case .text(let text) = element, case .term = text.source { return text }
        return nil
      }
    }
    let english = CompiledStyle(style: parsed, locale: try Self.locale("en-US", page: "pp.", in: "in"))
    let german = CompiledStyle(style: parsed, locale: try Self.locale("de-DE", page: "S.", in: "in"))
    let copy = english.checkOutCopy()
    #expect(terms(english).count == 5)
    #expect(terms(english).map(\.termIndex) == terms(german).map(\.termIndex))
    #expect(terms(english).map(\.termIndex) == terms(copy).map(\.termIndex))
    // "in" twice, one index: four distinct terms.
    #expect(Set(terms(english).compactMap(\.termIndex)) == [0, 1, 2, 3])
    for compiled in [english, german, copy] {
      for term in terms(compiled) {
        guard case .term(let name, let form, let plural) = term.source else { continue }
        let index = try #require(term.termIndex)
        try #require(compiled.termNodes.indices.contains(index))
        let words = compiled.terms.term(name, form: form, plural: plural)
        #expect(compiled.termNodes[index] == Renderer.termNode(words), "\(name)")
      }
    }
    #expect(english.termNodes != german.termNodes)
    // The index is a look-up aid: the compiled style still equals the parsed one.
    #expect(english.style == parsed)
  }

  static func locale(_ lang: String, page: String, in word: String) throws -> CSL.Locale {
    let text = """
      <locale xmlns="http://purl.org/net/xbiblio/csl" xml:lang="\(lang)"><terms>
        <term name="page" form="short"><single>p.</single><multiple>\(page)</multiple></term>
        <term name="in">\(word)</term><term name="no date" form="short">n.d.</term>
      </terms></locale>
      """
    return try #require(LocaleParser.parse(text, file: "locales-\(lang).xml").0)
  }
}
