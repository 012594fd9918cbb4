import BibModel
import CSLStyle

/// What an item's rendering depends on besides the style: its reference without the id (the
/// engine never prints an id), the contexts or number it is rendered with, and its
/// disambiguation settings. Items with equal keys render alike, so a bibliography that holds
/// the same work under several ids (merged files, copies) renders each form once where the
/// work would otherwise repeat per copy: in the add-names search and in tied sort keys.
struct ItemTwin: Hashable, Sendable {
  /// The item, shared with the processor's box: a copy of the reference (with its id cleared)
  /// was made for every item and freed again on one core.
  private let box: ReferenceBox
  private let contexts: [CiteContext]
  private let number: Int?
  private let state: DisambiguationState?

  /// The key of an item's citation renderings in its disambiguation contexts (any settings).
  /// Citation numbers and first-note numbers count only in a style that prints them.
  init(_ box: ReferenceBox, contexts: [CiteContext], style: CompiledStyle) {
    let kept = contexts.map { context in
      var context = context
      if !style.printsCitationNumber { context.citationNumber = nil }
      if !style.printsFirstNoteNumber { context.firstNoteNumber = nil }
      return context
    }
    self.init(box, contexts: kept, number: nil, state: nil)
  }

  /// The key of an item's values of `keys`, rendered with its citation number (which counts
  /// where the style prints it or a key sorts by it) and settings.
  init(_ box: ReferenceBox, number: Int?, state: DisambiguationState, keys: [CSL.SortKey], style: CompiledStyle) {
    let numbered = style.printsCitationNumber || keys.contains { $0.source == .variable(.citationNumber) }
    self.init(box, contexts: [], number: numbered ? number : nil, state: state)
  }

  private init(_ box: ReferenceBox, contexts: [CiteContext], number: Int?, state: DisambiguationState?) {
    self.box = box
    self.contexts = contexts
    self.number = number
    self.state = state
  }

  /// Equal keys: the same reference but for its id (the engine never prints an id), the same
  /// contexts, number and settings.
  static func == (lhs: ItemTwin, rhs: ItemTwin) -> Bool {
    guard lhs.contexts == rhs.contexts, lhs.number == rhs.number, lhs.state == rhs.state else { return false }
    if lhs.box === rhs.box { return true }
    let (left, right) = (lhs.box.reference, rhs.box.reference)
    if left.id == right.id { return left == right }
    var other = right
    other.id = left.id
    return left == other
  }

  /// Hashes a few telling fields only (`ReferenceBox.twinHash`, made with the box): different
  /// works rarely share them, so buckets stay small, and equality still compares everything.
  func hash(into hasher: inout Hasher) {
    hasher.combine(box.twinHash)
    hasher.combine(contexts.count)
    hasher.combine(number)
  }

  /// For each item, the first item of the list with the same key (itself when none before).
  /// The keys are made and hashed on all cores; one pass on one core finds the positions that
  /// share a hash (integers only), and the keys are compared (never copied) only within those
  /// groups, each group on its own, so on all cores: a corpus holding each work ten times has
  /// ten thousand groups to compare where one table on one core compared them all.
  static func representatives(_ items: [Int], key: @Sendable (Int) -> ItemTwin) -> [Int] {
    let keyed = ParallelMap.map(count: items.count, minimumCount: ParallelMap.threshold, itemsPerChunk: 64) {
      range in
      range.map { Prehashed(key(items[$0])) }
    }
    // The later positions that share each first position's hash, in order.
    var firstWithHash: [Int: Int] = [:]
    firstWithHash.reserveCapacity(keyed.count)
    var sharing: [Int: [Int]] = [:]
    for position in keyed.indices {
      if let first = firstWithHash.claim(keyed[position].hash, position) {
        sharing[first, default: []].append(position)
      }
    }
    var result = items
    guard !sharing.isEmpty else { return result }
    let groups = sharing.sorted { $0.key < $1.key }.map { [$0.key] + $0.value }
    // Within a group, a position takes the first earlier position with an equal key, trying
    // them in order: the group's first, then each that differed from all before it.
    let matches = ParallelMap.map(count: groups.count, minimumCount: ParallelMap.threshold, itemsPerChunk: 64) {
      range in
      range.map { index -> [(position: Int, match: Int)] in
        let group = groups[index]
        var distinct = [group[0]]
        var found: [(position: Int, match: Int)] = []
        for position in group.dropFirst() {
          if let match = distinct.first(where: { keyed[$0].value == keyed[position].value }) {
            found.append((position, match))
          } else {
            distinct.append(position)
          }
        }
        return found
      }
    }
    for group in matches {
      for (position, match) in group { result[position] = items[match] }
    }
    return result
  }
}
