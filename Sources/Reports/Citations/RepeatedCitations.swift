import BibModel
import CSLEngine
import CSLStyle

/// Identical citations rendered once. A report cites the same source at the same page again
/// and again; when a style's citations cannot depend on where they stand (an in-text style with
/// no `position` condition and no `first-reference-note-number`), a repeated citation prints
/// exactly what its first occurrence prints, so only the first occurrences go to the engine.
/// Every item and every distinct cite still reaches it, in order of first appearance, so
/// disambiguation, year suffixes and citation numbers come out the same.
struct RepeatedCitations {
  /// The citations the engine renders: every citation, or the first occurrence of each.
  private(set) var distinct: [Citation] = []
  /// For each citation given, the index of its rendering in `distinct`.
  private(set) var slots: [Int] = []

  init(_ citations: [Citation], merging: Bool) {
    guard merging else {
      distinct = citations
      slots = Array(citations.indices)
      return
    }
    var first: [Key: Int] = [:]
    first.reserveCapacity(citations.count)
    slots.reserveCapacity(citations.count)
    for citation in citations {
      let key = Key(noteIndex: citation.noteIndex, cites: citation.cites)
      if let index = first[key] {
        slots.append(index)
      } else {
        first[key] = distinct.count
        slots.append(distinct.count)
        distinct.append(citation)
      }
    }
  }

  /// The renderings of `distinct` spread back over every citation given.
  func expand(_ rendered: [String]) -> [String] {
    slots.map { $0 < rendered.count ? rendered[$0] : "" }
  }

  /// True when a citation of `style` renders the same wherever it stands.
  static func rendersAlike(_ style: CSL.Style) -> Bool {
    guard style.styleClass == .inText, !style.usesFirstReferenceNoteNumber else { return false }
    return !style.testsPosition
  }

  private struct Key: Hashable {
    var noteIndex: Int?
    var cites: [Cite]

    /// The cited keys and locators alone (equal keys still hash alike): hashing every field
    /// of every cite made each lookup cost some 2,500 instructions, and citations that differ
    /// only in affixes or flags are rare.
    func hash(into hasher: inout Hasher) {
      hasher.combine(noteIndex)
      hasher.combine(cites.count)
      for cite in cites {
        hasher.combine(cite.id)
        hasher.combine(cite.locator)
      }
    }
  }
}
