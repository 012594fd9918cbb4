import BibModel
import CSLStyle

/// The working table of one disambiguation run: each cited item's settings so far, the
/// contexts it is cited in, and its citation renderings under those settings (rendered once
/// per settings). The steps in `Processor+Disambiguation.swift` change the settings and ask
/// it which items still collide.
struct Disambiguation {
  let processor: Processor
  /// The contexts each item is cited in (locators dropped: they do not identify items).
  let contexts: ItemTable<[CiteContext]>
  let renderCache: RenderCache?
  var states: ItemTable<DisambiguationState> = [:]
  private(set) var renderings = ItemTable<Rendering>()
  /// Whether renderings keep their trees for the citations (`Processor.keepsCiteRenderings`;
  /// only when there are citations to print).
  let keepsNodes: Bool
  /// Each ambiguous item's twin representative (`ItemTwin`): twins share their renderings in
  /// a group's search (`DisambiguationGroup`, which also keeps each item's earlier renderings).
  var twinOf = ItemTable<Int>()

  /// An item's citation renderings in its contexts (hashed where they are made, on all cores:
  /// every question compares them), the settings they were made under, and what they read of
  /// those settings. A class: the tables and searches hand renderings about (some 250,000
  /// times in a 10k MLA run), and a copy of the fields counted references on each of them.
  final class Rendering: Sendable {
    let state: DisambiguationState
    let texts: [HashedText]
    let reads: SettingsReads
    /// The renderings themselves when the pass keeps them (`keepsNodes`): the citations
    /// reuse an item's last ones where its settings did not change after them (`KeptCites`).
    let kept: KeptCites?

    init(state: DisambiguationState, texts: [HashedText], reads: SettingsReads, kept: KeptCites? = nil) {
      self.state = state
      self.texts = texts
      self.reads = reads
      self.kept = kept
    }

    /// True when these are the renderings under `wanted`: made under it, or under settings
    /// that agree with it on everything the renderings read.
    func serves(_ wanted: DisambiguationState) -> Bool {
      state == wanted || reads.serve(state, as: wanted)
    }
  }

  init(processor: Processor, contexts: ItemTable<[CiteContext]>, cache: RenderCache?, keepsNodes: Bool = false) {
    self.processor = processor
    self.contexts = contexts
    self.renderCache = cache
    self.keepsNodes = keepsNodes
  }

  /// The item's citation renderings (plain text) in each of its contexts, under its settings:
  /// the latest when they serve, else made afresh.
  mutating func renderings(_ item: Int) -> [HashedText] {
    let state = states[item] ?? DisambiguationState()
    if let cached = renderings[item], cached.serves(state) { return cached.texts }
    let rendering = Self.rendering(
      item, state: state, processor: processor, contexts: contexts, cache: renderCache, keepingNodes: keepsNodes)
    renderings[item] = rendering
    return rendering.texts
  }

  /// An item's renderings under `state`, made afresh, with what they read of the settings.
  static func rendering(
    _ item: Int, state: DisambiguationState, processor: Processor, contexts: ItemTable<[CiteContext]>,
    cache: RenderCache?, keepingNodes: Bool = false
  ) -> Rendering {
    var texts: [HashedText] = []
    var reads = SettingsReads()
    var kept = keepingNodes ? KeptCites(item: item, contexts: contexts[item] ?? []) : nil
    for context in contexts[item] ?? [] {
      let rendered = processor.renderItemCollecting(
        item, context: context, state: state, mode: .citation, cache: cache, comparing: true, collectNames: false)
      texts.append(HashedText(rendered.node.plainText))
      reads.formUnion(rendered.reads)
      kept?.append(rendered.node, reachedTextVariable: rendered.reachedTextVariable)
    }
    return Rendering(state: state, texts: texts, reads: reads, kept: kept)
  }

  /// The kept renderings made under each item's final settings (`states` after the last
  /// step), by item: what the citations can print without rendering again.
  func keptCites() -> ItemTable<KeptCites> {
    guard keepsNodes else { return [:] }
    var result: ItemTable<KeptCites> = [:]
    for (item, rendering) in renderings {
      guard let kept = rendering.kept, kept.item == item, rendering.state == states[item] ?? DisambiguationState()
      else { continue }
      result[item] = kept
    }
    return result
  }

  /// The tables that tell whether an item's renderings are up to date, readable on all cores.
  private struct Freshness: Sendable {
    let states: ItemTable<DisambiguationState>
    let renderings: ItemTable<Rendering>

    /// The item's latest renderings when they serve its settings (as `renderings` finds
    /// them); nil when they must be made.
    func upToDate(_ item: Int) -> Rendering? {
      guard let cached = renderings[item], cached.serves(states[item] ?? DisambiguationState()) else { return nil }
      return cached
    }
  }

  private var freshness: Freshness { Freshness(states: states, renderings: renderings) }

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

  /// Records renderings made elsewhere (on all cores) under the items' current settings:
  /// `made(position)` are the texts of `items[position]` and what they read.
  mutating func remember(
    _ items: [Int], made: (Int) -> (texts: [HashedText], reads: SettingsReads, kept: KeptCites?)
  ) {
    renderings.reserveCapacity(renderings.count + items.count)
    for (position, item) in items.enumerated() {
      let (texts, reads, kept) = made(position)
      renderings[item] = Rendering(
        state: states[item] ?? DisambiguationState(), texts: texts, reads: reads, kept: keepsNodes ? kept : nil)
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

  /// Renders the items' citation forms on all cores under their current settings, so later
  /// questions find them ready.
  mutating func prewarm(_ items: [Int]) {
    let current = states
    let processor = self.processor
    let contexts = self.contexts
    let keepingNodes = keepsNodes
    let rendered = ParallelMap.map(count: items.count) { range, chunkCache in
      range.map { position in
        let item = items[position]
        return Self.rendering(
          item, state: current[item] ?? DisambiguationState(), processor: processor, contexts: contexts,
          cache: chunkCache, keepingNodes: keepingNodes)
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

  /// The group, with its items' settings and renderings from this pass, for a step to search.
  func group(_ items: [Int]) -> DisambiguationGroup {
    DisambiguationGroup(
      items, states: states, renderings: renderings, twinOf: twinOf, processor: processor, contexts: contexts,
      cache: renderCache, keepsNodes: keepsNodes)
  }

  /// Takes over a group's share (from a group searched alone), settings the share lacks
  /// included.
  mutating func adopt(_ part: Part, for group: [Int]) {
    for (offset, item) in group.enumerated() {
      states[item] = part.states[offset]
      renderings[item] = part.renderings[offset]
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
