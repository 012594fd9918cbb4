import BibModel
import CSLStyle

/// The output of processing: rendered citations, bibliography entries and findings.
public struct ProcessedOutput: Sendable {
  /// One string per input citation, in input order.
  public var citations: [String]
  /// One string per bibliography entry, in bibliography order.
  public var bibliography: [String]
  /// The ids of the bibliography entries, in order.
  public var bibliographyIDs: [String]
  /// Each reference's citation number (first-cite order, or bibliography order when sorted),
  /// made on each read: read it once.
  public var citationNumbers: [String: Int] {
    Dictionary(numberedIDs.map { ($0.id, $0.number) }, uniquingKeysWith: { _, last in last })
  }
  public var diagnostics: [Diagnostic]
  /// The ids and their citation numbers, kept as a list: the table is made only when asked for
  /// (hashing every id on one core cost a render that never reads it).
  var numberedIDs: [(id: String, number: Int)] = []
}

/// A cite with everything resolved: the reference, its context and its place.
struct ResolvedCite: Sendable {
  var cite: Cite
  var referenceIndex: Int
  var context: CiteContext
}

/// The CSL processor: a pure function from a compiled style, references and citations to
/// rendered citations and bibliography.
public struct Processor: Sendable {
  public let compiled: CompiledStyle
  /// The prepared references (note fields read, name particles split), in input order: read
  /// from the boxes, the only copy the processor keeps, into a list made at each call.
  public var references: [Reference] { boxes.map(\.reference) }
  let indexByID: [String: Int]
  /// Per reference: `VariableLookup.presence(of:)`, so variable conditions take one lookup.
  let presence: [VariablePresence]
  /// Per reference: the prepared reference in a box, for renderings to read in place.
  let boxes: [ReferenceBox]
  /// Macro renderings kept for later cites of an item (`Renderer.renderMacroBody`).
  let macroMemo = MacroMemo()

  public init(style: CSL.Style, locale: CSL.Locale, references: [Reference]) {
    self.init(compiled: CompiledStyle(style: style, locale: locale), references: references)
  }

  public init(compiled: CompiledStyle, references: [Reference]) {
    self.compiled = compiled
    // Twins are looked for among every item where the bibliography sorts (`ItemTwin`).
    let hashingTwins = !(compiled.style.bibliography?.sort.isEmpty ?? true)
    // Prepared once (note-field variables read, name particles split) and boxed with the
    // presence, on all cores. The prepared reference is moved into its box: kept in a list of
    // its own as well, it was copied into the box (a retain of every part of every reference,
    // and objects scattered across the heap read once more).
    let made = ParallelMap.map(count: references.count) { range, _ in
      range.map { position in
        var prepared = NoteFields.apply(references[position])
        // Only lists with a name to settle are stored back: storing copied the item's table of
        // names, and most lists are settled as read.
        for (variable, names) in prepared.names
        where names.contains(where: { $0.literal == nil && !NameParts.isSettled($0) }) {
          prepared.names[variable] = names.map(NameParts.normalized)
        }
        let presence = VariableLookup.presence(of: prepared)
        return (presence: presence, box: ReferenceBox(consume prepared, hashingTwin: hashingTwins))
      }
    }
    self.presence = made.map(\.presence)
    self.boxes = made.map(\.box)
    var index: [String: Int] = [:]
    index.reserveCapacity(references.count)
    // By offset, the id alone: iterating the references copied each one (a retain and a release
    // of every part), on one core.
    for offset in references.indices where index[references[offset].id] == nil {
      index[references[offset].id] = offset
    }
    self.indexByID = index
  }

  /// Processes citations and renders the bibliography of `bibliographyIDs` (all references
  /// when nil).
  public func process(
    citations: [Citation], bibliographyIDs: [String]? = nil, format: any OutputFormat = HTMLFormat()
  ) -> ProcessedOutput {
    let cache = RenderCache()
    var resolved: [[ResolvedCite]]
    let diagnostics: [Diagnostic]
    (resolved, diagnostics) = resolve(citations)
    // Bibliography membership and first-cite order.
    var order: [Int] = []
    var seen = Set<Int>()
    for cites in resolved {
      for cite in cites where seen.insert(cite.referenceIndex).inserted { order.append(cite.referenceIndex) }
    }
    let bibliographyMembers: [Int]
    if let bibliographyIDs {
      // Looked up on all cores (a render passes every cited id).
      let index = indexByID
      bibliographyMembers = ParallelMap.map(
        count: bibliographyIDs.count, minimumCount: ParallelMap.threshold, itemsPerChunk: 256
      ) { range in range.compactMap { index[bibliographyIDs[$0]] } }
    } else {
      bibliographyMembers = Array(boxes.indices)
    }
    for index in bibliographyMembers where seen.insert(index).inserted { order.append(index) }

    // Citation numbers: first-cite order, or bibliography order when the bibliography sorts.
    var numbers: ItemTable<Int> = [:]
    for (offset, index) in order.enumerated() { numbers[index] = offset + 1 }
    var sortedBibliography = order
    var keyTable: SortKeyTable?
    if let bibliography = compiled.style.bibliography, !bibliography.sort.isEmpty {
      (sortedBibliography, keyTable) = sortKeepingKeys(
        order, keys: bibliography.sort, numbers: numbers, mode: .bibliography, cache: cache)
      if !compiled.usesCitationNumberInBibliographySort {
        for (offset, index) in sortedBibliography.enumerated() { numbers[index] = offset + 1 }
      }
    }
    assignPositions(&resolved, citations: citations, numbers: numbers)

    // Disambiguation.
    let states: ItemTable<DisambiguationState>
    var keptCites: ItemTable<KeptCites>
    (states, keptCites) = disambiguate(
      resolved, numbers: numbers, bibliographyOrder: sortedBibliography, cache: cache)
    // citeproc-js sorts the bibliography by its names as printed, given names expanded.
    var carried: CarriedNames?
    if let bibliography = compiled.style.bibliography, let keyTable {
      let names = carriedNames(order, states: states)
      carried = names
      let nameStates = bibliographyNameStates(order, carried: names)
      if !nameStates.isEmpty {
        sortedBibliography =
          sortKeepingKeys(
            order, keys: bibliography.sort, numbers: numbers, mode: .bibliography, cache: cache, states: nameStates,
            reusing: keyTable
          ).order
      }
    }

    let renderedCitations = renderCitations(
      resolved, numbers: numbers, states: states, format: format, kept: keptCites)
    // The kept renderings are freed before the bibliography renders.
    keptCites = [:]
    let memberSet = Set(bibliographyMembers)
    let bibliographyOrder = sortedBibliography.filter { memberSet.contains($0) }
    // What disambiguation carries into the entries depends on which items they are: the sort's
    // serves when the bibliography holds every item it sorted.
    let entries = renderBibliography(
      bibliographyOrder, numbers: numbers, states: states, format: format, cache: cache,
      carried: bibliographyOrder.count == order.count ? carried : nil)
    var output = ProcessedOutput(
      citations: renderedCitations, bibliography: entries.map(\.text),
      bibliographyIDs: entries.map { boxes[$0.item].reference.id }, diagnostics: diagnostics)
    output.numberedIDs = numbers.map { (boxes[$0.key].reference.id, $0.value) }
    return output
  }

  /// Renders the citations: each is a pure function of its resolved cites (positions, numbers
  /// and disambiguation are settled), so they render on all cores, kept in order.
  private func renderCitations(
    _ resolved: [[ResolvedCite]], numbers: ItemTable<Int>, states: ItemTable<DisambiguationState>,
    format: any OutputFormat, kept: ItemTable<KeptCites>
  ) -> [String] {
    ParallelMap.map(count: resolved.count) { range, chunkCache in
      range.map { position in
        renderCitation(
          resolved[position], numbers: numbers, states: states, format: format, cache: chunkCache, kept: kept)
      }
    }
  }

  /// The citations' cites with their references found and their contexts begun (locator and
  /// label), on all cores, in order; an unknown id is reported and its cite dropped.
  private func resolve(_ citations: [Citation]) -> ([[ResolvedCite]], [Diagnostic]) {
    let resolutions = ParallelMap.map(
      count: citations.count, minimumCount: ParallelMap.threshold, itemsPerChunk: 64
    ) { range in
      range.map { position -> (cites: [ResolvedCite], unknown: [String]) in
        var cites: [ResolvedCite] = []
        var unknown: [String] = []
        for cite in citations[position].cites {
          guard let index = indexByID[cite.id] else {
            unknown.append(cite.id)
            continue
          }
          var context = CiteContext()
          context.locator = cite.locator
          context.label = cite.label.map { LocatorType($0.rawValue.replacingAll(" ", with: "-")) }
          if let (label, rest) = embeddedLabel(cite.locator) {
            // "vol. 1, fol. 186": the locator names its own label.
            context.label = LocatorType(label)
            context.locator = rest
          }
          cites.append(ResolvedCite(cite: cite, referenceIndex: index, context: context))
        }
        return (cites, unknown)
      }
    }
    var diagnostics: [Diagnostic] = []
    for resolution in resolutions {
      for id in resolution.unknown {
        diagnostics.append(Diagnostic(.warning, code: "csl-unknown-item", message: "no reference with id '\(id)'"))
      }
    }
    return (resolutions.map(\.cites), diagnostics)
  }

  /// A locator that starts with a label citeproc-js knows ("vol. 1", "ch. 2-3", "pp. 5"), and
  /// whose term the locale has, names its label; the label's own abbreviations ("chap." in
  /// English, "suppl.") are text, as in citeproc-js. The label's plural comes from the numbers.
  func embeddedLabel(_ locator: String?) -> (String, String)? {
    // Without a space there is no label ("12", "iv"): most locators.
    guard let locator, locator.containsByte(0x20) else { return nil }
    let trimmed = locator.trimmingWhitespace()
    guard let space = trimmed.firstIndex(of: " ") else { return nil }
    let head = String(trimmed[..<space])
    guard let variable = NumberValue.labelVariables[head], CSLVariables.locatorTypes.contains(LocatorType(variable)),
      NumberValue.hasTerm(variable, in: compiled.terms)
    else { return nil }
    let rest = String(trimmed[trimmed.index(after: space)...]).trimmingWhitespace()
    return rest.isEmpty ? nil : (variable, rest)
  }

  // MARK: - Positions

  func assignPositions(_ resolved: inout [[ResolvedCite]], citations: [Citation], numbers: ItemTable<Int>) {
    // By reference index, the note number of its last and first cites (tables by index: these
    // run on one core for every cite).
    var lastNote = [Int?](repeating: nil, count: boxes.count)
    var firstNote = [Int?](repeating: nil, count: boxes.count)
    // What "the previous citation" is: in-text citations (note 0) follow each other; a note's
    // first citation looks at every cite of the previous note; later citations in the same
    // note look at the citation before them.
    var previousInText: [ResolvedCite]?
    var previousNoteNumber: Int?
    var previousNoteCites: [ResolvedCite] = []
    var previousCitationInNote: [ResolvedCite]?
    let distance = compiled.style.citation?.nearNoteDistance ?? 5
    for citationIndex in resolved.indices {
      let explicitNote = citations[citationIndex].noteIndex
      let inText = explicitNote == 0
      let note = explicitNote.flatMap { $0 > 0 ? $0 : nil } ?? (citationIndex + 1)
      let previousCitation: [ResolvedCite]?
      if inText {
        previousCitation = previousInText
      } else if note == previousNoteNumber {
        previousCitation = previousCitationInNote
      } else {
        previousCitation = previousNoteNumber == nil ? nil : previousNoteCites
      }
      for citeIndex in resolved[citationIndex].indices {
        var cite = resolved[citationIndex][citeIndex]
        let reference = cite.referenceIndex
        cite.context.citationNumber = numbers[reference]
        if let first = firstNote[reference] {
          cite.context.firstNoteNumber = first
          // ibid: the previous cite (in this citation, or the whole previous citation) is this item.
          let previous: ResolvedCite?
          if citeIndex > 0 {
            previous = resolved[citationIndex][citeIndex - 1]
          } else if let previousCitation, let only = previousCitation.first?.referenceIndex,
            previousCitation.allSatisfy({ $0.referenceIndex == only })
          {
            previous = previousCitation.last
          } else {
            previous = nil
          }
          if let previous, previous.referenceIndex == reference {
            let previousLocator = previous.cite.locator ?? ""
            let locator = cite.cite.locator ?? ""
            if locator.isEmpty && !previousLocator.isEmpty {
              cite.context.position = .subsequent
            } else if locator == previousLocator && cite.cite.label == previous.cite.label {
              cite.context.position = .ibid
            } else {
              cite.context.position = .ibidWithLocator
            }
          } else {
            cite.context.position = .subsequent
          }
          if let last = lastNote[reference] { cite.context.nearNote = note - last <= distance }
        } else {
          firstNote[reference] = note
          cite.context.firstNoteNumber = note  // kept for disambiguation; first cites do not print it
          cite.context.position = .first
        }
        if let forced = cite.cite.position, let position = Position(forced) {
          cite.context.position = position
        }
        if let forced = cite.cite.nearNote { cite.context.nearNote = forced }
        lastNote[reference] = note
        resolved[citationIndex][citeIndex] = cite
      }
      let cites = resolved[citationIndex]
      guard !cites.isEmpty else { continue }
      if inText {
        previousInText = cites
      } else {
        if note != previousNoteNumber {
          previousNoteCites = []
          previousNoteNumber = note
        }
        previousNoteCites += cites
        previousCitationInNote = cites
      }
    }
  }

  // MARK: - Rendering one item

  func renderItem(
    _ referenceIndex: Int, context: CiteContext, state: DisambiguationState, mode: RenderMode,
    suppressAuthor: Bool = false, cache: RenderCache? = nil, comparing: Bool = false
  ) -> Node {
    renderItemCollecting(
      referenceIndex, context: context, state: state, mode: mode, suppressAuthor: suppressAuthor, cache: cache,
      comparing: comparing, collectNames: false
    ).node
  }

  /// `renderItem`, also returning the name lists printed when `collectNames`, and what it read
  /// of the disambiguation settings (the given-name levels only when `comparing`).
  func renderItemCollecting(
    _ referenceIndex: Int, context: CiteContext, state: DisambiguationState, mode: RenderMode,
    suppressAuthor: Bool = false, cache: RenderCache? = nil, comparing: Bool = false, collectNames: Bool,
    memoizeMacros: Bool = false
  ) -> (node: Node, names: [[Name]], reachedTextVariable: Bool, reads: SettingsReads) {
    let suffix = state.yearSuffix.map(Self.yearSuffixText)
    let lookup = VariableLookup(
      box: boxes[referenceIndex], cite: context, yearSuffixText: suffix, presence: presence[referenceIndex])
    let style = compiled.forItem(language: lookup.language)
    let renderer = Renderer(
      compiled: cache?.privateStyle(style) ?? style, lookup: consume lookup, mode: mode, disambiguation: state)
    renderer.suppressFirstNames = suppressAuthor
    renderer.cache = cache
    // The citations' final renderings keep their macros for later cites of the item
    // (`Renderer.renderMacroBody`); disambiguation's trial renderings do not.
    if memoizeMacros { renderer.macroMemo = (macroMemo, referenceIndex) }
    renderer.comparing = comparing
    if comparing { renderer.givenLevelReads = NameIndexSet() }
    if collectNames {
      renderer.printedNames = []
      renderer.printedNamesFirstOnly = registersFirstNamesOnly
    }
    let layout =
      mode == .citation ? renderer.compiled.style.citation?.layout : renderer.compiled.style.bibliography?.layout
    var node = renderer.render(layout?.children ?? [], delimiter: nil).node
    if let suffix, !compiled.usesYearSuffixVariable {
      // The suffix follows the first year printed (none: citeproc-js prints no suffix, so
      // styles that print "n.d." name the year-suffix variable themselves).
      var done = false
      let suffixNode = Node.tagged(.yearSuffix, [.text(suffix)])
      let target: NodeTag = node.contains(where: { $0 == .citationLabel }) ? .citationLabel : .year
      if target == .year {
        // In a date range the suffix follows the range's last year ("2021–2022a"), as
        // citeproc-js prints it.
        node = node.replacing(where: { $0 == .date }) { date in
          guard !done, date.contains(where: { $0 == .year }) else { return date }
          done = true
          var years = 0
          _ = date.replacing(where: { $0 == .year }) { year in
            years += 1
            return year
          }
          var seen = 0
          return date.replacing(where: { $0 == .year }) { year in
            seen += 1
            return seen == years ? .sequence([year, suffixNode]) : year
          }
        }
      }
      node = node.replacing(where: { $0 == target }) { year in
        if done { return year }
        done = true
        return .sequence([year, suffixNode])
      }
    }
    let reads = SettingsReads(
      givenLevels: renderer.givenLevelReads ?? NameIndexSet(), addNamesNeeded: renderer.addNamesNeeded,
      disambiguateTests: renderer.disambiguateTests)
    return (node, renderer.printedNames ?? [], renderer.reachedTextVariable, reads)
  }

  /// Given-name disambiguation under the primary-name rules: only each list's first name
  /// enters the registry.
  var registersFirstNamesOnly: Bool {
    let rule = compiled.style.citation?.givennameDisambiguationRule
    return rule == .primaryName || rule == .primaryNameWithInitials
  }

  /// "a"…"z", "aa"…: the year-suffix for a 1-based index (empty below 1). Made from bytes: the
  /// letters as an array of characters cost some 6,300 instructions a call, 4 % of a 100,000-
  /// statement report, whose cites print a suffix each.
  static func yearSuffixText(_ index: Int) -> String {
    guard index >= 1 else { return "" }
    var value = index
    var reversed: [UInt8] = []
    repeat {
      value -= 1
      reversed.append(0x61 + UInt8(value % 26))
      value /= 26
    } while value > 0
    return String(decoding: reversed.reversed(), as: UTF8.self)
  }

  func serialize(_ node: Node, format: any OutputFormat) -> String {
    var flattener = Flattener(
      openQuote: compiled.openQuote, closeQuote: compiled.closeQuote, openInnerQuote: compiled.openInnerQuote,
      closeInnerQuote: compiled.closeInnerQuote)
    flattener.keepApostrophes = compiled.style.multilingual.dataQuotes == .asWritten
    flattener.repeatsNestedStyles = format.repeatsNestedStyles
    // Room for a bibliography entry's tokens: growing the list from empty copied it often.
    flattener.tokens.reserveCapacity(64)
    flattener.add(node)
    return Serializer(punctuationInQuote: compiled.punctuationInQuote).serialize(flattener.takeTokens(), format: format)
  }
}
