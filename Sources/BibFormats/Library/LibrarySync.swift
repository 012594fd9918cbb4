import BibModel

/// Keeping a bibliography file and a `cited serve` library in step, through versions: the pure
/// part of `cited bib pull` and `push` (the transport lives with the server).
///
/// The sync state is the server's library as last seen (the merge base), each item's version
/// and the library version. Pulling merges the file (ours) with the server's library (theirs)
/// against that base with `ThreeWayMerge`, so edits of different fields of one item both land
/// and edits of the same field are a reported conflict with both values kept. Pushing sends what
/// the file changed since the base, each replacement and deletion with `If-Match`.
public enum LibrarySync {
  /// The server's library as last synced.
  public struct State: Sendable, Hashable {
    public var libraryVersion: Int
    public var versions: [String: Int]
    public var items: [Reference]

    public init(libraryVersion: Int = 0, versions: [String: Int] = [:], items: [Reference] = []) {
      self.libraryVersion = libraryVersion
      self.versions = versions
      self.items = items
    }

    /// The state as JSON (`.cited/sync/…`).
    public var json: String {
      let versions = self.versions.keys.sorted().map {
        JSONMember(key: $0, value: .number(String(self.versions[$0] ?? 0)))
      }
      return JSONWriter.write(
        .object(
          JSONObject([
            JSONMember(key: "libraryVersion", value: .number(String(libraryVersion))),
            JSONMember(key: "versions", value: .object(JSONObject(versions))),
            JSONMember(key: "items", value: .array(items.map(CSLJSON.encode))),
          ]))) + "\n"
    }

    /// Reads a state written by `json`; nil when it is not one.
    public init?(json text: String) {
      guard let object = (try? JSONParser.parse(text))?.objectValue,
        let version = object["libraryVersion"]?.stringValue.flatMap({ Int($0) }),
        let versions = object["versions"]?.objectValue, let items = object["items"]
      else { return nil }
      libraryVersion = version
      self.versions = [:]
      for member in versions.members {
        if let value = member.value.stringValue.flatMap({ Int($0) }) { self.versions[member.key] = value }
      }
      self.items = CSLJSON.decode(items, file: "sync state").references
    }
  }

  /// What the server changed after a state's library version (`?since=`): the items written
  /// since, with their versions, and the ids deleted since.
  public struct Changes: Sendable, Hashable {
    public var libraryVersion: Int
    public var items: [Reference]
    public var versions: [String: Int]
    public var deleted: [String]

    public init(libraryVersion: Int, items: [Reference], versions: [String: Int], deleted: [String]) {
      self.libraryVersion = libraryVersion
      self.items = items
      self.versions = versions
      self.deleted = deleted
    }
  }

  /// One change the file made since the base, to send to the server.
  public enum Change: Sendable, Hashable {
    case create(Reference)
    case update(Reference, expected: Int)
    case delete(id: String, expected: Int)
  }

  /// The server's library after `changes`, from `state` (the library as of its version):
  /// deleted ids leave, written items replace theirs or join.
  public static func apply(_ changes: Changes, to state: State) -> State {
    var items = Dictionary(state.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var versions = state.versions
    for id in changes.deleted {
      items[id] = nil
      versions[id] = nil
    }
    for reference in changes.items {
      items[reference.id] = reference
      versions[reference.id] = changes.versions[reference.id] ?? versions[reference.id]
    }
    return State(
      libraryVersion: changes.libraryVersion, versions: versions, items: items.values.sorted(by: Canonical.precedes))
  }

  /// Merges the file with the server's library (`remote`) against the base; the new state is
  /// the server's library.
  public static func pull(local: BibDocument, state: State, remote: State) -> ThreeWayMerge.Result {
    ThreeWayMerge.merge(
      base: BibDocument(references: state.items), ours: local, theirs: BibDocument(references: remote.items))
  }

  /// What the file changed since `state` (which must be the server's library, just pulled).
  public static func changes(local: [Reference], state: State) -> [Change] {
    let base = Dictionary(state.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var changes: [Change] = []
    var present: Set<String> = []
    for reference in local {
      present.insert(reference.id)
      guard let before = base[reference.id] else {
        changes.append(.create(reference))
        continue
      }
      if CSLJSON.encode(Canonical.normalize(before)) != CSLJSON.encode(Canonical.normalize(reference)) {
        changes.append(.update(reference, expected: state.versions[reference.id] ?? 0))
      }
    }
    for reference in state.items where !present.contains(reference.id) {
      changes.append(.delete(id: reference.id, expected: state.versions[reference.id] ?? 0))
    }
    return changes
  }
}
