import BibModel

/// What an item's rendering depends on besides the style: its reference without the id (the
/// engine never prints an id), the contexts or number it is rendered with, and its
/// disambiguation settings. Items with equal keys render alike, so a bibliography that holds
/// the same work under several ids (merged files, copies) renders each form once where the
/// work would otherwise repeat per copy: in the add-names search and in tied sort keys.
struct ItemTwin: Hashable {
  private let reference: Reference
  private let contexts: [CiteContext]
  private let number: Int?
  private let state: DisambiguationState?

  /// The key of an item's citation renderings in its disambiguation contexts (any settings).
  /// Citation numbers and first-note numbers count only in a style that prints them.
  init(_ reference: Reference, contexts: [CiteContext], printing numbers: (citation: Bool, firstNote: Bool)) {
    let kept = contexts.map { context in
      var context = context
      if !numbers.citation { context.citationNumber = nil }
      if !numbers.firstNote { context.firstNoteNumber = nil }
      return context
    }
    self.init(reference, contexts: kept, number: nil, state: nil)
  }

  /// The key of an item's sort key values, rendered with its number (nil in a style that
  /// prints none) and settings.
  init(_ reference: Reference, number: Int?, state: DisambiguationState) {
    self.init(reference, contexts: [], number: number, state: state)
  }

  private init(_ reference: Reference, contexts: [CiteContext], number: Int?, state: DisambiguationState?) {
    var content = reference
    content.id = ""
    self.reference = content
    self.contexts = contexts
    self.number = number
    self.state = state
  }

  /// Hashes a few telling fields only: different works rarely share them, so buckets stay
  /// small, and equality still compares everything.
  func hash(into hasher: inout Hasher) {
    hasher.combine(reference.type)
    hasher.combine(reference.variables[.title])
    hasher.combine(reference.names[.author]?.first?.family)
    hasher.combine(reference.dates[.issued]?.year)
    hasher.combine(contexts.count)
    hasher.combine(number)
  }

  /// For each item, the first item of the list with the same key (itself when none before).
  static func representatives(_ items: [Int], key: (Int) -> ItemTwin) -> [Int] {
    var first: [ItemTwin: Int] = [:]
    first.reserveCapacity(items.count)
    return items.map { item in
      let twin = key(item)
      if let found = first[twin] { return found }
      first[twin] = item
      return item
    }
  }
}
