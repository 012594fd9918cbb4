import BibModel
import CSLStyle

/// One group of colliding cites while a step searches it (add names, given names by cite, the
/// `disambiguate="true"` condition): the group's settings and renderings, held by position in
/// the group, taken from the pass and handed back to it (`Disambiguation.adopt`). Tables by
/// position cost no hashing: kept by item, the search's look-ups hashed integers and its
/// tables grew and were freed for every group (some 340 M instructions of MLA's 10k
/// bibliography besides the renderings).
struct DisambiguationGroup {
  typealias Rendering = Disambiguation.Rendering

  /// The group's items, in the order the pass found them.
  let items: [Int]
  /// Each item's settings (nil where the pass has none: the default settings).
  private(set) var states: [DisambiguationState?]
  /// Each item's latest renderings.
  private(set) var current: [Rendering?]
  /// Each item's renderings before its latest, most recent last (at most `historyLength`): a
  /// search tries a setting, undoes it and tries it again with other settings changed (given
  /// names under each count of added names), and the renderings it made before often serve.
  private var earlier: [[Rendering]]
  private static let historyLength = 4
  /// Each item's twin representative (`ItemTwin`), nil for an item with none.
  private let representatives: [Int?]
  /// The latest renderings of each representative's twins.
  private var twinRenderings: [Int: Rendering] = [:]
  private let processor: Processor
  private let contexts: ItemTable<[CiteContext]>
  private let renderCache: RenderCache?
  /// Whether renderings keep their trees for the citations (`Disambiguation.keepsNodes`).
  private let keepsNodes: Bool

  init(
    _ items: [Int], states: ItemTable<DisambiguationState>, renderings: ItemTable<Rendering>, twinOf: ItemTable<Int>,
    processor: Processor, contexts: ItemTable<[CiteContext]>, cache: RenderCache?, keepsNodes: Bool = false
  ) {
    self.keepsNodes = keepsNodes
    self.items = items
    self.states = items.map { states[$0] }
    self.current = items.map { renderings[$0] }
    self.earlier = Array(repeating: [], count: items.count)
    self.representatives = twinOf.isEmpty ? Array(repeating: nil, count: items.count) : items.map { twinOf[$0] }
    self.processor = processor
    self.contexts = contexts
    self.renderCache = cache
  }

  var count: Int { items.count }

  /// The group's settings and latest renderings, for the pass to take over.
  var part: Disambiguation.Part { Disambiguation.Part(states: states, renderings: current) }

  /// The settings of the item at `position`.
  func state(_ position: Int) -> DisambiguationState { states[position] ?? DisambiguationState() }

  /// Changes the settings of the item at `position`.
  mutating func update(_ position: Int, _ change: (inout DisambiguationState) -> Void) {
    var state = states[position] ?? DisambiguationState()
    change(&state)
    states[position] = state
  }

  /// The group's settings, to restore later (`restore`).
  var saved: [DisambiguationState?] { states }

  mutating func restore(_ saved: [DisambiguationState?], _ position: Int) { states[position] = saved[position] }

  // MARK: - Renderings

  /// The renderings (plain text) of the item at `position` in each of its contexts, under its
  /// settings: its latest, its twins', an earlier one that serves, or made afresh.
  mutating func texts(at position: Int) -> [HashedText] {
    let state = state(position)
    if let cached = current[position], cached.serves(state) { return cached.texts }
    let representative = representatives[position]
    if let representative, let shared = twinRenderings[representative], shared.serves(state) {
      keep(shared, at: position)
      return shared.texts
    }
    // An earlier rendering that serves leaves the history for the current slot.
    if let found = earlier[position].lastIndex(where: { $0.serves(state) }) {
      let older = earlier[position].remove(at: found)
      keep(older, at: position)
      return older.texts
    }
    let rendering = Disambiguation.rendering(
      items[position], state: state, processor: processor, contexts: contexts, cache: renderCache,
      keepingNodes: keepsNodes)
    keep(rendering, at: position)
    if let representative { twinRenderings[representative] = rendering }
    return rendering.texts
  }

  /// Makes `rendering` the item's current one; the one it replaces joins the item's history.
  private mutating func keep(_ rendering: Rendering, at position: Int) {
    if let replaced = current[position] {
      if earlier[position].count >= Self.historyLength { earlier[position].removeFirst() }
      earlier[position].append(replaced)
    }
    current[position] = rendering
  }

  /// The item's renderings when they are up to date with its settings (as `texts(at:)` finds
  /// them); nil when they must be made.
  private func upToDate(_ position: Int) -> Rendering? {
    let state = state(position)
    if let cached = current[position], cached.serves(state) { return cached }
    if let representative = representatives[position], let shared = twinRenderings[representative],
      shared.serves(state)
    {
      return shared
    }
    return earlier[position].last { $0.serves(state) }
  }

  /// Makes the renderings `texts(at:)` would make, on all cores, when many are out of date (a
  /// large group after its settings changed): asked one by one, they were made on one core
  /// while the others waited. Twins are each rendered (they render alike).
  private mutating func refresh() {
    guard count >= ParallelMap.threshold else { return }
    let stale = (0..<count).filter { upToDate($0) == nil }
    guard stale.count >= ParallelMap.threshold else { return }
    let (items, states, processor, contexts) = (self.items, self.states, self.processor, self.contexts)
    let keepingNodes = keepsNodes
    let made = ParallelMap.map(count: stale.count) { range, chunkCache in
      range.map { index in
        let position = stale[index]
        return Disambiguation.rendering(
          items[position], state: states[position] ?? DisambiguationState(), processor: processor,
          contexts: contexts, cache: chunkCache, keepingNodes: keepingNodes)
      }
    }
    for (position, rendering) in zip(stale, made) {
      keep(rendering, at: position)
      if let representative = representatives[position] { twinRenderings[representative] = rendering }
    }
  }

  /// The renderings of every item, in the group's order, each asked once.
  mutating func allTexts() -> [[HashedText]] {
    refresh()
    return (0..<count).map { texts(at: $0) }
  }

  /// True when the item's renderings under its current settings read the given-name level of
  /// the name at `index` (or when that is not known): only then can changing it matter.
  mutating func readsGivenLevel(_ position: Int, at index: Int) -> Bool {
    _ = texts(at: position)
    return current[position]?.reads.givenLevels.contains(index) ?? true
  }

  // MARK: - Questions

  /// True when the items are all twins with the same settings: copies of one work render alike
  /// under every setting, so no setting can tell them apart.
  var areTwins: Bool {
    guard let first = representatives.first, let representative = first else { return false }
    return (0..<count).allSatisfy { representatives[$0] == representative && states[$0] == states[0] }
  }

  /// The positions of the items no other item of the group shares a rendering with.
  mutating func uniquePositions() -> [Bool] { Self.unique(allTexts(), owners: items) }

  /// For each position, whether no other owner shares a rendering with it (`owners[i]` is the
  /// item's owner: itself, or its twin representative).
  static func unique(_ texts: [[HashedText]], owners: [Int]) -> [Bool] {
    let total = texts.reduce(0) { $0 + $1.count }
    return total > pairwiseLimit ? uniqueByTable(texts, owners: owners) : uniqueByPairs(texts, owners: owners)
  }

  /// `unique` through a table of the texts shared.
  static func uniqueByTable(_ texts: [[HashedText]], owners: [Int]) -> [Bool] {
    let shared = sharedTexts(texts, owners: owners)
    return texts.map { list in list.allSatisfy { !shared.contains($0) } }
  }

  /// Up to this many texts, `unique` compares them pair by pair (their hashes first): a
  /// group's search asks it at every setting it tries, and the tables it otherwise filled cost
  /// some 12,000 instructions a question for groups of a dozen items.
  static let pairwiseLimit = 48

  /// `unique` by comparing every pair of texts of different owners.
  static func uniqueByPairs(_ texts: [[HashedText]], owners: [Int]) -> [Bool] {
    var unique = Array(repeating: true, count: texts.count)
    for first in texts.indices {
      for second in texts.indices.dropFirst(first + 1) where owners[first] != owners[second] {
        if texts[first].contains(where: { texts[second].contains($0) }) {
          unique[first] = false
          unique[second] = false
        }
      }
    }
    return unique
  }

  /// The rendering texts that more than one owner has, found in one look at each text, not one
  /// per pair.
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

  /// How many different lists of renderings the items have.
  static func classes(_ texts: [[HashedText]]) -> Int {
    guard texts.count <= pairwiseLimit else { return Set(texts).count }
    // Each list not equal to one before it starts a class.
    return texts.indices.count(where: { index in !texts[..<index].contains(texts[index]) })
  }

  /// True when no item outside an item's twins shares a rendering with it, for every unresolved
  /// item: they are as told apart as twins can be.
  mutating func areApartExceptTwins(_ unresolved: [Bool]) -> Bool {
    let lists = (0..<count).map { texts(at: $0) }
    let owners = (0..<count).map { representatives[$0] ?? items[$0] }
    let unique = Self.unique(lists, owners: owners)
    return (0..<count).allSatisfy { !unresolved[$0] || unique[$0] }
  }

  // MARK: - Searching

  /// A search over the group (add names, by-cite given names): the items still ambiguous, and
  /// the group's settings at the start and at its best so far.
  struct Search {
    let initial: [DisambiguationState?]
    let initialDistinct: Int
    let initialClasses: Int
    /// Whether the item at each position is still ambiguous.
    private(set) var unresolved: [Bool]
    private(set) var unresolvedCount: Int
    var best: [DisambiguationState?]
    var bestClasses: Int
    /// The group holds twins, and twins share their settings: they then stay alike, never
    /// told apart, to the end of the search.
    let hasAlikeTwins: Bool
    /// Only twins are still ambiguous, and only with each other: no later step can change
    /// what the search ends with (no setting tells twins apart, no other item is touched, and
    /// `finish` gives the twins the best settings, which no later step can better).
    var exhausted = false
    /// Nothing left to search.
    var isOver: Bool { unresolvedCount == 0 || exhausted }
    /// The positions of the items still ambiguous, in the group's order, read from the flags
    /// as they are walked (a list of them, made at every step of a search, was an allocation).
    var positions: Positions { Positions(flags: unresolved) }

    /// The positions whose flag is set.
    struct Positions: Sequence, IteratorProtocol {
      let flags: [Bool]
      private var index = 0

      init(flags: [Bool]) { self.flags = flags }

      mutating func next() -> Int? {
        while index < flags.count {
          defer { index += 1 }
          if flags[index] { return index }
        }
        return nil
      }
    }

    init(initial: [DisambiguationState?], distinct: Int, classes: Int, hasAlikeTwins: Bool) {
      self.initial = initial
      initialDistinct = distinct
      initialClasses = classes
      unresolved = Array(repeating: true, count: initial.count)
      unresolvedCount = initial.count
      best = initial
      bestClasses = classes
      self.hasAlikeTwins = hasAlikeTwins
    }

    /// Drops the items `unique` marks as told apart.
    mutating func resolve(_ unique: [Bool]) {
      for position in unique.indices where unique[position] && unresolved[position] {
        unresolved[position] = false
        unresolvedCount -= 1
      }
    }
  }

  /// The search of the group; nil when its items are all twins (`areTwins`): nothing to search.
  mutating func startSearch() -> Search? {
    guard !areTwins else { return nil }
    let texts = allTexts()
    var twinStates: [Int: DisambiguationState?] = [:]
    var alike = true
    for position in 0..<count {
      let representative = representatives[position] ?? items[position]
      if let seen = twinStates[representative] {
        alike = alike && seen == states[position]
      } else {
        twinStates[representative] = .some(states[position])
      }
    }
    return Search(
      initial: states, distinct: Self.unique(texts, owners: items).count(where: { $0 }), classes: Self.classes(texts),
      hasAlikeTwins: alike && twinStates.count < count)
  }

  /// Drops the items told apart from the search, and remembers the settings when they split
  /// the group into more distinct renderings than before (splitting a group in two counts).
  mutating func settle(_ search: inout Search) {
    let texts = allTexts()
    search.resolve(Self.unique(texts, owners: items))
    let classes = Self.classes(texts)
    if classes > search.bestClasses {
      search.bestClasses = classes
      search.best = states
    }
    if search.hasAlikeTwins && search.unresolvedCount > 0 {
      search.exhausted = areApartExceptTwins(search.unresolved)
    }
  }

  /// Items that stay ambiguous keep only the expansions that last helped; a search that
  /// helped no item leaves the group as it was.
  mutating func finish(_ search: Search) {
    for position in search.positions { restore(search.best, position) }
    let texts = allTexts()
    if Self.unique(texts, owners: items).count(where: { $0 }) <= search.initialDistinct
      && Self.classes(texts) <= search.initialClasses
    {
      states = search.initial
    }
  }
}
