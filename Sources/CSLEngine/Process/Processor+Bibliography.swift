import BibModel
import CSLStyle

extension Processor {
  /// The text of an entry that renders empty, as citeproc-js prints it.
  static let noPrintedForm = "[CSL STYLE ERROR: reference with no printed form.]"
  /// What citeproc-js prints for a citation that suppress-author leaves with nothing at all.
  static let noPrintedCitation = "[NO_PRINTED_FORM]"

  /// The entries of `order`; `carried` is what the citations' disambiguation carries into
  /// them when it was already found for these items (`carriedNames`).
  func renderBibliography(
    _ order: [Int], numbers: ItemTable<Int>, states: ItemTable<DisambiguationState>, format: any OutputFormat,
    cache: RenderCache? = nil, carried: CarriedNames? = nil
  ) -> [(item: Int, text: String)] {
    guard let bibliography = compiled.style.bibliography else { return [] }
    let entry = entryRenderer(
      order, numbers: numbers, states: states, carried: carried ?? carriedNames(order, states: states))
    let finisher = EntryFinisher(
      processor: self, order: order, numbers: numbers, bibliography: bibliography, format: format,
      usesNumbers: MacroGraph.usesVariable(.citationNumber, inBibliographyOf: compiled.style))
    // Entries are independent but for subsequent-author-substitute: without it, each entry is
    // rendered, finished and serialized on one core, and its tree is freed there too.
    guard let substitute = bibliography.subsequentAuthorSubstitute else {
      return ParallelMap.map(count: order.count) { range, chunkCache in
        range.compactMap { finisher.finish($0, entry($0, chunkCache)) }
      }
    }
    // With it, the names each entry compares are found on all cores, the one sequential pass
    // pairs each entry with the names before it, and the entries are finished on all cores.
    let chunks = ParallelMap.map(count: order.count) { range, chunkCache in
      let nodes = range.map { entry($0, chunkCache) }
      return [EntryChunk(range: range, nodes: nodes, names: nodes.map(comparedNames))]
    }
    var previous: [[String]?] = Array(repeating: nil, count: order.count)
    var previousNames: [String]?
    for chunk in chunks {
      // An entry whose names print nothing to compare (a term) leaves the previous names in
      // place for the next entry (citeproc-js).
      for (position, names) in zip(chunk.range, chunk.names) where !names.isEmpty {
        previous[position] = previousNames
        previousNames = names
      }
    }
    let (before, rule) = (previous, bibliography.subsequentAuthorSubstituteRule)
    return ParallelMap.map(count: chunks.count, minimumCount: 2) { range in
      range.flatMap { index -> [(item: Int, text: String)] in
        let chunk = chunks[index]
        // The trees are freed here, on the core that finished them.
        defer { chunk.nodes = [] }
        return (0..<chunk.range.count).compactMap { offset in
          let (position, node) = (chunk.range.lowerBound + offset, chunk.nodes[offset])
          guard let previousNames = before[position] else { return finisher.finish(position, node) }
          let substituted = substituteNames(
            node, current: chunk.names[offset], previous: previousNames, with: substitute, rule: rule)
          return finisher.finish(position, substituted)
        }
      }
    }
  }

  /// The names subsequent-author-substitute compares for an entry (empty when its first names
  /// print nothing to compare).
  private func comparedNames(_ node: Node) -> [String] {
    firstNames(node).map(nameTexts) ?? []
  }

  /// Renders the entry at a position of the bibliography's order, with the state
  /// disambiguation left it (an entry that opens with a term starts in upper case).
  private func entryRenderer(
    _ order: [Int], numbers: ItemTable<Int>, states: ItemTable<DisambiguationState>, carried names: CarriedNames
  ) -> @Sendable (Int, RenderCache) -> Node {
    let (carried, shared, addedNames) = (names.givenLevels, names.shared, names.addedNames)
    let expandsWithinItem =
      compiled.style.citation.map { $0.disambiguateAddGivenname && $0.givennameDisambiguationRule == .byCite } ?? false
    return { position, cache in
      let item = order[position]
      var context = CiteContext()
      context.citationNumber = numbers[item]
      context.inCitation = false
      var state = DisambiguationState()
      state.yearSuffix = states[item]?.yearSuffix
      state.conditionLevel = states[item]?.conditionLevel ?? 0
      state.expandsWithinItem = expandsWithinItem
      state.sharedNames = shared[item] ?? [:]
      state.addNames = addedNames[item] ?? 0
      if let levels = carried[item] {
        state.givenLevels = levels
        state.givenLevelsFirstNamesOnly = true
      }
      let node = renderItem(item, context: context, state: state, mode: .bibliography, cache: cache)
      // citeproc-js: an entry that opens with a term ("s. d.") starts in upper case.
      guard node.startsWith(tag: .term) else { return node }
      var caser = TextCaser(.capitalizeFirst, english: true)
      return caser.applyAll(node)
    }
  }

  /// The given-name expansions the bibliography prints, for the items that have any:
  /// citeproc-js sorts the bibliography by names as printed ("Silva, John" before "Silva, M.").
  func bibliographyNameStates(_ order: [Int], carried names: CarriedNames) -> ItemTable<DisambiguationState> {
    let (carried, shared, addedNames) = (names.givenLevels, names.shared, names.addedNames)
    var result: ItemTable<DisambiguationState> = [:]
    for item in order where carried[item] != nil || shared[item] != nil || addedNames[item] != nil {
      var state = DisambiguationState()
      state.sharedNames = shared[item] ?? [:]
      state.addNames = addedNames[item] ?? 0
      if let levels = carried[item] {
        state.givenLevels = levels
        state.givenLevelsFirstNamesOnly = true
      }
      result[item] = state
    }
    return result
  }

  /// What the citations' disambiguation carries into the entries of `order` (the given-name
  /// levels, the names shared in the bibliography, the names added), found once for the
  /// bibliography's sort and its entries alike: it depends on which items the bibliography
  /// holds, not on their order.
  func carriedNames(_ order: [Int], states: ItemTable<DisambiguationState>) -> CarriedNames {
    CarriedNames(
      givenLevels: carriedGivenLevels(states), shared: sharedNames(order), addedNames: carriedAddedNames(states))
  }

  /// The names a citation added to tell its cites apart, carried into the bibliography as
  /// citeproc-js carries them when the style also disambiguates with given names
  /// (`disambiguate-add-givenname`): an entry prints at least as many names as its
  /// disambiguated cite ("Baker, Wei, Pat Dubois, et al." beside "Baker, Wei, Pat Tanaka, et
  /// al.", so subsequent-author-substitute no longer takes one for the other). The value is
  /// the names added beyond the bibliography's own et-al-use-first.
  private func carriedAddedNames(_ states: ItemTable<DisambiguationState>) -> ItemTable<Int> {
    guard let citation = compiled.style.citation, citation.disambiguateAddGivenname, citation.disambiguateAddNames
    else { return [:] }
    let citationFirst = firstCitationNameOptions.etAlUseFirst ?? 0
    let bibliographyFirst = compiled.bibliographyNameOptions.etAlUseFirst ?? 0
    return states.compactMapValues { state in
      let extra = citationFirst + state.addNames - bibliographyFirst
      return state.addNames > 0 && extra > 0 ? extra : nil
    }
  }

  /// Given names a citation expanded, as citeproc-js carries them into the bibliography's
  /// first names (when the style sets disambiguate-add-givenname) under by-cite: the level the
  /// citation's own name form gives every name (0 short, 1 initials, 2 full) raised by the
  /// expansion found for the item (the global rules carry theirs through `sharedNames`). A
  /// bibliography name never prints shorter than its own form.
  private func carriedGivenLevels(_ states: ItemTable<DisambiguationState>) -> ItemTable<[Int: Int]> {
    guard let citation = compiled.style.citation, citation.disambiguateAddGivenname,
      citation.givennameDisambiguationRule == .byCite
    else { return [:] }
    let options = firstCitationNameOptions
    let base = options.form == .short ? 0 : (options.initializeWith != nil ? 1 : 2)
    let boxes = self.boxes
    // Each item's levels on all cores (a state looked up is a copy of it); only the items
    // that carry any are gathered on one.
    let found = ParallelMap.map(count: boxes.count) { range, _ in
      range.map { item -> [Int: Int]? in
        let expanded = states[item]?.givenLevels ?? [:]
        guard base > 0 || !expanded.isEmpty else { return nil }
        var levels: [Int: Int] = [:]
        let count = Self.citedNames(boxes[item].reference.names, options: options, etAl: false).count
        for index in 0..<count {
          var level = expanded[index] ?? 0
          // An initial the citation cannot print (no initialize-with) was printed in full.
          if level == 1 && options.initializeWith == nil { level = 2 }
          level = max(level, base)
          if level > 0 { levels[index] = level }
        }
        return levels.isEmpty ? nil : levels
      }
    }
    var carried = ItemTable<[Int: Int]>()
    for (item, levels) in found.enumerated() {
      if let levels { carried[item] = levels }
    }
    return carried
  }

  /// Under the all-names and primary-name rules, citeproc-js expands bibliography names
  /// against every name the entries print (et-al cuts nothing; primary-name: first names
  /// only), in any names variable: per item, variable and name index, 1 when the family name
  /// is shared by a name with other initials, 2 when the initials are shared by another given
  /// name (3 both). The -with-initials rules never expand past a bibliography's initials and
  /// are not searched. The registry is filled in `parts` parts (by default as many as the
  /// items call for).
  func sharedNames(_ order: [Int], parts: Int? = nil) -> ItemTable<[CSLVariable: [Int: UInt8]]> {
    guard let citation = compiled.style.citation, citation.disambiguateAddGivenname else { return [:] }
    let rule = citation.givennameDisambiguationRule
    guard rule == .allNames || rule == .primaryName else { return [:] }
    let primaryOnly = rule == .primaryName
    let printable = MacroGraph.nameVariables(in: compiled.style)
    let boxes = self.boxes
    // Each name's keys, worked out once and on all cores; only the registry is filled on one.
    let perItem = ParallelMap.map(count: order.count) { range, cache in
      range.map { position in
        Self.sharedNameKeys(
          boxes[order[position]].reference.names, primaryOnly: primaryOnly, printable: printable, cache: cache)
      }
    }
    // family → initials → given names, split by family name so that each part is filled on
    // its own core (filled on one, the registry held the others idle).
    let parts = parts ?? ParallelMap.tableParts(for: order.count)
    let registry = ParallelMap.map(count: parts, minimumCount: 2) { range in
      range.map { part in
        var registry: [HashedText: [String: Set<String>]] = [:]
        for keys in perItem {
          for key in keys where key.printable && key.family.part(among: parts) == part {
            registry[key.family, default: [:]][key.initials, default: []].insert(key.given)
          }
        }
        return registry
      }
    }
    let flagged = ParallelMap.map(count: order.count) { range, _ in
      range.map { position -> [CSLVariable: [Int: UInt8]] in
        var flags: [CSLVariable: [Int: UInt8]] = [:]
        for key in perItem[position] {
          guard let initials = registry[key.family.part(among: parts)][key.family] else { continue }
          var flag: UInt8 = 0
          if initials.count > 1 { flag |= 1 }
          if (initials[key.initials]?.count ?? 0) > 1 { flag |= 2 }
          if flag != 0 { flags[key.variable, default: [:]][key.index] = flag }
        }
        return flags
      }
    }
    var result = ItemTable<[CSLVariable: [Int: UInt8]]>()
    for (position, item) in order.enumerated() where !flagged[position].isEmpty {
      result[item, default: [:]].merge(flagged[position]) { $0.merging($1) { _, new in new } }
    }
    return result
  }

  /// One name's place and keys for `sharedNames`: its family name, its initials and its given
  /// name without periods, and whether a printed names variable holds it.
  private struct SharedNameKey: Sendable {
    var variable: CSLVariable
    var index: Int
    var family: HashedText
    var initials: String
    var given: String
    var printable: Bool
  }

  /// The keys of a reference's names that can be told apart by their given names.
  private static func sharedNameKeys(
    _ names: [CSLVariable: [Name]], primaryOnly: Bool, printable: Set<CSLVariable>, cache: RenderCache
  ) -> [SharedNameKey] {
    var keys: [SharedNameKey] = []
    for (variable, list) in names {
      let printed = printable.contains(variable)
      for (index, name) in list.prefix(primaryOnly ? 1 : list.count).enumerated() {
        guard name.literal == nil, let family = name.family, let given = name.given, !given.isEmpty else { continue }
        let key = Renderer.givenKey(given, cache: cache)
        keys.append(
          SharedNameKey(
            variable: variable, index: index, family: HashedText(family), initials: key.initials, given: key.given,
            printable: printed))
      }
    }
    return keys
  }

  /// The options of the first `cs:name` the citation layout reaches (through macros, in
  /// document order), inherited from the citation's.
  private var firstCitationNameOptions: CSL.NameOptions {
    let inherited = compiled.citationNameOptions
    guard let citation = compiled.style.citation else { return inherited }
    var visited = Set<String>()
    func find(_ elements: [CSL.Element]) -> CSL.NameOptions? {
      for element in elements {
        switch element {
        case .names(let names): return (names.name?.options ?? CSL.NameOptions()).inheriting(inherited)
        case .group(let group): if let found = find(group.children) { return found }
        case .choose(let choose):
          for branch in choose.branches { if let found = find(branch.children) { return found } }
          if let found = find(choose.otherwise) { return found }
        case .text(let text):
          if case .macro(let name) = text.source, visited.insert(name).inserted,
            let found = find(compiled.style.macros[name] ?? [])
          {
            return found
          }
        default: break
        }
      }
      return nil
    }
    return find(citation.layout.children) ?? inherited
  }

  /// The rendered names of a names node, one string per name; the whole text last, so
  /// lists with different connectors or et-al never compare equal.
  private func nameTexts(_ names: Node) -> [String] {
    if case .tagged(.names(Renderer.termSubstitute), _) = names { return [] }
    var texts: [String] = []
    func collect(_ node: Node) {
      switch node {
      case .text: return
      case .tagged(.name, _): texts.append(node.plainText)
      case .tagged(_, let children), .styled(_, let children), .quoted(let children), .nocase(let children),
        .display(_, let children), .sequence(let children), .link(_, let children):
        children.forEach(collect)
      }
    }
    collect(names)
    let whole = names.plainText(skipping: .nameLabel)
    // A substituted title counts as one name.
    if texts.isEmpty { texts = [whole] }
    return texts + [whole]
  }

  private func substituteNames(
    _ node: Node, current: [String], previous: [String], with text: String, rule: CSL.SubsequentAuthorRule
  ) -> Node {
    let replacement: Node = text.isEmpty ? .empty : .text(text)
    let currentNames = current.dropLast()
    let previousNames = previous.dropLast()
    // How many leading names repeat the previous entry's.
    var matching = 0
    while matching < min(currentNames.count, previousNames.count),
      currentNames[currentNames.startIndex + matching] == previousNames[previousNames.startIndex + matching]
    {
      matching += 1
    }
    // The names as printed decide; "et al." is not a name ("Jensen, Robert, et al." and then
    // "Jensen, Robert" substitute, as in citeproc-js). A substituted title compares whole.
    let allMatch = currentNames == previousNames
    var replaceCount = 0
    switch rule {
    case .completeAll:
      guard allMatch else { return node }
      var done = false
      return node.replacing(where: { if case .names = $0 { return true } else { return false } }) { names in
        if done { return names }
        done = true
        // The label stays ("--- ed."), and so do the affixes and formatting of the names
        // element around what it printed.
        var labels: [Node] = []
        _ = names.replacing(where: { $0 == .nameLabel }) { label in
          labels.append(label)
          return label
        }
        let content = labels.isEmpty ? replacement : .sequence([replacement] + labels)
        var replacedContent = false
        let kept = names.replacing(where: { $0 == .nameContent }) { _ in
          if replacedContent { return .empty }
          replacedContent = true
          return content
        }
        return replacedContent ? kept : content
      }
    case .completeEach:
      guard allMatch else { return node }
      replaceCount = currentNames.count
    case .partialEach:
      replaceCount = matching
    case .partialFirst:
      replaceCount = matching > 0 ? 1 : 0
    }
    guard replaceCount > 0 else { return node }
    var seenNames = false
    return node.replacing(where: { if case .names = $0 { return true } else { return false } }) { names in
      if seenNames { return names }
      seenNames = true
      if !names.contains(where: { $0 == .name }) { return replacement }
      var replaced = 0
      return names.replacing(where: { $0 == .name }) { name in
        replaced += 1
        return replaced <= replaceCount ? replacement : name
      }
    }
  }
}

/// One core's share of a bibliography under subsequent-author-substitute: its entries' trees
/// and compared names, kept between the parallel passes. Only one thread touches a chunk at a
/// time: the one that made it, then the one that finishes it.
final class EntryChunk: @unchecked Sendable {
  let range: Range<Int>
  var nodes: [Node]
  let names: [[String]]

  init(range: Range<Int>, nodes: [Node], names: [[String]]) {
    self.range = range
    self.nodes = nodes
    self.names = names
  }
}

/// What the citations' disambiguation carries into the bibliography, by item
/// (`Processor.carriedNames`).
struct CarriedNames: Sendable {
  /// Given-name levels by name index (the first names).
  var givenLevels: ItemTable<[Int: Int]>
  /// Names shared with other entries, by variable and name index (`sharedNames`).
  var shared: ItemTable<[CSLVariable: [Int: UInt8]]>
  /// Names added beyond the bibliography's et-al-use-first.
  var addedNames: ItemTable<Int>
}
