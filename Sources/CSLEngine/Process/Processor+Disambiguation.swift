import BibModel
import CSLStyle

extension Processor {
  /// Finds, per reference, the settings that make its cites distinct: added names, expanded
  /// given names, the disambiguate condition, year suffixes.
  func disambiguate(
    _ resolved: [[ResolvedCite]], numbers: [Int: Int], bibliographyOrder: [Int],
    cache renderCache: RenderCache? = nil
  ) -> [Int: DisambiguationState] {
    var states: [Int: DisambiguationState] = [:]
    guard let citation = compiled.style.citation else { return states }
    // The contexts each reference is cited in (locators dropped: they do not identify items).
    var contexts: [Int: [CiteContext]] = [:]
    for cites in resolved {
      for cite in cites {
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
    // citeproc-js tells cites apart in their subsequent form near their note (its "ambiguous
    // cite"): a style whose first cites print in full still needs suffixes for "Cohen 2018".
    for (item, list) in contexts
    where compiled.testsPosition && !list.contains(where: { $0.position == .subsequent && $0.nearNote }) {
      var subsequent = list.first ?? CiteContext(citationNumber: numbers[item])
      subsequent.position = .subsequent
      subsequent.nearNote = true
      contexts[item, default: []].append(subsequent)
    }
    // With et-al-subsequent options, later cites print fewer names: they must stay distinct too.
    let options = compiled.citationNameOptions
    if options.etAlSubsequentMin != nil || options.etAlSubsequentUseFirst != nil
      || (compiled.style.styleClass == .note && contexts.values.contains { $0.contains { $0.position != .first } })
    {
      for (item, list) in contexts where !list.contains(where: { $0.position == .subsequent }) {
        var subsequent = list.first ?? CiteContext(citationNumber: numbers[item])
        subsequent.position = .subsequent
        contexts[item, default: []].append(subsequent)
      }
    }
    let cited = contexts.keys.sorted()
    guard cited.count > 1 else { return states }

    var cache: [Int: (state: DisambiguationState, texts: [String])] = [:]
    func renderings(_ item: Int) -> [String] {
      let state = states[item] ?? DisambiguationState()
      if let cached = cache[item], cached.state == state { return cached.texts }
      let texts = (contexts[item] ?? []).map { context in
        renderItem(item, context: context, state: state, mode: .citation, cache: renderCache, comparing: true).plainText
      }
      cache[item] = (state, texts)
      return texts
    }
    /// Groups of references whose renderings collide.
    func ambiguousGroups(_ items: [Int]) -> [[Int]] {
      var byText: [String: [Int]] = [:]
      for item in items {
        for text in Set(renderings(item)) { byText[text, default: []].append(item) }
      }
      var groups: [[Int]] = []
      var seenGroups = Set<[Int]>()
      for text in byText.keys.sorted() {
        let members = Array(Set(byText[text] ?? [])).sorted()
        if members.count > 1, seenGroups.insert(members).inserted { groups.append(members) }
      }
      return groups
    }
    func classCount(_ group: [Int]) -> Int {
      Set(group.map { renderings($0) }).count
    }
    func isUnique(_ item: Int, in group: [Int]) -> Bool {
      let mine = Set(renderings(item))
      for other in group where other != item {
        if !mine.isDisjoint(with: renderings(other)) { return false }
      }
      return true
    }
    func distinctCount(_ group: [Int], _ using: [Int: DisambiguationState]? = nil) -> Int {
      let saved = states
      if let using { states = using }
      defer { states = saved }
      var counts: [String: Int] = [:]
      var texts: [Int: [String]] = [:]
      for item in group {
        let rendered = Array(Set(renderings(item)))
        texts[item] = rendered
        for text in rendered { counts[text, default: 0] += 1 }
      }
      return group.filter { item in (texts[item] ?? []).allSatisfy { (counts[$0] ?? 0) == 1 } }.count
    }

    // Citation forms rendered on all cores with the current states (the cache skips the rest).
    let contextsByItem = contexts
    func prewarm(_ items: [Int]) {
      let current = states
      let rendered = ParallelMap.map(count: items.count) { range, chunkCache in
        range.map { position -> [String] in
          let item = items[position]
          let state = current[item] ?? DisambiguationState()
          return (contextsByItem[item] ?? []).map { context in
            renderItem(item, context: context, state: state, mode: .citation, cache: chunkCache, comparing: true)
              .plainText
          }
        }
      }
      for (position, item) in items.enumerated() {
        cache[item] = (current[item] ?? DisambiguationState(), rendered[position])
      }
    }

    if citation.givennameDisambiguationRule != .byCite && citation.disambiguateAddGivenname {
      let rule = citation.givennameDisambiguationRule
      // The names each item's citation prints (every cs:names rendered, cut by et-al as
      // printed) are the registry's: citeproc-js registers names as cites render them. The
      // author (or what stands in for it) is the usual guess; items whose rendering prints
      // other names are settled again with those.
      let options = compiled.citationNameOptions
      let firstOnly = registersFirstNamesOnly
      let guessed = cited.map { item -> [[Name]] in
        let names = Self.citedNames(references[item], options: options, etAl: true)
        return names.isEmpty ? [] : [Array(names.prefix(firstOnly ? 1 : names.count))]
      }
      globalNameDisambiguation(cited, printed: guessed, rule: rule, states: &states)
      var printed = collectPrinted(cited, contexts: contexts, states: states, cache: renderCache)
      for (position, item) in cited.enumerated() {
        cache[item] = (states[item] ?? DisambiguationState(), printed[position].texts)
      }
      // citeproc-js also registers the names its sort keys print (it computes every key of
      // every item before the cites render), so a name no cite prints can make another
      // expand. The specification disambiguates rendered names only: Cited keeps to that
      // (Docs/conformance.md).
      if zip(guessed, printed).contains(where: { $0 != $1.names }) {
        states = [:]
        globalNameDisambiguation(cited, printed: printed.map(\.names), rule: rule, states: &states)
        prewarm(cited.filter { cache[$0]?.state != (states[$0] ?? DisambiguationState()) })
      }
      // Names hidden by et-al come into view (and so into play) for cites that stay ambiguous,
      // when adding names may show them: the given names are settled again with those names.
      // (Under the primary-name rules only first names register: none come into view.)
      if citation.disambiguateAddNames && !firstOnly {
        let index = Dictionary(uniqueKeysWithValues: cited.enumerated().map { ($1, $0) })
        let ambiguous = Set(ambiguousGroups(cited).joined()).sorted().filter { item in
          // Only items with names left out may show more.
          let most = references[item].names.values.map(\.count).max() ?? 0
          return index[item].map { at in printed[at].names.contains { $0.count < most } } ?? false
        }
        if !ambiguous.isEmpty {
          var all: [Int: DisambiguationState] = [:]
          for item in ambiguous {
            all[item] = DisambiguationState(addNames: references[item].names.values.map(\.count).max() ?? 0)
          }
          let full = collectPrinted(ambiguous, contexts: contexts, states: all, cache: renderCache)
          var revealed = false
          for (position, item) in ambiguous.enumerated() {
            guard let at = index[item] else { continue }
            let before = printed[at].names.reduce(0) { $0 + $1.count }
            if full[position].names.reduce(0, { $0 + $1.count }) > before {
              printed[at].names = full[position].names
              revealed = true
            }
          }
          if revealed {
            states = [:]
            globalNameDisambiguation(
              cited, printed: printed.map(\.names), rule: rule, states: &states)
            prewarm(cited.filter { cache[$0]?.state != (states[$0] ?? DisambiguationState()) })
          }
        }
      }
    } else {
      prewarm(cited)
    }
    var groups = ambiguousGroups(cited)
    let byCiteGivenname = citation.disambiguateAddGivenname && citation.givennameDisambiguationRule == .byCite
    if citation.disambiguateAddNames || byCiteGivenname {
      for group in groups {
        let maxNames =
          group.map { item in
            references[item].names.values.map(\.count).max() ?? 0
          }.max() ?? 0
        // Only the group's members change below: saving and restoring their states (not
        // copies of the whole table, which every later write would have to duplicate).
        func save() -> [Int: DisambiguationState?] {
          var saved: [Int: DisambiguationState?] = [:]
          for item in group { saved[item] = .some(states[item]) }
          return saved
        }
        func restore(_ saved: [Int: DisambiguationState?], _ item: Int) {
          if let value = saved[item] { states[item] = value }
        }
        let initial = save()
        let initialDistinct = distinctCount(group)
        var unresolved = Set(group)
        var snapshot = initial
        let initialClasses = classCount(group)
        var bestClasses = initialClasses
        func settle() {
          for item in unresolved where isUnique(item, in: group) { unresolved.remove(item) }
          // Progress is counted in distinct renderings, so splitting a group in two counts.
          let classes = classCount(group)
          if classes > bestClasses {
            bestClasses = classes
            snapshot = save()
          }
        }
        let maxAdd = citation.disambiguateAddNames ? maxNames : 0
        var add = 0
        while add <= maxAdd && !unresolved.isEmpty {
          for item in unresolved { states[item, default: DisambiguationState()].addNames = add }
          settle()
          if byCiteGivenname && !unresolved.isEmpty {
            for nameIndex in 0..<maxNames where !unresolved.isEmpty {
              let before = save()
              let beforeCount = unresolved.count
              for level in 1...2 {
                for item in unresolved { states[item, default: DisambiguationState()].givenLevels[nameIndex] = level }
                settle()
                if unresolved.count < beforeCount { break }
              }
              if unresolved.count == beforeCount { for item in group { restore(before, item) } }
            }
          }
          add += 1
        }
        // Items that stay ambiguous keep only the expansions that last helped.
        for item in unresolved { restore(snapshot, item) }
        if distinctCount(group) <= initialDistinct && classCount(group) <= initialClasses {
          for item in group { restore(initial, item) }
        }
      }
      groups = ambiguousGroups(cited)
    }
    if styleUsesDisambiguateCondition {
      // One more disambiguate="true" test holds at each step; items keep the first level at
      // which they are told apart. As in citeproc-js, a step that tells no item apart ends
      // the search (the items left keep that step's level).
      for group in groups {
        var unresolved = Set(group)
        for level in 1...8 where !unresolved.isEmpty {
          for item in unresolved { states[item, default: DisambiguationState()].conditionLevel = level }
          let before = unresolved.count
          for item in unresolved where isUnique(item, in: group) { unresolved.remove(item) }
          if unresolved.count == before { break }
        }
      }
      groups = ambiguousGroups(cited)
    }
    if citation.disambiguateAddYearSuffix {
      let position = Dictionary(uniqueKeysWithValues: bibliographyOrder.enumerated().map { ($1, $0) })
      // Merge overlapping groups, then number each in bibliography order.
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
    return states
  }

  var styleUsesDisambiguateCondition: Bool {
    MacroGraph.testsCondition(compiled.style) { if case .disambiguate = $0 { true } else { false } }
  }

  /// True when every part of a given name (split at spaces, periods and hyphens) is one
  /// character ("J.J.", "J. R.-M."). ASCII names (no carriage return, the one two-byte
  /// character) are checked on their bytes.
  static func isOnlyInitials(_ given: String) -> Bool {
    guard given.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
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

  /// Citation renderings of `items` in each of their contexts, with the name lists printed.
  func collectPrinted(
    _ items: [Int], contexts: [Int: [CiteContext]], states: [Int: DisambiguationState], cache: RenderCache?
  ) -> [(texts: [String], names: [[Name]])] {
    ParallelMap.map(count: items.count) { range, chunkCache in
      range.map { position -> (texts: [String], names: [[Name]]) in
        let item = items[position]
        let state = states[item] ?? DisambiguationState()
        var texts: [String] = []
        var names: [[Name]] = []
        for context in contexts[item] ?? [] {
          let rendered = renderItemCollecting(
            item, context: context, state: state, mode: .citation, cache: chunkCache, comparing: true,
            collectNames: true)
          texts.append(rendered.node.plainText)
          if names.isEmpty || rendered.names.reduce(0, { $0 + $1.count }) > names.reduce(0, { $0 + $1.count }) {
            names = rendered.names
          }
        }
        return (texts, names)
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
  func globalNameDisambiguation(
    _ items: [Int], printed: [[[Name]]], rule: CSL.GivennameRule, states: inout [Int: DisambiguationState]
  ) {
    let primaryOnly = rule == .primaryName || rule == .primaryNameWithInitials
    let initialsOnly = rule == .allNamesWithInitials || rule == .primaryNameWithInitials
    let demoteNever = compiled.style.demoteNonDroppingParticle == .never
    struct Key { var family: String, initials: String, given: String }
    @Sendable func stripPeriods(_ text: String) -> String {
      text.split(whereSeparator: { $0 == "." || $0 == " " }).joined(separator: " ")
    }
    // Each printed name's keys, worked out on all cores; the tables are filled afterwards.
    let perItem = ParallelMap.map(count: items.count) { range, chunkCache in
      range.map { position -> [[Key?]] in
        printed[position].map { list in
          list.enumerated().map { index, name -> Key? in
            if primaryOnly && index > 0 { return nil }
            guard name.literal == nil, name.family != nil || name.given != nil else { return nil }
            var family = stripPeriods(name.family ?? "")
            if demoteNever, let particle = name.nonDroppingParticle, name.family != nil {
              family += " " + particle
            }
            let given = stripPeriods(name.given ?? "")
            let initials = given.isEmpty ? "" : chunkCache.initials(given, with: ".", hyphen: true, initialize: true)
            return Key(family: family, initials: initials, given: given)
          }
        }
      }
    }
    var initialsByFamily: [String: Set<String>] = [:]
    var givensByInitials: [FamilyInitials: Set<String>] = [:]  // family + initials → givens
    for lists in perItem {
      for list in lists {
        for case let key? in list where !key.family.isEmpty && !key.initials.isEmpty {
          initialsByFamily[key.family, default: []].insert(key.initials)
          givensByInitials[FamilyInitials(family: key.family, initials: key.initials), default: []].insert(key.given)
        }
      }
    }
    for (position, item) in items.enumerated() {
      // The levels apply by name index: the first list printed decides them.
      guard let list = perItem[position].first else { continue }
      for (index, key) in list.enumerated() {
        guard let key, !key.family.isEmpty, !key.initials.isEmpty else { continue }
        let people = initialsByFamily[key.family]?.count ?? 0
        let sameInitials = givensByInitials[FamilyInitials(family: key.family, initials: key.initials)]?.count ?? 0
        let level: Int
        if initialsOnly {
          level = people > 1 ? 1 : 0
        } else {
          level = sameInitials > 1 ? 2 : people > 1 ? 1 : 0
        }
        if level > 0 { states[item, default: DisambiguationState()].givenLevels[index] = level }
      }
    }
  }

  /// The names a citation shows for a reference: the first name variable that has names (the
  /// author, or what substitutes for it), cut to et-al-use-first when `etAl` and et-al applies.
  static func citedNames(_ reference: Reference, options: CSL.NameOptions, etAl: Bool) -> ArraySlice<Name> {
    for variable: CSLVariable in [.author, .editor, .translator, .composer, .director, .interviewer, .recipient] {
      guard let list = reference.names[variable], !list.isEmpty else { continue }
      if etAl, let minimum = options.etAlMin, let first = options.etAlUseFirst, list.count >= minimum, first > 0 {
        return list.prefix(first)
      }
      return list[...]
    }
    return []
  }
}

/// A family name with one set of initials: the people disambiguation must tell apart.
private struct FamilyInitials: Hashable {
  var family: String
  var initials: String
}
