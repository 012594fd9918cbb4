import BibModel

/// How written citations become processor citations: the one planning step shared by
/// `cited render` (Markdown documents) and `cited-pandoc` (pandoc's `Cite` nodes).
///
/// Known keys go to the processor, unknown keys are kept per cluster so the caller shows them.
/// An author-in-text cluster (`@key [p. 4]`) becomes two citations: the author alone (it does
/// not count for positions) and the rest with the author suppressed (in-text styles) or in full
/// (note styles, where the rest goes into the note). With a note style each cluster in the
/// running text opens a new note; a cluster already inside a footnote is rendered in place with
/// that footnote's number (an author-in-text one without the author its sentence names).
public struct CitationPlan: Sendable {
  /// Where one cluster sits, for note numbering.
  public enum Place: Sendable, Hashable {
    /// In the running text: note styles give it note `number`.
    case text(number: Int)
    /// Inside footnote `number`: rendered in place, never a new note.
    case footnote(number: Int)
  }

  /// What one cluster turned into.
  public struct Slot: Sendable, Hashable {
    /// The author-only citation (author-in-text clusters).
    public var authorIndex: Int?
    /// The citation with everything else.
    public var mainIndex: Int?
    /// The new note the citation goes into (note styles, running text only).
    public var note: Int?
    /// True for a note style's citation inside a footnote (rendered in place).
    public var inFootnote = false
    /// Keys the bibliography does not hold, in written order.
    public var unknown: [String] = []
  }

  public private(set) var citations: [Citation] = []
  public private(set) var slots: [Slot] = []
  /// Known keys in first-cited order (the bibliography of a document without `nocite`).
  public private(set) var citedKeys: [String] = []

  /// Plans `clusters`; `places` gives each cluster's place (default: all in the running text,
  /// notes numbered 1, 2, … in order). With `noteOmitsInTextAuthor` (pandoc's reading), the note
  /// of an author-in-text citation leaves out the author the sentence already names.
  public init(
    clusters: [CitationCluster], knownKeys: Set<String>, isNoteStyle: Bool, places: [Place]? = nil,
    noteOmitsInTextAuthor: Bool = false
  ) {
    var citedSet: Set<String> = []
    var noteNumber = 0
    for (position, cluster) in clusters.enumerated() {
      var slot = Slot()
      slot.unknown = cluster.items.filter { !knownKeys.contains($0.key) }.map(\.key)
      let known = cluster.items.filter { knownKeys.contains($0.key) }
      for item in known where citedSet.insert(item.key).inserted { citedKeys.append(item.key) }
      if !known.isEmpty {
        var place = Place.text(number: noteNumber + 1)
        if let places, position < places.count { place = places[position] }
        var noteIndex = 0
        if isNoteStyle {
          switch place {
          case .text(let number):
            noteNumber = number
            noteIndex = number
            slot.note = number
          case .footnote(let number):
            noteIndex = number
            slot.inFootnote = true
          }
        }
        if cluster.isAuthorInText {
          var authorCite = known[0].cite
          authorCite.authorOnly = true
          slot.authorIndex = append([authorCite], noteIndex: 0)
          var restCite = known[0].cite
          restCite.suppressAuthor = !isNoteStyle || noteOmitsInTextAuthor || slot.inFootnote
          slot.mainIndex = append([restCite], noteIndex: noteIndex)
        } else {
          slot.mainIndex = append(known.map(\.cite), noteIndex: noteIndex)
        }
      }
      slots.append(slot)
    }
  }

  /// The bibliography's keys: `cited` first, then `nocite` keys not cited, in their order
  /// (`*` adds every key of `referenceKeys`, in the bibliography's order). Returns the keys and
  /// the `nocite` keys the bibliography lacks.
  public static func bibliographyKeys(
    cited: [String], nocite: [String], referenceKeys: [String]
  ) -> (keys: [String], unknown: [String]) {
    var keys = cited
    var seen = Set(cited)
    var unknown: [String] = []
    let known = Set(referenceKeys)
    for key in nocite {
      if key == "*" {
        for id in referenceKeys where seen.insert(id).inserted { keys.append(id) }
      } else if !known.contains(key) {
        unknown.append(key)
      } else if seen.insert(key).inserted {
        keys.append(key)
      }
    }
    return (keys, unknown)
  }

  private mutating func append(_ cites: [Cite], noteIndex: Int) -> Int {
    citations.append(Citation(id: "c\(citations.count)", noteIndex: noteIndex, cites: cites))
    return citations.count - 1
  }
}
