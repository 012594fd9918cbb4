import BibModel
import CSLStyle

/// A style prepared once for rendering: locale resolved, terms indexed, recursive macros
/// found, inherited name options merged per context. A class: every renderer holds the one
/// compiled style, and handing it on costs one reference count, not one per field.
public final class CompiledStyle: Sendable {
  public let style: CSL.Style
  public let locale: CSL.Locale
  let terms: Terms
  let citationNameOptions: CSL.NameOptions
  let bibliographyNameOptions: CSL.NameOptions
  /// True when the style prints `year-suffix` itself (else it follows the first year).
  let usesYearSuffixVariable: Bool
  let usesCitationNumberInBibliographySort: Bool
  /// True when a `position` condition can change what a cite prints.
  let testsPosition: Bool
  /// The style prints `citation-number` / `first-reference-note-number` somewhere: only then
  /// can two cites that differ in those numbers alone print differently.
  let printsCitationNumber: Bool
  let printsFirstNoteNumber: Bool
  /// The locale's quotation marks, looked up once: every cite and entry is serialized with them.
  let openQuote: String
  let closeQuote: String
  let openInnerQuote: String
  let closeInnerQuote: String
  /// The space joining a particle to the family name (see `Renderer.particleSpace`).
  let particleSpace: String
  /// The macros that render (recursive ones left out).
  let renderableMacros: MacroTable
  /// What each of the style's `cs:text term=` prints before its formatting, by the index
  /// compiling wrote into it (`CSL.Text.termIndex`): the locale's word, parsed once.
  let termNodes: [Node]
  /// The locale's words the term nodes were made of (nil where the locale lacks the term).
  private let termTexts: [String?]
  /// Cited's `cited:item-locale`: this style compiled with each item language's locale.
  let itemStyles: [String: CompiledStyle]
  /// The style this one is a private copy of (`checkOutCopy`), nil for an original.
  private let origin: ObjectIdentifier?
  /// Private copies no thread holds now (`checkOutCopy`, `checkIn`).
  private let idleCopies = Locked([CompiledStyle]())

  /// `macroGates`: whether macro calls whose gates are closed skip rendering (`MacroGate`);
  /// off only to check that they change nothing.
  public init(
    style: CSL.Style, locale: CSL.Locale, itemStyles: [String: CompiledStyle] = [:], macroGates: Bool = true
  ) {
    self.itemStyles = itemStyles
    self.origin = nil
    self.locale = locale
    self.terms = Terms(locale: locale)
    self.particleSpace = Renderer.particleSpace(style.defaultLocale)
    self.openQuote = terms.term("open-quote") ?? "\u{201C}"
    self.closeQuote = terms.term("close-quote") ?? "\u{201D}"
    self.openInnerQuote = terms.term("open-inner-quote") ?? "\u{2018}"
    self.closeInnerQuote = terms.term("close-inner-quote") ?? "\u{2019}"
    // Recursive macros and macros that fan out beyond any real style are not rendered.
    let recursiveMacros = MacroGraph.recursiveMacros(style).union(MacroExpansion.oversized(style))
    let renderable = style.macros.filter { !recursiveMacros.contains($0.key) }
    let memoizable = MacroGraph.citeMemoizableMacros(style) { renderable[$0] != nil }
    // In name order, so every compiled style of one style keeps each macro at one index; the
    // calls in layouts and macros carry their macro's index.
    let names = renderable.keys.sorted()
    let termQueries = MacroIndexing.termQueries(style)
    let indexed = MacroIndexing.indexing(
      style, indices: Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) }), terms: termQueries)
    let terms = self.terms
    self.termTexts = termQueries.map { terms.term($0.name, form: $0.form, plural: $0.plural) }
    self.termNodes = termTexts.map(Renderer.termNode)
    var gates = MacroGateAnalysis(macros: renderable)
    self.renderableMacros = MacroTable(
      names.map { (name: $0, elements: indexed.macros[$0] ?? []) }, citeMemoizable: { memoizable[$0] ?? false },
      gates: { macroGates ? gates.gates($0) : [] })
    self.style = indexed
    self.citationNameOptions = style.citation?.nameOptions.inheriting(style.nameOptions) ?? style.nameOptions
    self.bibliographyNameOptions = style.bibliography?.nameOptions.inheriting(style.nameOptions) ?? style.nameOptions
    self.usesYearSuffixVariable = MacroGraph.usesVariable(.yearSuffix, in: style)
    self.usesCitationNumberInBibliographySort =
      style.bibliography?.sort.contains { $0.source == .variable(.citationNumber) } ?? false
    self.testsPosition = MacroGraph.testsPosition(style)
    self.printsCitationNumber = style.usesCitationNumber
    self.printsFirstNoteNumber = style.usesFirstReferenceNoteNumber
  }

  /// A copy of `original` whose elements share no storage with it (`CSL.Style.unshared`).
  private init(copying original: CompiledStyle) {
    style = original.style.unshared()
    locale = original.locale
    terms = Terms(copying: original.terms)
    citationNameOptions = original.citationNameOptions
    bibliographyNameOptions = original.bibliographyNameOptions
    usesYearSuffixVariable = original.usesYearSuffixVariable
    usesCitationNumberInBibliographySort = original.usesCitationNumberInBibliographySort
    testsPosition = original.testsPosition
    printsCitationNumber = original.printsCitationNumber
    printsFirstNoteNumber = original.printsFirstNoteNumber
    openQuote = original.openQuote
    closeQuote = original.closeQuote
    openInnerQuote = original.openInnerQuote
    closeInnerQuote = original.closeInnerQuote
    particleSpace = original.particleSpace
    renderableMacros = original.renderableMacros.unshared()
    // Made anew, so each thread's copy counts references on its own lists.
    termTexts = original.termTexts
    termNodes = original.termTexts.map(Renderer.termNode)
    itemStyles = [:]
    origin = original.identity
  }

  /// What memo keys name this style by: the original's identity for a private copy, so every
  /// thread's copy keys alike.
  var identity: ObjectIdentifier { origin ?? ObjectIdentifier(self) }

  /// A private copy for one thread's rendering: threads rendering with one style count
  /// references on the same memory (every element reached is counted), and the cores pass
  /// those counters back and forth; with a copy each, they do not. Copies are kept for reuse
  /// (`checkIn`), so a run makes about one per thread.
  func checkOutCopy() -> CompiledStyle {
    idleCopies.withLock { $0.popLast() } ?? CompiledStyle(copying: self)
  }

  func checkIn(_ copy: CompiledStyle) {
    idleCopies.withLock { $0.append(copy) }
  }

  /// How many macros have a gate (`MacroGate`): a measure the tests read.
  public var gatedMacroCount: Int { renderableMacros.gatedCount }

  var punctuationInQuote: Bool { locale.punctuationInQuote ?? false }

  /// The elements of a macro that renders; nil for a recursive or unknown one.
  func macro(_ name: String) -> [CSL.Element]? { renderableMacros.body(name) }

  /// The macro a call renders, with whether a cite's rendering of it can be kept for later
  /// cites of the item (`MacroMemo`) and its gates (`MacroGate`): found by the index compiling
  /// left in the call, else by name; nil for a recursive or unknown macro.
  func macroEntry(_ text: CSL.Text, name: String) -> MacroTable.Entry? {
    if let index = text.macroIndex { return renderableMacros.entry(at: index) }
    return renderableMacros.entry(name)
  }
}

extension CSL.Style {
  /// True when the style prints `first-reference-note-number` anywhere.
  public var usesFirstReferenceNoteNumber: Bool {
    MacroGraph.usesVariable(.firstReferenceNoteNumber, in: self)
  }

  /// True when the style prints `citation-number` anywhere.
  public var usesCitationNumber: Bool {
    MacroGraph.usesVariable(.citationNumber, in: self)
  }

  /// True when the citation layout or a macro tests a cite's `position`.
  public var testsPosition: Bool { MacroGraph.testsPosition(self) }
}

/// Walks the macro call graph of a style.
enum MacroGraph {
  /// The macros on a cycle of calls (see `MacroCycles`).
  static func recursiveMacros(_ style: CSL.Style) -> Set<String> { MacroCycles.recursive(style) }

  /// True when the bibliography layout (or a macro) prints the variable.
  static func usesVariable(_ variable: CSLVariable, inBibliographyOf style: CSL.Style) -> Bool {
    guard let bibliography = style.bibliography else { return false }
    var copy = style
    copy.citation = nil
    copy.bibliography = bibliography
    return usesVariable(variable, in: copy)
  }

  /// True when the citation layout or a macro has a condition passing `test`.
  static func testsCondition(_ style: CSL.Style, where test: (CSL.Condition.Test) -> Bool) -> Bool {
    let layouts = style.citation.map { [$0.layout.children] } ?? []
    return (layouts + Array(style.macros.values)).contains { elements in
      contains(elements) { isChoose($0, testing: test) }
    }
  }

  /// True when the bibliography's layout or sort, or a macro they reach, has a condition
  /// passing `test`.
  static func bibliographyTestsCondition(_ style: CSL.Style, where test: (CSL.Condition.Test) -> Bool) -> Bool {
    bibliographyReaches(style) { isChoose($0, testing: test) }
  }

  /// Whether the element is a `cs:choose` with a branch whose condition has a test passing `test`.
  private static func isChoose(_ element: CSL.Element, testing test: (CSL.Condition.Test) -> Bool) -> Bool {
    guard case .choose(let choose) = element else { return false }
    return choose.branches.contains { $0.condition.tests.contains(where: test) }
  }

  /// True when the citation layout or a macro has a `position` condition.
  static func testsPosition(_ style: CSL.Style) -> Bool {
    testsCondition(style) { if case .position = $0 { true } else { false } }
  }

  /// Every names variable the style can print or sort by, in any layout, macro, substitute
  /// or sort key, whatever the conditions around it.
  static func nameVariables(in style: CSL.Style) -> Set<CSLVariable> {
    var found: Set<CSLVariable> = []
    for elements in allElementLists(style) {
      _ = contains(elements) { element in
        if case .names(let names) = element { found.formUnion(names.variables) }
        return false
      }
    }
    for key in (style.citation?.sort ?? []) + (style.bibliography?.sort ?? []) {
      if case .variable(let name) = key.source { found.insert(name) }
    }
    return found
  }

  static func usesVariable(_ variable: CSLVariable, in style: CSL.Style) -> Bool {
    allElementLists(style).contains { elements in
      contains(elements) { element in
        switch element {
        case .text(let text): if case .variable(let name, _) = text.source { return name == variable }
        case .number(let number): return number.variable == variable
        default: break
        }
        return false
      }
    }
  }

  /// Whether an element of the citation layout, or of a macro it calls at any depth (through
  /// every branch and substitute), passes `test`.
  static func citationReaches(_ style: CSL.Style, where test: (CSL.Element) -> Bool) -> Bool {
    reaches(style.citation?.layout.children ?? [], in: style, where: test)
  }

  /// Whether an element of the bibliography layout or of a macro sort key of it, or of a macro
  /// they call at any depth (through every branch and substitute), passes `test`.
  static func bibliographyReaches(_ style: CSL.Style, where test: (CSL.Element) -> Bool) -> Bool {
    guard let bibliography = style.bibliography else { return false }
    let keyMacros = bibliography.sort.compactMap { key -> [CSL.Element]? in
      if case .macro(let name) = key.source { return style.macros[name] ?? [] }
      return nil
    }
    return ([bibliography.layout.children] + keyMacros).contains { reaches($0, in: style, where: test) }
  }

  /// Whether rendering the sort key can print a name: a names variable, or a macro from which
  /// a `cs:names` (or a `cs:text` of a names variable) is reached through any branch and any
  /// macro it calls. A key that cannot print one reads none of the name settings
  /// disambiguation carries into the bibliography (`Processor.bibliographyNameStates`).
  static func reachesNames(_ key: CSL.SortKey, in style: CSL.Style) -> Bool {
    switch key.source {
    case .variable(let name): return CSLVariables.names.contains(name)
    case .macro(let name):
      return reaches(style.macros[name] ?? [], in: style, seen: [name]) { element in
        switch element {
        case .names: return true
        case .text(let text):
          if case .variable(let variable, _) = text.source { return CSLVariables.names.contains(variable) }
        default: break
        }
        return false
      }
    }
  }

  /// Whether an element of `elements`, or of a macro they call at any depth (each macro walked
  /// once; those in `seen` not at all), passes `test`.
  private static func reaches(
    _ elements: [CSL.Element], in style: CSL.Style, seen: Set<String> = [], where test: (CSL.Element) -> Bool
  ) -> Bool {
    var seen = seen
    var pending = [elements]
    while let elements = pending.popLast() {
      var called: [String] = []
      let found = contains(elements) { element in
        if test(element) { return true }
        if case .text(let text) = element, case .macro(let name) = text.source { called.append(name) }
        return false
      }
      if found { return true }
      for name in called where seen.insert(name).inserted {
        if let body = style.macros[name] { pending.append(body) }
      }
    }
    return false
  }

  /// The citation and bibliography layouts and every macro.
  static func allElementLists(_ style: CSL.Style) -> [[CSL.Element]] {
    [style.citation?.layout.children, style.bibliography?.layout.children].compactMap { $0 }
      + Array(style.macros.values)
  }

  /// The one walk of a style's element tree: visits every element depth first (group
  /// children, names substitutes, every branch of a choose, conditions aside) until `visit`
  /// answers true. Macros are not followed: callers walk them as lists of their own.
  static func contains(_ elements: [CSL.Element], where visit: (CSL.Element) -> Bool) -> Bool {
    for element in elements {
      if visit(element) { return true }
      switch element {
      case .group(let group): if contains(group.children, where: visit) { return true }
      case .names(let names): if contains(names.substitute ?? [], where: visit) { return true }
      case .choose(let choose):
        for branch in choose.branches where contains(branch.children, where: visit) { return true }
        if contains(choose.otherwise, where: visit) { return true }
      default: break
      }
    }
    return false
  }
}
