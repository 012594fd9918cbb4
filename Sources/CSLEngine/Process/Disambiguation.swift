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
  private var renderings: [Int: (state: DisambiguationState, texts: [String])] = [:]

  init(processor: Processor, contexts: [Int: [CiteContext]], cache: RenderCache?) {
    self.processor = processor
    self.contexts = contexts
    self.renderCache = cache
  }

  /// The item's citation renderings (plain text) in each of its contexts, under its settings.
  mutating func renderings(_ item: Int) -> [String] {
    let state = states[item] ?? DisambiguationState()
    if let cached = renderings[item], cached.state == state { return cached.texts }
    let texts = (contexts[item] ?? []).map { context in
      processor.renderItem(item, context: context, state: state, mode: .citation, cache: renderCache, comparing: true)
        .plainText
    }
    renderings[item] = (state, texts)
    return texts
  }

  /// Records renderings made elsewhere (on all cores) under the item's current settings.
  mutating func remember(_ item: Int, _ texts: [String]) {
    renderings[item] = (states[item] ?? DisambiguationState(), texts)
  }

  /// True when the renderings are known for the item's current settings.
  func isRendered(_ item: Int) -> Bool {
    renderings[item]?.state == (states[item] ?? DisambiguationState())
  }

  /// Groups of items whose renderings collide.
  mutating func ambiguousGroups(_ items: [Int]) -> [[Int]] {
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

  /// How many different sets of renderings the group's items have.
  mutating func classCount(_ group: [Int]) -> Int {
    Set(group.map { renderings($0) }).count
  }

  /// True when no other item of the group shares a rendering with this one.
  mutating func isUnique(_ item: Int, in group: [Int]) -> Bool {
    let mine = Set(renderings(item))
    for other in group where other != item {
      if !mine.isDisjoint(with: renderings(other)) { return false }
    }
    return true
  }

  /// How many items of the group no other item shares a rendering with.
  mutating func distinctCount(_ group: [Int]) -> Int {
    var counts: [String: Int] = [:]
    var texts: [Int: [String]] = [:]
    for item in group {
      let rendered = Array(Set(renderings(item)))
      texts[item] = rendered
      for text in rendered { counts[text, default: 0] += 1 }
    }
    return group.filter { item in (texts[item] ?? []).allSatisfy { (counts[$0] ?? 0) == 1 } }.count
  }

  /// Renders the items' citation forms on all cores under their current settings, so later
  /// questions find them ready.
  mutating func prewarm(_ items: [Int]) {
    let current = states
    let processor = self.processor
    let contexts = self.contexts
    let rendered = ParallelMap.map(count: items.count) { range, chunkCache in
      range.map { position -> [String] in
        let item = items[position]
        let state = current[item] ?? DisambiguationState()
        return (contexts[item] ?? []).map { context in
          processor.renderItem(
            item, context: context, state: state, mode: .citation, cache: chunkCache, comparing: true
          )
          .plainText
        }
      }
    }
    for (position, item) in items.enumerated() { remember(item, rendered[position]) }
  }

  /// One group's share of a pass: its items' settings and renderings.
  struct Part: Sendable {
    var states: [Int: DisambiguationState] = [:]
    var renderings: [Int: (state: DisambiguationState, texts: [String])] = [:]
  }

  /// The group's share of this pass.
  func part(_ group: [Int]) -> Part {
    var part = Part()
    for item in group {
      part.states[item] = states[item]
      part.renderings[item] = renderings[item]
    }
    return part
  }

  /// Takes over a group's share (from a pass that searched that group alone), settings the
  /// share lacks included.
  mutating func adopt(_ part: Part, for group: [Int]) {
    for item in group {
      states[item] = part.states[item]
      renderings[item] = part.renderings[item]
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

  mutating func startSearch(_ group: [Int]) -> GroupSearch {
    let initial = saved(group)
    let distinct = distinctCount(group)
    let classes = classCount(group)
    return GroupSearch(
      group: group, initial: initial, initialDistinct: distinct, initialClasses: classes, unresolved: Set(group),
      best: initial, bestClasses: classes)
  }

  /// Drops the items told apart from the search, and remembers the settings when they split
  /// the group into more distinct renderings than before (splitting a group in two counts).
  mutating func settle(_ search: inout GroupSearch) {
    for item in search.unresolved where isUnique(item, in: search.group) { search.unresolved.remove(item) }
    let classes = classCount(search.group)
    if classes > search.bestClasses {
      search.bestClasses = classes
      search.best = saved(search.group)
    }
  }

  /// Items that stay ambiguous keep only the expansions that last helped; a search that
  /// helped no item leaves the group as it was.
  mutating func finish(_ search: GroupSearch) {
    for item in search.unresolved { restore(search.best, item) }
    if distinctCount(search.group) <= search.initialDistinct && classCount(search.group) <= search.initialClasses {
      for item in search.group { restore(search.initial, item) }
    }
  }
}
