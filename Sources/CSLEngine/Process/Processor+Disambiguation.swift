import BibModel
import CSLStyle

extension Processor {
  /// Finds, per reference, the settings that make its cites distinct, in the specification's
  /// order: add names, add given names, the `disambiguate="true"` condition, year suffixes.
  /// Each step works on the groups of cites the steps before it left ambiguous.
  func disambiguate(
    _ resolved: [[ResolvedCite]], numbers: ItemTable<Int>, bibliographyOrder: [Int],
    cache renderCache: RenderCache? = nil
  ) -> (states: ItemTable<DisambiguationState>, kept: ItemTable<KeptCites>) {
    guard let citation = compiled.style.citation else { return ([:], [:]) }
    let contexts = disambiguationContexts(resolved, numbers: numbers, bibliographyOrder: bibliographyOrder)
    let cited = contexts.keys
    guard cited.count > 1 else { return ([:], [:]) }
    // Without citations, only the bibliography reads the states: the steps it cannot see are
    // left out (all of them in a numeric style; the condition step in MLA's, 2 % of its
    // bibliography's instructions).
    let bibliographyOnly = resolved.isEmpty
    let bibliographyTests = MacroGraph.bibliographyTestsCondition(compiled.style, where: \.isDisambiguate)
    if bibliographyOnly && !Self.bibliographyReadsStates(citation, testsCondition: bibliographyTests) {
      return ([:], [:])
    }
    var pass = Disambiguation(
      processor: self, contexts: contexts, cache: renderCache, keepsNodes: !resolved.isEmpty && keepsCiteRenderings)
    if citation.givennameDisambiguationRule != .byCite && citation.disambiguateAddGivenname {
      addGivenNames(cited, rule: citation.givennameDisambiguationRule, pass: &pass)
    } else {
      pass.prewarm(cited)
    }
    var groups = pass.ambiguousGroups(cited)
    pass.noteTwins(Array(Set(groups.joined())).sorted())
    let byCiteGivenname = citation.disambiguateAddGivenname && citation.givennameDisambiguationRule == .byCite
    if citation.disambiguateAddNames || byCiteGivenname {
      addNames(in: groups, names: citation.disambiguateAddNames, givenNames: byCiteGivenname, pass: &pass)
      groups = pass.ambiguousGroups(cited)
    }
    // The condition is tested in the citation, a macro, or the bibliography's own layout
    // (whose entries read it too, as in citeproc-js).
    let testsCondition = bibliographyTests || MacroGraph.testsCondition(compiled.style, where: \.isDisambiguate)
    if testsCondition && (!bibliographyOnly || citation.disambiguateAddYearSuffix || bibliographyTests) {
      searchEach(groups, pass: &pass) { group in applyDisambiguateCondition(to: &group) }
      groups = pass.ambiguousGroups(cited)
    }
    if citation.disambiguateAddYearSuffix {
      addYearSuffixes(to: groups, bibliographyOrder: bibliographyOrder, states: &pass.states)
    }
    return (pass.states, pass.keptCites())
  }

  /// Whether a bibliography reads anything of the states disambiguation leaves: year
  /// suffixes, the `disambiguate` condition where the bibliography tests it, the given names
  /// and names that the citation's expansions carry into the entries (`carriedNames`).
  /// (`testsCondition`: the bibliography reaches a `disambiguate` test.)
  private static func bibliographyReadsStates(_ citation: CSL.Citation, testsCondition: Bool) -> Bool {
    let carriesNames =
      citation.disambiguateAddGivenname
      && (citation.givennameDisambiguationRule == .byCite || citation.disambiguateAddNames)
    return citation.disambiguateAddYearSuffix || carriesNames || testsCondition
  }

  /// Whether disambiguation's comparing renderings print what the citations print, so that
  /// they can be kept for them (`KeptCites`): they leave out the accessed date, so not when
  /// the citation layout can reach one. Nor in a style that tests position, where they are
  /// made in the subsequent forms citeproc-js compares (`comparedAsCiteprocJS`), which first
  /// cites never match: kept for nothing, the trees cost Chicago author-date's 10k citations
  /// 1 % more instructions.
  var keepsCiteRenderings: Bool {
    !compiled.testsPosition
      && !MacroGraph.citationReaches(compiled.style) { element in
        if case .date(let date) = element { return date.variable == .accessed }
        return false
      }
  }

  /// The contexts each reference is cited in, locators dropped (they do not identify items),
  /// with the forms disambiguation must also keep distinct: uncited bibliography items as a
  /// plain first cite, and subsequent cites under et-al-subsequent options; in a style that
  /// tests position, the forms citeproc-js compares (`comparedAsCiteprocJS`).
  private func disambiguationContexts(
    _ resolved: [[ResolvedCite]], numbers: ItemTable<Int>, bibliographyOrder: [Int]
  ) -> ItemTable<[CiteContext]> {
    var contexts: ItemTable<[CiteContext]> = [:]
    for cites in resolved {
      // An ibid cite points back at the cite before it: it is never ambiguous, and its
      // "ibid." must not make every item cited that way look alike (citeproc-js).
      for cite in cites where cite.context.position < .ibid {
        var context = cite.context
        context.locator = nil
        context.label = nil
        if !(contexts[cite.referenceIndex]?.contains(context) ?? false) {
          contexts[cite.referenceIndex, default: []].append(context)
        }
      }
    }
    for item in bibliographyOrder where contexts[item] == nil {
      contexts[item] = [CiteContext(citationNumber: numbers[item])]
    }
    if compiled.testsPosition { contexts = contexts.mapValues(Self.comparedAsCiteprocJS) }
    // With et-al-subsequent options, later cites print fewer names: they must stay distinct too.
    let options = compiled.citationNameOptions
    if options.etAlSubsequentMin != nil || options.etAlSubsequentUseFirst != nil
      || (compiled.style.styleClass == .note && contexts.contains { $0.value.contains { $0.position != .first } })
    {
      for (item, list) in contexts where !list.contains(where: { $0.position == .subsequent }) {
        var subsequent = list.first ?? CiteContext(citationNumber: numbers[item])
        subsequent.position = .subsequent
        contexts[item, default: []].append(subsequent)
      }
    }
    return contexts
  }

  /// An item's contexts in a style that tests position, as citeproc-js compares cites (its
  /// "ambiguous cite"): in their subsequent form near their note, never in their first form.
  /// A style whose first cites print in full still needs suffixes for "Cohen 2018"; two works
  /// whose first cites happen to print alike ("2019") are told apart by their later cites.
  /// (Comparing the first form too had cost a note style's full note for every item.)
  private static func comparedAsCiteprocJS(_ list: [CiteContext]) -> [CiteContext] {
    var compared = list.filter { $0.position != .first }
    if !compared.contains(where: { $0.position == .subsequent && $0.nearNote }), var subsequent = list.first {
      subsequent.position = .subsequent
      subsequent.nearNote = true
      compared.append(subsequent)
    }
    return compared
  }

  /// Step 2, add given names, under the global rules (`all-names`, `all-names-with-initials`,
  /// `primary-name`, `primary-name-with-initials`): every name the citations print is expanded
  /// as far as other printed names make it ambiguous, whether or not its cite is.
  private func addGivenNames(_ cited: [Int], rule: CSL.GivennameRule, pass: inout Disambiguation) {
    // The names each item's citation prints (every cs:names rendered, cut by et-al as
    // printed) are the registry's: citeproc-js registers names as cites render them. The
    // author (or what stands in for it) is the usual guess; items whose rendering prints
    // other names are settled again with those.
    let options = compiled.citationNameOptions
    let firstOnly = registersFirstNamesOnly
    let boxes = self.boxes
    // Slices of the references' own lists: copied, every name was retained here and released
    // again when the guesses were freed (on one core).
    let guessed = ParallelMap.map(count: cited.count) { range, _ in
      range.map { position -> [ArraySlice<Name>] in
        let names = Self.citedNames(boxes[cited[position]].reference.names, options: options, etAl: true)
        return names.isEmpty ? [] : [names.prefix(firstOnly ? 1 : names.count)]
      }
    }
    globalNameDisambiguation(cited, printed: guessed, rule: rule, states: &pass.states)
    var printed = collectPrinted(
      cited, contexts: pass.contexts, states: pass.states, cache: pass.renderCache, keepingNodes: pass.keepsNodes)
    pass.remember(cited) { (printed[$0].texts, printed[$0].reads, printed[$0].kept) }
    // citeproc-js also registers the names its sort keys print (it computes every key of
    // every item before the cites render), so a name no cite prints can make another
    // expand. The specification disambiguates rendered names only: Cited keeps to that
    // (Docs/conformance.md).
    let guessedWrong = zip(guessed, printed).contains { guess, made in
      !guess.elementsEqual(made.names) { $0.elementsEqual($1) }
    }
    if guessedWrong {
      pass.states = [:]
      globalNameDisambiguation(cited, printed: printed.map(\.names), rule: rule, states: &pass.states)
      pass.prewarm(cited.filter { !pass.isRendered($0) })
    }
    // Names hidden by et-al come into view (and so into play) for cites that stay ambiguous,
    // when adding names may show them: the given names are settled again with those names.
    // (Under the primary-name rules only first names register: none come into view.)
    guard let citation = compiled.style.citation, citation.disambiguateAddNames && !firstOnly else { return }
    if revealHiddenNames(cited, printed: &printed, pass: &pass) {
      pass.states = [:]
      globalNameDisambiguation(cited, printed: printed.map(\.names), rule: rule, states: &pass.states)
      pass.prewarm(cited.filter { !pass.isRendered($0) })
    }
  }

  /// For the items that stay ambiguous with names left out, the names their citations print
  /// with every name added; true when some item shows more names that way.
  private func revealHiddenNames(
    _ cited: [Int], printed: inout [PrintedCites], pass: inout Disambiguation
  ) -> Bool {
    let index = Dictionary(uniqueKeysWithValues: cited.enumerated().map { ($1, $0) })
    let ambiguous = Set(pass.ambiguousGroups(cited).joined()).sorted().filter { item in
      // Only items with names left out may show more.
      let most = longestNameList(of: item)
      return index[item].map { at in printed[at].names.contains { $0.count < most } } ?? false
    }
    guard !ambiguous.isEmpty else { return false }
    var all: ItemTable<DisambiguationState> = [:]
    for item in ambiguous {
      all[item] = DisambiguationState(addNames: longestNameList(of: item))
    }
    let full = collectPrinted(ambiguous, contexts: pass.contexts, states: all, cache: pass.renderCache)
    var revealed = false
    for (position, item) in ambiguous.enumerated() {
      guard let at = index[item] else { continue }
      let before = printed[at].names.reduce(0) { $0 + $1.count }
      if full[position].names.reduce(0, { $0 + $1.count }) > before {
        printed[at].names = full[position].names
        revealed = true
      }
    }
    return revealed
  }

  /// Step 1 (and by-cite step 2) for every group.
  private func addNames(in groups: [[Int]], names: Bool, givenNames: Bool, pass: inout Disambiguation) {
    searchEach(groups, pass: &pass) { group in
      addNames(in: &group, names: names, givenNames: givenNames)
    }
  }

  /// Runs a step for every group. A group's step reads and changes the settings and
  /// renderings of its own items only, so when no item is in two groups each group is
  /// searched alone, on all cores, and the results are the same as one group after another;
  /// otherwise the groups are searched in order.
  private func searchEach(
    _ groups: [[Int]], pass: inout Disambiguation, _ step: @Sendable (inout DisambiguationGroup) -> Void
  ) {
    var seen = Set<Int>()
    guard groups.allSatisfy({ $0.allSatisfy { seen.insert($0).inserted } }) else {
      for items in groups { search(items, pass: &pass, step) }
      return
    }
    // A large group renders its items on all cores itself (`DisambiguationGroup.refresh`): it
    // is searched on its own, after the others; searched in a batch of the parallel map, it
    // kept one core busy long after the other had finished.
    let small = groups.filter { $0.count < ParallelMap.threshold }
    var searched: [Disambiguation.Part] = []
    do {
      // Each group's share is read from the pass on the core that searches it; the copies
      // end with this block, before the pass takes the results (else it copied its tables).
      let (states, renderings) = (pass.states, pass.renderings)
      let contexts = pass.contexts
      let twins = pass.twinOf
      let keepsNodes = pass.keepsNodes
      // One group per batch: a group's search costs its size times the settings it tries, so
      // groups differ widely, and chunks of many groups left one running alone.
      searched = ParallelMap.map(count: small.count, minimumCount: 2, batch: 1) { range, chunkCache in
        range.map { index in
          var group = DisambiguationGroup(
            small[index], states: states, renderings: renderings, twinOf: twins, processor: self,
            contexts: contexts, cache: chunkCache, keepsNodes: keepsNodes)
          step(&group)
          return group.part
        }
      }
    }
    for (group, part) in zip(small, searched) { pass.adopt(part, for: group) }
    for items in groups where items.count >= ParallelMap.threshold { search(items, pass: &pass, step) }
  }

  /// Runs a step for one group of the pass, on the pass's own cache.
  private func search(_ items: [Int], pass: inout Disambiguation, _ step: (inout DisambiguationGroup) -> Void) {
    var group = pass.group(items)
    step(&group)
    pass.adopt(group.part, for: items)
  }

  /// Step 1, add names, for one group of colliding cites: names beyond et-al-use-first are
  /// added one at a time (up to the longest list when `names`, else none); under the by-cite
  /// rule (`givenNames`) each count of names is followed by step 2 for the cites it leaves
  /// ambiguous.
  private func addNames(in group: inout DisambiguationGroup, names: Bool, givenNames: Bool) {
    let maxNames = group.items.reduce(0) { max($0, longestNameList(of: $1)) }
    guard var search = group.startSearch() else { return }
    let maxAdd = names ? maxNames : 0
    var add = 0
    while add <= maxAdd && !search.isOver {
      for position in search.positions { group.update(position) { $0.addNames = add } }
      group.settle(&search)
      if givenNames && !search.isOver {
        addGivenNamesByCite(maxNames: maxNames, search: &search, group: &group)
      }
      add += 1
    }
    group.finish(search)
  }

  /// Step 2, add given names, under the by-cite rule: name by name, the ambiguous cites show
  /// initials, then full given names; an expansion that tells no cite apart is undone.
  private func addGivenNamesByCite(
    maxNames: Int, search: inout DisambiguationGroup.Search, group: inout DisambiguationGroup
  ) {
    for nameIndex in 0..<maxNames where !search.isOver {
      // A level no ambiguous cite reads changes no rendering: the step would tell nothing
      // apart and be undone.
      guard search.positions.contains(where: { group.readsGivenLevel($0, at: nameIndex) }) else { continue }
      let before = group.saved
      let beforeCount = search.unresolvedCount
      for level in 1...2 {
        for position in search.positions { group.update(position) { $0.givenLevels[nameIndex] = level } }
        group.settle(&search)
        if search.unresolvedCount < beforeCount { break }
      }
      if search.unresolvedCount == beforeCount {
        for position in 0..<group.count { group.restore(before, position) }
      }
    }
  }

  /// Step 3, the `disambiguate="true"` condition: one more such test holds at each step;
  /// items keep the first level at which they are told apart. As in citeproc-js, a step that
  /// tells no item apart does not end the search: items never told apart end with every test
  /// holding (a date that cannot separate two cites still prints).
  private func applyDisambiguateCondition(to group: inout DisambiguationGroup) {
    // Copies of one work are never told apart: they end with every test holding.
    let levels = group.areTwins ? 8...8 : 1...8
    var unresolved = Array(repeating: true, count: group.count)
    for level in levels where unresolved.contains(true) {
      for position in unresolved.indices where unresolved[position] {
        group.update(position) { $0.conditionLevel = level }
      }
      for (position, unique) in group.uniquePositions().enumerated() where unique { unresolved[position] = false }
    }
  }

  /// Step 4, year suffixes: the cites still ambiguous are numbered in bibliography order,
  /// overlapping groups merged into one count.
  private func addYearSuffixes(
    to groups: [[Int]], bibliographyOrder: [Int], states: inout ItemTable<DisambiguationState>
  ) {
    let position = Dictionary(uniqueKeysWithValues: bibliographyOrder.enumerated().map { ($1, $0) })
    var assigned = Set<Int>()
    for group in groups {
      let members = group.filter { !assigned.contains($0) }.sorted { (position[$0] ?? 0) < (position[$1] ?? 0) }
      var counter = 0
      for item in group where assigned.contains(item) {
        counter = max(counter, states[item]?.yearSuffix ?? 0)
      }
      for item in members {
        counter += 1
        states[item, default: DisambiguationState()].yearSuffix = counter
        assigned.insert(item)
      }
    }
  }

  /// True when every part of a given name (split at spaces, periods and hyphens) is one
  /// character ("J.J.", "J. R.-M."). ASCII names (no carriage return, the one two-byte
  /// character) are checked on their bytes.
  static func isOnlyInitials(_ given: String) -> Bool {
    guard given.isPlainASCII else {
      return given.split(whereSeparator: { " .-".contains($0) }).allSatisfy { $0.count == 1 }
    }
    var run = 0
    for byte in given.utf8 {
      if byte == 0x20 || byte == 0x2E || byte == 0x2D {
        run = 0
      } else {
        run += 1
        if run > 1 { return false }
      }
    }
    return true
  }

  /// An item's citation renderings in each of its contexts, the name lists they print (those of
  /// the context that prints most), and what they read of the settings.
  typealias PrintedCites = (texts: [HashedText], names: [[Name]], reads: SettingsReads, kept: KeptCites?)

  /// Citation renderings of `items` in each of their contexts, with the name lists printed
  /// (and the renderings themselves when `keepingNodes`).
  func collectPrinted(
    _ items: [Int], contexts: ItemTable<[CiteContext]>, states: ItemTable<DisambiguationState>, cache: RenderCache?,
    keepingNodes: Bool = false
  ) -> [PrintedCites] {
    ParallelMap.map(count: items.count) { range, chunkCache in
      range.map { position -> PrintedCites in
        let item = items[position]
        let state = states[item] ?? DisambiguationState()
        var texts: [HashedText] = []
        var names: [[Name]] = []
        var reads = SettingsReads()
        var kept = keepingNodes ? KeptCites(item: item, contexts: contexts[item] ?? []) : nil
        for context in contexts[item] ?? [] {
          let rendered = renderItemCollecting(
            item, context: context, state: state, mode: .citation, cache: chunkCache, comparing: true,
            collectNames: true)
          texts.append(HashedText(rendered.node.plainText))
          reads.formUnion(rendered.reads)
          kept?.append(rendered.node, reachedTextVariable: rendered.reachedTextVariable)
          if names.isEmpty || rendered.names.reduce(0, { $0 + $1.count }) > names.reduce(0, { $0 + $1.count }) {
            names = rendered.names
          }
        }
        return (texts, names, reads, kept)
      }
    }
  }

  /// `all-names`, `all-names-with-initials`, `primary-name`, `primary-name-with-initials`:
  /// expand the names whose family name is shared by a different person, as citeproc-js's
  /// name registry does: a person is a family name with a given name (names without one
  /// are no one's rival and never expand), told from others of that family by initials or,
  /// under the same initials, by the given name. Under the `-with-initials` rules a name
  /// expands to initials whenever its family has people of different initials; otherwise to
  /// initials, or in full when its initials are shared. Only the names citations print count
  /// (`printed`, per item); under the primary-name rules only the first of each list.
  func globalNameDisambiguation<NameList: RandomAccessCollection & Sendable>(
    _ items: [Int], printed: [[NameList]], rule: CSL.GivennameRule, states: inout ItemTable<DisambiguationState>,
    parts: Int? = nil
  ) where NameList.Element == Name {
    let primaryOnly = rule == .primaryName || rule == .primaryNameWithInitials
    let initialsOnly = rule == .allNamesWithInitials || rule == .primaryNameWithInitials
    let demoteNever = compiled.style.demoteNonDroppingParticle == .never
    // Each printed name's keys, hashed on all cores (hashing the strings again where the
    // tables are filled had been most of the work).
    let perItem = ParallelMap.map(count: items.count) { range, chunkCache in
      range.map { position -> [[NameKey?]] in
        printed[position].map { list in
          list.enumerated().map { index, name -> NameKey? in
            if primaryOnly && index > 0 { return nil }
            guard name.literal == nil, name.family != nil || name.given != nil else { return nil }
            var family = Renderer.withoutPeriods(name.family ?? "")
            if demoteNever, let particle = name.nonDroppingParticle, name.family != nil {
              family += " " + particle
            }
            let given = Renderer.givenKey(name.given ?? "", cache: chunkCache)
            return NameKey(family: family, initials: given.given.isEmpty ? "" : given.initials, given: given.given)
          }
        }
      }
    }
    // The tables are split by family name, so each part is filled on its own core (filled on
    // one, they held the others idle).
    let parts = parts ?? ParallelMap.tableParts(for: items.count)
    let tables = ParallelMap.map(count: parts, minimumCount: 2) { range in
      range.map { part in NameTables(perItem, part: part, among: parts) }
    }
    // The levels read the tables only: worked out on all cores, set in order.
    let levels = ParallelMap.map(count: items.count) { range, _ in
      range.map { position -> [(index: Int, level: Int)] in
        // The levels apply by name index: the first list printed decides them.
        guard let list = perItem[position].first else { return [] }
        var found: [(index: Int, level: Int)] = []
        for (index, key) in list.enumerated() {
          guard let key, !key.family.value.isEmpty, !key.initials.value.isEmpty else { continue }
          let table = tables[key.family.part(among: parts)]
          let people = table.families[key.family] ?? 0
          let sameInitials = table.pairs[key.familyInitials] ?? 0
          let level = initialsOnly ? (people > 1 ? 1 : 0) : (sameInitials > 1 ? 2 : people > 1 ? 1 : 0)
          if level > 0 { found.append((index, level)) }
        }
        return found
      }
    }
    for (position, item) in items.enumerated() {
      for (index, level) in levels[position] { states[item, default: DisambiguationState()].givenLevels[index] = level }
    }
  }

  /// How many names the item's longest name list holds, counted in its box (mapping each
  /// list to its count made a list, and reading the item from the processor's list copied it).
  func longestNameList(of item: Int) -> Int {
    var longest = 0
    for list in boxes[item].reference.names.values { longest = max(longest, list.count) }
    return longest
  }

  /// The names a citation shows for a reference: the first name variable that has names (the
  /// author, or what substitutes for it), cut to et-al-use-first when `etAl` and et-al applies.
  /// Read from the reference's name lists (from its box: the box's reference, handed on
  /// whole, was copied).
  static func citedNames(_ names: [CSLVariable: [Name]], options: CSL.NameOptions, etAl: Bool) -> ArraySlice<Name> {
    for variable: CSLVariable in [.author, .editor, .translator, .composer, .director, .interviewer, .recipient] {
      guard let list = names[variable], !list.isEmpty else { continue }
      if etAl, let minimum = options.etAlMin, let first = options.etAlUseFirst, list.count >= minimum, first > 0 {
        return list.prefix(first)
      }
      return list[...]
    }
    return []
  }
}

/// One part of the given-name tables (the family names whose hash falls in it): how many
/// initials each family name is printed with, and how many given names each family name with
/// initials.
private struct NameTables: Sendable {
  var families: [HashedText: Int] = [:]
  var pairs: [FamilyInitials: Int] = [:]

  init(_ perItem: [[[NameKey?]]], part: Int, among parts: Int) {
    var initialsByFamily: [HashedText: Set<HashedText>] = [:]
    var givensByInitials: [FamilyInitials: Set<HashedText>] = [:]  // family + initials → givens
    for lists in perItem {
      for list in lists {
        for case let key? in list
        where !key.family.value.isEmpty && !key.initials.value.isEmpty && key.family.part(among: parts) == part {
          initialsByFamily[key.family, default: []].insert(key.initials)
          givensByInitials[key.familyInitials, default: []].insert(key.given)
        }
      }
    }
    families = initialsByFamily.mapValues(\.count)
    pairs = givensByInitials.mapValues(\.count)
  }
}

/// A printed name's keys for the given-name rules: its family name, its initials, its given
/// name, and the family with the initials (the people disambiguation must tell apart).
private struct NameKey: Sendable {
  let family: HashedText
  let initials: HashedText
  let given: HashedText
  var familyInitials: FamilyInitials { FamilyInitials(family: family, initials: initials) }

  init(family: String, initials: String, given: String) {
    self.family = HashedText(family)
    self.initials = HashedText(initials)
    self.given = HashedText(given)
  }
}

/// A family name with one set of initials: the people disambiguation must tell apart.
private struct FamilyInitials: Hashable, Sendable {
  let family: HashedText
  let initials: HashedText
}
