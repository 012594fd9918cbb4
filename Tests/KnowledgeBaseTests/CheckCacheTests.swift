import Testing

@testable import KnowledgeBase

/// The check cache's key and entries: any change to the input misses, a damaged entry is ignored.
@Suite struct CheckCacheTests {
  static let settings = ["format text", "today 2026-01-01"]
  static let files: [(path: String, bytes: [UInt8])] = [
    ("Knowledge/schema.yaml", Array("kinds: {}\n".utf8)), ("Knowledge/a.yaml", Array("id: a\nkind: x\n".utf8)),
  ]

  @Test func theKeyChangesWithEveryInput() {
    let key = CheckCache.key(settings: Self.settings, files: Self.files)
    #expect(key == CheckCache.key(settings: Self.settings, files: Self.files))
    var edited = Self.files
    edited[1].bytes[5] = UInt8(ascii: "b")
    var renamed = Self.files
    renamed[1].path = "Knowledge/b.yaml"
    let others: [String] = [
      CheckCache.key(settings: Self.settings, files: edited),
      CheckCache.key(settings: Self.settings, files: renamed),
      CheckCache.key(settings: Self.settings, files: Array(Self.files.prefix(1))),
      CheckCache.key(settings: Self.settings, files: Self.files + [("Knowledge/c.yaml", [])]),
      CheckCache.key(settings: ["format json", "today 2026-01-01"], files: Self.files),
      CheckCache.key(settings: Self.settings + ["disable uncited-source"], files: Self.files),
      // The same characters split differently between settings are a different key.
      CheckCache.key(settings: ["format text today", "2026-01-01"], files: Self.files),
    ]
    #expect(Set(others + [key]).count == others.count + 1)
  }

  @Test func entriesRoundTrip() {
    let entry = CheckCache(key: "k1", status: 1, output: "Knowledge/a.yaml\n  1:1: error: 名前\n")
    #expect(CheckCache.decode(entry.encoded()) == entry)
    let empty = CheckCache(key: "k2", status: 0, output: "")
    #expect(CheckCache.decode(empty.encoded()) == empty)
  }

  @Test func aDamagedEntryIsIgnored() {
    let bytes = CheckCache(key: "k1", status: 1, output: "some findings\nmore\n").encoded()
    #expect(CheckCache.decode(Array(bytes.dropLast())) == nil)
    #expect(CheckCache.decode(bytes + [UInt8(ascii: "x")]) == nil)
    var flipped = bytes
    flipped[flipped.count - 3] ^= 0x01
    #expect(CheckCache.decode(flipped) == nil)
    var header = bytes
    header[0] = UInt8(ascii: "C")
    #expect(CheckCache.decode(header) == nil)
    #expect(CheckCache.decode([]) == nil)
    #expect(CheckCache.decode(Array("cited check cache 1\nk\nnot a number\n0\n0\n".utf8)) == nil)
    #expect(CheckCache.decode([0xFF, 0xFE, 0x0A]) == nil)
  }
}
