import BibModel

/// Three-way merge of bibliographies at entry and field level. Fields are compared as their
/// CSL-JSON members: an edit on one side applies; the same edit on both sides applies once;
/// different edits to the same field are a conflict. Entries added on both sides are kept
/// (merged field by field when they share an id); an entry deleted on one side and edited on
/// the other is a conflict. Nothing is dropped: a conflicted entry is written twice, between
/// `<<<<<<< ours` / `=======` / `>>>>>>> theirs` markers, once with our values and once with theirs.
public enum ThreeWayMerge {
  /// One field that both sides changed differently (`field` is nil for delete/modify).
  public struct Conflict: Sendable, Hashable {
    /// The entry.
    public var id: String
    /// The field (CSL-JSON member), nil when one side deleted the entry.
    public var field: String?
    /// The values on each side (nil: absent).
    public var base: JSONValue?
    public var ours: JSONValue?
    public var theirs: JSONValue?
  }

  /// A merged entry: clean, or a conflict with both variants (nil variant = deleted on that side).
  public enum Entry: Sendable, Hashable {
    case clean(Reference)
    case conflicted(ours: Reference?, theirs: Reference?)

    /// The entry's id.
    public var id: String {
      switch self {
      case .clean(let reference): reference.id
      case .conflicted(let ours, let theirs): ours?.id ?? theirs?.id ?? ""
      }
    }
  }

  /// The merged entries (sorted by id), the conflicts and the merged BibTeX blocks.
  public struct Result: Sendable {
    public var entries: [Entry]
    public var conflicts: [Conflict]
    public var blocks: [BibBlock]
    /// True when nothing conflicted.
    public var isClean: Bool { conflicts.isEmpty }
  }

  /// Merges OURS and THEIRS against their common ancestor BASE.
  public static func merge(base: BibDocument, ours: BibDocument, theirs: BibDocument) -> Result {
    let baseByID = index(base.references)
    let oursByID = index(ours.references)
    let theirsByID = index(theirs.references)
    var ids: [String] = []
    var seen: Set<String> = []
    for reference in ours.references + theirs.references + base.references where !seen.contains(reference.id) {
      seen.insert(reference.id)
      ids.append(reference.id)
    }
    var entries: [Entry] = []
    var conflicts: [Conflict] = []
    for id in ids {
      let b = baseByID[id]
      let o = oursByID[id]
      let t = theirsByID[id]
      switch (o, t) {
      case (nil, nil):
        continue  // deleted on both sides
      case (let mine?, nil):
        if let b, b != mine {
          conflicts.append(Conflict(id: id, field: nil, base: nil, ours: nil, theirs: nil))
          entries.append(.conflicted(ours: mine, theirs: nil))
        } else if b == nil {
          entries.append(.clean(mine))
        }
      case (nil, let other?):
        if let b, b != other {
          conflicts.append(Conflict(id: id, field: nil, base: nil, ours: nil, theirs: nil))
          entries.append(.conflicted(ours: nil, theirs: other))
        } else if b == nil {
          entries.append(.clean(other))
        }
      case (let mine?, let other?):
        let (entry, found) = mergeEntry(id: id, base: b, ours: mine, theirs: other)
        entries.append(entry)
        conflicts += found
      }
    }
    var blocks = ours.blocks
    for block in theirs.blocks where !blocks.contains(block) && !base.blocks.contains(block) { blocks.append(block) }
    blocks.removeAll { base.blocks.contains($0) && !theirs.blocks.contains($0) }
    entries.sort { lhs, rhs in
      let left = lhs.id.lowercased()
      let right = rhs.id.lowercased()
      return left != right ? left < right : lhs.id < rhs.id
    }
    return Result(entries: entries, conflicts: conflicts, blocks: blocks)
  }

  private static func index(_ references: [Reference]) -> [String: Reference] {
    var table: [String: Reference] = [:]
    for reference in references where table[reference.id] == nil { table[reference.id] = reference }
    return table
  }

  private static func mergeEntry(
    id: String, base: Reference?, ours: Reference, theirs: Reference
  ) -> (Entry, [Conflict]) {
    if ours == theirs { return (.clean(ours), []) }
    let b = base.map(CSLBlob.members) ?? [:]
    let o = CSLBlob.members(ours)
    let t = CSLBlob.members(theirs)
    var mine: [String: JSONValue] = [:]
    var other: [String: JSONValue] = [:]
    var conflicts: [Conflict] = []
    for key in Set(b.keys).union(o.keys).union(t.keys).sorted() {
      let bv = b[key]
      let ov = o[key]
      let tv = t[key]
      if ov == tv {
        mine[key] = ov
        other[key] = ov
      } else if ov == bv {
        mine[key] = tv
        other[key] = tv
      } else if tv == bv {
        mine[key] = ov
        other[key] = ov
      } else {
        conflicts.append(Conflict(id: id, field: key, base: bv, ours: ov, theirs: tv))
        mine[key] = ov
        other[key] = tv
      }
    }
    let merged = rebuild(id: id, mine, fallback: ours)
    if conflicts.isEmpty { return (.clean(merged), []) }
    return (.conflicted(ours: merged, theirs: rebuild(id: id, other, fallback: theirs)), conflicts)
  }

  private static func rebuild(id: String, _ table: [String: JSONValue], fallback: Reference) -> Reference {
    var table = table
    var members = [JSONMember(key: "id", value: .string(id))]
    if let type = table.removeValue(forKey: "type") { members.append(JSONMember(key: "type", value: type)) }
    for key in table.keys.sorted() {
      if let value = table[key] { members.append(JSONMember(key: key, value: value)) }
    }
    var ignored: [Diagnostic] = []
    return CSLJSON.decodeReference(JSONObject(members), file: "", diagnostics: &ignored) ?? fallback
  }

  /// The merged entries as a document (the first variant of a conflicted entry), in `order`'s
  /// order of ids and then the merge's own, so writing it over our file keeps our layout.
  public static func document(_ result: Result, order: [Reference]) -> BibDocument {
    var rank: [String: Int] = [:]
    for (offset, reference) in order.enumerated() where rank[reference.id] == nil { rank[reference.id] = offset }
    let references = result.entries.enumerated().compactMap { offset, entry -> (Int, Reference)? in
      let position = rank[entry.id] ?? order.count + offset
      switch entry {
      case .clean(let reference): return (position, reference)
      case .conflicted(let ours, let theirs): return (ours ?? theirs).map { (position, $0) }
      }
    }
    return BibDocument(references: references.sorted { $0.0 < $1.0 }.map(\.1), blocks: result.blocks)
  }

  /// The merged file's text, with conflict markers around conflicted entries.
  public static func text(_ result: Result, format: BibFormat, options: BibTeXWriter.Options = .init()) -> String {
    let writer = EntryTextWriter(format: format, options: options)
    var pieces: [String] = []
    for entry in result.entries {
      switch entry {
      case .clean(let reference): pieces.append(writer.entry(reference))
      case .conflicted: pieces.append(conflictText(entry, writer: writer) ?? "")
      }
    }
    return writer.file(entries: pieces, blocks: result.blocks)
  }

  /// A conflicted entry's text: both variants between `<<<<<<< ours` / `=======` /
  /// `>>>>>>> theirs` lines; nil for a clean entry.
  public static func conflictText(_ entry: Entry, writer: EntryTextWriter) -> String? {
    guard case .conflicted(let ours, let theirs) = entry else { return nil }
    var text = "<<<<<<< ours\n"
    if let ours { text += writer.entry(ours) }
    text += "=======\n"
    if let theirs { text += writer.entry(theirs) }
    return text + ">>>>>>> theirs\n"
  }
}
