import BibModel
import CSLStyle

/// The working table of one disambiguation run: each cited item's settings so far, the
/// contexts it is cited in, and its citation renderings under those settings (rendered once
/// per settings). The steps in `Processor+Disambiguation.swift` change the settings and ask
/// it which items still collide.
struct Disambiguation {
  let processor: Processor
  /// The contexts each item is cited in (locators dropped: they do not identify items).
  let contexts: [Int: [CiteContext]]
  let renderCache: RenderCache?
  var states: [Int: DisambiguationState] = [:]
  private(set) var renderings: [Int: Rendering] = [:]
  /// Each ambiguous item's twin representative (`ItemTwin`): twins share their renderings.
  var twinOf: [Int: Int] = [:]
  /// The latest renderings of each representative's twins, with the settings they were made under.
  private var twinRenderings: [Int: Rendering] = [:]
  /// Each item's renderings before its latest, most recent last (at most `historyLength`): a
  /// search tries a setting, undoes it and tries it again with other settings changed (given
  /// names under each count of added names), and the renderings it made before often serve.
  private var earlier: [Int: [Rendering]] = [:]
  private static let historyLength = 4

  /// An item's citation renderings in its contexts (hashed where they are made, on all cores:
  /// every question compares them), the settings they were made under, and what they read of
  /// those settings. A class: the tables and searches hand renderings about (some 250,000
  /// times in a 10k MLA run), and a copy of the fields counted references on each of them.
  final class Rendering: Sendable {
    let state: DisambiguationState
    let texts: [HashedText]
    let reads: SettingsReads

    init(state: DisambiguationState, texts: [HashedText], reads: SettingsReads) {
      self.state = state
      self.texts = texts
      self.reads = reads
    }

    /// True when these are the renderings under `wanted`: made under it, or under settings
    /// that agree with it on everything the renderings read.
    func serves(_ wanted: DisambiguationState) -> Bool {
      state == wanted || reads.serve(state, as: wanted)
    }
  }

  init(processor: Processor, contexts: [Int: [CiteContext]], cache: RenderCache?) {
    self.processor = processor
    self.contexts = contexts
    self.renderCache = cache
  }

  /// The item's citation renderings (plain text) in each of its contexts, under its settings.
  mutating func renderings(_ item: Int) -> [HashedText] {
    let state = states[item] ?? DisambiguationState()
    if let cached = renderings[item], cached.serves(state) { return cached.texts }
    let representative = twinOf[item]
    if let representative, let shared = twinRenderings[representative], shared.serves(state) {
      keep(shared, for: item)
      return shared.texts
    }
    // An earlier rendering that serves leaves the history for the current slot.
    if let found = earlier[item]?.lastIndex(where: { $0.serves(state) }), let older = earlier[item]?.remove(at: found) {
      keep(older, for: item)
      return older.texts
    }
    let rendering = Self.rendering(item, state: state, processor: processor, contexts: contexts, cache: renderCache)
    keep(rendering, for: item)
    if let representative { twinRenderings[representative] = rendering }
    return rendering.texts
  }

  /// Makes `rendering` the item's current one; the one it replaces joins the item's history.
  private mutating func keep(_ rendering: Rendering, for item: Int) {
    if let replaced = renderings.updateValue(rendering, forKey: item) {
      var history = earlier.removeValue(forKey: item) ?? []
      if history.count >= Self.historyLength { history.removeFirst() }
      history.append(replaced)
      earlier[item] = history
    }
  }

  /// An item's renderings under `state`, made afresh, with what they read of the settings.
  private static func rendering(
    _ item: Int, state: DisambiguationState, processor: Processor, contexts: [Int: [CiteContext]],
    cache: RenderCache?
  ) -> Rendering {
    var texts: [HashedText] = []
    var reads = SettingsReads()
    for context in contexts[item] ?? [] {
      let rendered = processor.renderItemCollecting(
        item, context: context, state: state, mode: .citation, cache: cache, comparing: true, collectNames: false)
      texts.append(HashedText(rendered.node.plainText))
      reads.formUnion(rendered.reads)
    }
    return Rendering(state: state, texts: texts, reads: reads)
  }

  /// The tables that tell whether an item's renderings are up to date, readable on all cores.
  private struct Freshness: Sendable {
    let states: [Int: DisambiguationState]
    let renderings: [Int: Rendering]
    let twinOf: [Int: Int]
    let twinRenderings: [Int: Rendering]
    let earlier: [Int: [Rendering]]

    /// The item's renderings when they are up to date with its settings (its own, its twin
    /// representative's or one of its earlier ones), as `renderings` finds them; nil when they
    /// must be made.
    func upToDate(_ item: Int) -> Rendering? {
      let state = states[item] ?? DisambiguationState()
      if let cached = renderings[item], cached.serves(state) { return cached }
      if let representative = twinOf[item], let shared = twinRenderings[representative], shared.serves(state) {
        return shared
      }
      return earlier[item]?.last { $0.serves(state) }
    }
  }

  private var freshness: Freshness {
    Freshness(
      states: states, renderings: renderings, twinOf: twinOf, twinRenderings: twinRenderings, earlier: earlier)
  }

  /// Makes the renderings `renderings` would make for these items, on all cores, when many are
  /// out of date (a large group after its settings changed): asked one by one, they were made
  /// on one core while the others waited. Twins are each rendered (they render alike).
  mutating func refresh(_ items: [Int]) {
    guard items.count >= ParallelMap.threshold else { return }
    let fresh = freshness
    let stale = items.filter { fresh.upToDate($0) == nil }
    guard stale.count >= ParallelMap.threshold else { return }
    let current = states
    let processor = self.processor
    let contexts = self.contexts
    let made = ParallelMap.map(count: stale.count) { range, chunkCache in
      range.map { position in
        let item = stale[position]
        return Self.rendering(
          item, state: current[item] ?? DisambiguationState(), processor: processor, contexts: contexts,
          cache: chunkCache)
      }
    }
    for (item, rendering) in zip(stale, made) {
      keep(rendering, for: item)
      if let representative = twinOf[item] { twinRenderings[representative] = rendering }
    }
  }

  /// True when the item's renderings under its current settings read the given-name level of
  /// the name at `index` (or when that is not known): only then can changing it matter.
  mutating func readsGivenLevel(_ item: Int, at index: Int) -> Bool {
    _ = renderings(item)
    return renderings[item]?.reads.givenLevels.contains(index) ?? true
  }

  /// Finds the twins among the items, so each settings renders one of them only.
  mutating func noteTwins(_ items: [Int]) {
    let boxes = processor.boxes
    let contexts = self.contexts
    let style = processor.compiled
    let representatives = ItemTwin.representatives(items) {
      ItemTwin(boxes[$0], contexts: contexts[$0] ?? [], style: style)
    }
    for (item, representative) in zip(items, representatives) { twinOf[item] = representative }
  }

  /// True when the group's items are all twins (`noteTwins`) with the same settings: copies
  /// of one work render alike under every setting, so no setting can tell them apart.
  func areTwins(_ group: [Int]) -> Bool {
    guard let first = group.first, let representative = twinOf[first] else { return false }
    return group.allSatisfy { twinOf[$0] == representative && states[$0] == states[first] }
  }

  /// Records renderings made elsewhere (on all cores) under the items' current settings:
  /// `made(position)` are the texts of `items[position]` and what they read.
  mutating func remember(_ items: [Int], made: (Int) -> (texts: [HashedText], reads: SettingsReads)) {
    renderings.reserveCapacity(renderings.count + items.count)
    for (position, item) in items.enumerated() {
      let (texts, reads) = made(position)
      renderings[item] = Rendering(state: states[item] ?? DisambiguationState(), texts: texts, reads: reads)
    }
  }

  /// True when the renderings are known for the item's current settings.
  func isRendered(_ item: Int) -> Bool {
    renderings[item]?.serves(states[item] ?? DisambiguationState()) ?? false
  }

  /// Groups of items whose renderings collide, ordered by the text they share; the texts are
  /// claimed in `parts` parts (by default as many as the items call for).
  mutating func ambiguousGroups(_ items: [Int], parts: Int? = nil) -> [[Int]] {
    // The items' texts, deduplicated and hashed on all cores where their renderings are up to
    // date (the usual case); the others are rendered here, in order, as `renderings` renders.
    let fresh = freshness
    var known = ParallelMap.map(count: items.count, minimumCount: ParallelMap.threshold, itemsPerChunk: 256) { range in
      range.map { position in fresh.upToDate(items[position]).map { Self.distinct($0.texts) } }
    }
    for position in known.indices where known[position] == nil {
      known[position] = Self.distinct(renderings(items[position]))
    }
    // Each text's first item, or the list of items that share it: one look-up per text, and a
    // list only for the few texts items share (most texts are one item's). A text belongs to
    // one part by its hash, so the parts are claimed on all cores, each in item order as one
    // table was (filled on one core, it held the others idle).
    let texts = known
    let parts = parts ?? ParallelMap.tableParts(for: items.count)
    let shared = ParallelMap.map(count: parts, minimumCount: 2) { range in
      range.flatMap { part in
        var owners = TextOwners(capacity: items.count / parts)
        for (position, item) in items.enumerated() {
          for text in texts[position] ?? [] where text.part(among: parts) == part {
            owners.claim(text, by: item)
          }
        }
        return owners.sharedLists()
      }
    }
    var groups: [[Int]] = []
    var seenGroups = Set<[Int]>()
    // Texts are distinct, so their order is the one order the single table gave.
    for (_, members) in shared.sorted(by: { $0.text < $1.text }) {
      let sorted = Array(Set(members)).sorted()
      if sorted.count > 1, seenGroups.insert(sorted).inserted { groups.append(sorted) }
    }
    return groups
  }

  /// An item's different texts. Most items are cited in one context (one text, no set); a
  /// few texts are told apart without building a set.
  private static func distinct(_ texts: [HashedText]) -> [HashedText] {
    if texts.count <= 1 { return texts }
    if texts.count <= 8 {
      return texts.enumerated().filter { index, text in !texts[..<index].contains(text) }.map(\.element)
    }
    return Array(Set(texts))
  }

  /// The items of the group no other item of it shares a rendering with.
  mutating func uniqueItems(in group: [Int]) -> Set<Int> { Self.unique(group, texts(of: group)) }

  /// The group's renderings, one list an item, each asked once: the questions about a group
  /// (its unique items, its classes) read the lists, not the table of renderings again.
  private mutating func texts(of group: [Int]) -> [[HashedText]] {
    refresh(group)
    return group.map { renderings($0) }
  }

  /// The items whose renderings (`texts`, in the group's order) no other item shares.
  private static func unique(_ group: [Int], _ texts: [[HashedText]]) -> Set<Int> {
    let shared = sharedTexts(texts, owners: group)
    return Set(zip(group, texts).filter { $0.1.allSatisfy { !shared.contains($0) } }.map(\.0))
  }

  /// The rendering texts that more than one owner has (an item's owner, in the order of
  /// `texts`: itself, or its twin representative), found in one look at each item, not one per
  /// pair.
  private static func sharedTexts(_ texts: [[HashedText]], owners: [Int]) -> Set<HashedText> {
    var seen: [HashedText: Int] = [:]
    var shared = Set<HashedText>()
    for (mine, list) in zip(owners, texts) {
      for text in list {
        if let found = seen.updateValue(mine, forKey: text), found != mine { shared.insert(text) }
      }
    }
    return shared
  }

  /// Renders the items' citation forms on all cores under their current settings, so later
  /// questions find them ready.
  mutating func prewarm(_ items: [Int]) {
    let current = states
    let processor = self.processor
    let contexts = self.contexts
    let rendered = ParallelMap.map(count: items.count) { range, chunkCache in
      range.map { position in
        let item = items[position]
        return Self.rendering(
          item, state: current[item] ?? DisambiguationState(), processor: processor, contexts: contexts,
          cache: chunkCache)
      }
    }
    renderings.reserveCapacity(renderings.count + items.count)
    for (item, rendering) in zip(items, rendered) { renderings[item] = rendering }
  }

  /// One group's share of a pass: its items' settings and renderings, in the group's order.
  struct Part: Sendable {
    var states: [DisambiguationState?]
    var renderings: [Rendering?]
  }

  /// The group's share of this pass.
  func part(_ group: [Int]) -> Part { Self.part(group, states: states, renderings: renderings) }

  /// The group's share of a pass's settings and renderings (read on any core).
  static func part(
    _ group: [Int], states: [Int: DisambiguationState], renderings: [Int: Rendering]
  ) -> Part {
    Part(states: group.map { states[$0] }, renderings: group.map { renderings[$0] })
  }

  /// Takes over a group's share (from a pass that searched that group alone), settings the
  /// share lacks included.
  mutating func adopt(_ part: Part, for group: [Int]) {
    for (offset, item) in group.enumerated() {
      states[item] = part.states[offset]
      renderings[item] = part.renderings[offset]
    }
  }

  /// The search over one group of colliding items (add names, by-cite given names): the
  /// items still ambiguous, and the group's settings at the start and at its best so far.
  struct GroupSearch {
    let group: [Int]
    let initial: [Int: DisambiguationState?]
    let initialDistinct: Int
    let initialClasses: Int
    var unresolved: Set<Int>
    var best: [Int: DisambiguationState?]
    var bestClasses: Int
    /// The group holds twins, and twins share their settings: they then stay alike, never
    /// told apart, to the end of the search.
    let hasAlikeTwins: Bool
    /// Only twins are still ambiguous, and only with each other: no later step can change
    /// what the search ends with (no setting tells twins apart, no other item is touched, and
    /// `finish` gives the twins the best settings, which no later step can better).
    var exhausted = false
    /// Nothing left to search.
    var isOver: Bool { unresolved.isEmpty || exhausted }
  }

  /// The group's current settings (only its members change during its search).
  func saved(_ group: [Int]) -> [Int: DisambiguationState?] {
    var saved: [Int: DisambiguationState?] = [:]
    for item in group { saved[item] = .some(states[item]) }
    return saved
  }

  mutating func restore(_ saved: [Int: DisambiguationState?], _ item: Int) {
    if let value = saved[item] { states[item] = value }
  }

  /// The search of a group; nil when its items are all twins (`areTwins`): nothing to search.
  mutating func startSearch(_ group: [Int]) -> GroupSearch? {
    guard !areTwins(group) else { return nil }
    let initial = saved(group)
    let texts = texts(of: group)
    let distinct = Self.unique(group, texts).count
    let classes = Set(texts).count
    var twinStates: [Int: DisambiguationState?] = [:]
    var alike = true
    for item in group {
      let representative = twinOf[item] ?? item
      if let seen = twinStates[representative] {
        alike = alike && seen == states[item]
      } else {
        twinStates[representative] = .some(states[item])
      }
    }
    return GroupSearch(
      group: group, initial: initial, initialDistinct: distinct, initialClasses: classes, unresolved: Set(group),
      best: initial, bestClasses: classes, hasAlikeTwins: alike && twinStates.count < group.count)
  }

  /// True when no item outside an item's twins shares a rendering with it, for every item
  /// given: they are as told apart as twins can be.
  mutating func areApartExceptTwins(_ items: Set<Int>, in group: [Int]) -> Bool {
    let twins = twinOf
    let texts = group.map { renderings($0) }
    let shared = Self.sharedTexts(texts, owners: group.map { twins[$0] ?? $0 })
    // (`items` are the group's unresolved ones: their renderings are among `texts`.)
    return zip(group, texts).allSatisfy { item, list in
      !items.contains(item) || list.allSatisfy { !shared.contains($0) }
    }
  }

  /// Drops the items told apart from the search, and remembers the settings when they split
  /// the group into more distinct renderings than before (splitting a group in two counts).
  mutating func settle(_ search: inout GroupSearch) {
    let texts = texts(of: search.group)
    search.unresolved.subtract(Self.unique(search.group, texts))
    let classes = Set(texts).count
    if classes > search.bestClasses {
      search.bestClasses = classes
      search.best = saved(search.group)
    }
    if search.hasAlikeTwins && !search.unresolved.isEmpty {
      search.exhausted = areApartExceptTwins(search.unresolved, in: search.group)
    }
  }

  /// Items that stay ambiguous keep only the expansions that last helped; a search that
  /// helped no item leaves the group as it was.
  mutating func finish(_ search: GroupSearch) {
    for item in search.unresolved { restore(search.best, item) }
    let texts = texts(of: search.group)
    if Self.unique(search.group, texts).count <= search.initialDistinct && Set(texts).count <= search.initialClasses {
      for item in search.group { restore(search.initial, item) }
    }
  }
}

/// Who renders each text: the first item, until a second one claims it; then the list of all
/// of them.
private struct TextOwners {
  /// A text's owner: `-1 - item` while one item has it, else its index in `lists`.
  private var owner: [HashedText: Int] = [:]
  private var lists: [[Int]] = []
  private var texts: [String] = []

  init(capacity: Int) { owner.reserveCapacity(capacity) }

  mutating func claim(_ text: HashedText, by item: Int) {
    Self.claim(&owner[text, default: Int.min], text: text.value, item: item, lists: &lists, texts: &texts)
  }

  private static func claim(_ slot: inout Int, text: String, item: Int, lists: inout [[Int]], texts: inout [String]) {
    if slot == Int.min {
      slot = -1 - item
    } else if slot < 0 {
      lists.append([-1 - slot, item])
      texts.append(text)
      slot = lists.count - 1
    } else {
      lists[slot].append(item)
    }
  }

  /// The texts more than one item claimed, each with its items in the order they claimed it.
  func sharedLists() -> [(text: String, members: [Int])] {
    lists.indices.map { (texts[$0], lists[$0]) }
  }
}
