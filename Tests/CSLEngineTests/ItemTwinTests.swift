import BibModel
import CSLStyle
import Testing

@testable import CSLEngine

/// Twins (one work under several ids) are found by a table of positions by hash value: the
/// first item with the same key, exactly as comparing every item with every earlier one finds
/// it, also where different works share a hash (same type, title, first family name, year).
@Suite struct ItemTwinTests {
  static func compiled() throws -> CompiledStyle {
    let text = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><id/><title/></info>
        <citation><layout><text variable="title"/></layout></citation>
      </style>
      """
    let style = try #require(StyleParser.parse(text).style)
    return CompiledStyle(style: style, locale: CSL.Locale(lang: "en-US"))
  }

  /// Works that differ only in volume (hashed alike) or are copies under other ids.
  static func references(_ count: Int) -> [Reference] {
    (0..<count).map { index in
      var reference = Reference(id: "r\(index)", type: index % 5 == 0 ? .chapter : .book)
      reference.variables[.title] = "Title \(index % 4)"
      reference.variables[.volume] = String(index % 3)
      reference.names[.author] = [Name(family: "Zhou", given: index % 7 == 0 ? "Li" : "Wei")]
      reference.dates[.issued] = DateValue(year: 2000 + index % 2)
      return reference
    }
  }

  @Test(arguments: [1, 2, 30, 300, 700])
  func representativesAreTheFirstEqualKeys(count: Int) throws {
    let style = try Self.compiled()
    let references = Self.references(count)
    let items = Array(references.indices.reversed())
    let key: @Sendable (Int) -> ItemTwin = { ItemTwin(ReferenceBox(references[$0]), contexts: [], style: style) }
    let found = ItemTwin.representatives(items, key: key)
    let keys = items.map(key)
    let expected = items.indices.map { position in
      items[keys.firstIndex(of: keys[position]) ?? position]
    }
    #expect(found == expected)
    // Different works shared hashes: the table had to tell them apart.
    #expect(Set(expected).count > Set(keys.map(\.hashValue)).count || count < 30)
  }

  /// Enough groups of positions sharing a hash for them to be compared on all cores (a few
  /// hundred titles, each work under several ids, works of one title differing in volume).
  @Test func representativesOfManyGroupsAreTheFirstEqualKeys() throws {
    let style = try Self.compiled()
    let references = (0..<3000).map { index in
      var reference = Self.references(1)[0]
      reference.id = "m\(index)"
      reference.variables[.title] = "Title \(index % 500)"
      reference.variables[.volume] = String(index % 7 % 3)
      return reference
    }
    let items = Array(references.indices)
    let key: @Sendable (Int) -> ItemTwin = { ItemTwin(ReferenceBox(references[$0]), contexts: [], style: style) }
    let found = ItemTwin.representatives(items, key: key)
    let keys = items.map(key)
    // The first position of each key, found by walking the list.
    var firstOfKey: [ItemTwin: Int] = [:]
    for position in items.indices where firstOfKey[keys[position]] == nil { firstOfKey[keys[position]] = position }
    #expect(found == items.indices.map { items[firstOfKey[keys[$0]] ?? $0] })
    // 500 titles in 3 volumes: 1,500 works over 500 hashes.
    #expect(Set(found).count == 1500)
    #expect(Set(keys.map(\.hashValue)).count == 500)
  }
  /// The hash is made once per box (`ReferenceBox.twinHash`), ahead or when asked: equal keys
  /// still hash alike when their boxes were made apart (a copy under another id, one hashed
  /// ahead), and a key's hash reads the contexts and number besides the box.
  @Test func equalKeysOfBoxesMadeApartHashAlike() throws {
    let style = try Self.compiled()
    let references = Self.references(60)
    let copies = references.map { reference in
      var copy = reference
      copy.id = "copy-" + reference.id
      return copy
    }
    for (reference, copy) in zip(references, copies) {
      // One box hashes ahead (a sorting style's processor), the other when asked.
      let (left, right) = (ReferenceBox(reference, hashingTwin: true), ReferenceBox(copy))
      #expect(left.twinHash == right.twinHash)
      let leftKey = ItemTwin(left, contexts: [CiteContext()], style: style)
      let rightKey = ItemTwin(right, contexts: [CiteContext()], style: style)
      #expect(leftKey == rightKey)
      #expect(leftKey.hashValue == rightKey.hashValue)
      // One context more: another key, and (almost surely) another hash.
      let moreContexts = ItemTwin(right, contexts: [CiteContext(), CiteContext(citationNumber: 2)], style: style)
      #expect(leftKey != moreContexts)
      #expect(leftKey.hashValue != moreContexts.hashValue)
    }
    // Works that differ in a hashed field hash apart.
    let hashes = Set(references.prefix(4).map { ReferenceBox($0).twinHash })
    #expect(hashes.count == 4)
  }

  @Test func copiesAreTwinsInASortOnlyWhereTheirNumbersCannotPrint() throws {
    let numbered = try #require(
      StyleParser.parse(
        """
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
          <info><id/><title/></info>
          <citation><layout><text variable="citation-number"/></layout></citation>
        </style>
        """
      ).style)
    let numberedStyle = CompiledStyle(style: numbered, locale: CSL.Locale(lang: "en-US"))
    let plainStyle = try Self.compiled()
    let work = Self.references(1)[0]
    var copy = work
    copy.id = "copy"
    let (first, second) = (ReferenceBox(work), ReferenceBox(copy))
    func twins(_ style: CompiledStyle, _ left: Int, _ right: Int) -> Bool {
      ItemTwin(first, number: left, state: DisambiguationState(), keys: [], style: style)
        == ItemTwin(second, number: right, state: DisambiguationState(), keys: [], style: style)
    }
    // The id never prints; the number does only in a style that prints it.
    #expect(twins(plainStyle, 1, 2))
    #expect(twins(numberedStyle, 3, 3))
    #expect(!twins(numberedStyle, 1, 2))
    var other = copy
    other.variables[.volume] = "9"
    #expect(
      ItemTwin(first, number: 1, state: DisambiguationState(), keys: [], style: plainStyle)
        != ItemTwin(ReferenceBox(other), number: 1, state: DisambiguationState(), keys: [], style: plainStyle))
  }
}
