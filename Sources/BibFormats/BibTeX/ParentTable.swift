import BibModel

/// The entries and `@xdata` blocks a `crossref`/`xdata` field can name, found as BibTeX finds
/// them: a key written with the same letters in any case names the entry, the exact spelling
/// first. So `crossref = {Smith}` in the entry `smith` names the entry `Smith` (not itself,
/// which would be a cycle) when both are in the file.
struct ParentTable {
  typealias Entry = (RawEntry, [BibTeXField])

  /// A parent found: its entry and fields, and an identity that tells entries apart even when
  /// their keys differ only in case.
  struct Parent {
    var entry: RawEntry
    var fields: [BibTeXField]
    var identity: String
  }

  let entries: [Entry]
  let xdata: [String: Entry]
  private var exact: [String: Int] = [:]
  private var folded: [String: [Int]] = [:]

  init(entries: [Entry], xdata: [String: Entry]) {
    self.entries = entries
    self.xdata = xdata
    for (offset, (entry, _)) in entries.enumerated() {
      if exact[entry.key] == nil { exact[entry.key] = offset }
      folded[entry.key.lowercased(), default: []].append(offset)
    }
  }

  /// The identity of the entry at `offset` (as `Parent.identity`).
  func identity(ofEntryAt offset: Int) -> String { "entry:" + String(offset) }

  /// The parent `key` names, preferring an entry that is not on the current path.
  func parent(_ key: String, isXData: Bool, avoiding path: [String]) -> Parent? {
    let lower = key.lowercased()
    let block = xdata[lower].map { Parent(entry: $0.0, fields: $0.1, identity: "xdata:" + lower) }
    if isXData, let block { return block }
    return entry(key, avoiding: path) ?? block
  }

  /// An entry on the path with exactly this key is named (a cycle, also when a duplicate of the
  /// key exists elsewhere); else the exact spelling, else another case not on the path.
  private func entry(_ key: String, avoiding path: [String]) -> Parent? {
    // The path is short (at most 32 entries): look there, not through every duplicate of the key.
    let lower = key.lowercased()
    let onPath = path.compactMap { step -> Int? in
      guard step.hasPrefix("entry:"), let offset = Int(step.dropFirst(6)), offset < entries.count,
        entries[offset].0.key.lowercased() == lower
      else { return nil }
      return offset
    }
    let candidates = folded[lower] ?? []
    let offset =
      onPath.first { entries[$0].0.key == key } ?? exact[key] ?? candidates.first { !onPath.contains($0) }
      ?? candidates.first
    guard let offset else { return nil }
    return Parent(entry: entries[offset].0, fields: entries[offset].1, identity: identity(ofEntryAt: offset))
  }
}
