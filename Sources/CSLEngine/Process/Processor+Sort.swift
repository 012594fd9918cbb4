import BibModel
import CSLStyle

/// A sort key value; missing values sort last in either direction.
enum SortValue: Sendable, Equatable {
  case missing
  case number(Int)
  case text(String)

  static func compare(_ lhs: SortValue, _ rhs: SortValue) -> Int {
    switch (lhs, rhs) {
    case (.missing, .missing): return 0
    case (.missing, _): return 1
    case (_, .missing): return -1
    case (.number(let a), .number(let b)): return a < b ? -1 : (a > b ? 1 : 0)
    case (.text(let a), .text(let b)): return a < b ? -1 : (a > b ? 1 : 0)
    case (.number(let a), .text(let b)): return String(a) < b ? -1 : (String(a) == b ? 0 : 1)
    case (.text(let a), .number(let b)): return a < String(b) ? -1 : (a == String(b) ? 0 : 1)
    }
  }

  /// `compare` for a key's direction: descending reverses it, but a missing value sorts last
  /// either way.
  static func compare(_ lhs: SortValue, _ rhs: SortValue, direction: CSL.SortDirection) -> Int {
    let result = compare(lhs, rhs)
    switch (direction, lhs, rhs) {
    case (.descending, .missing, _), (.descending, _, .missing), (.ascending, _, _): return result
    case (.descending, _, _): return -result
    }
  }
}

/// Memoized sort key values, filled on demand.
final class SortKeyTable {
  private(set) var values: [[SortValue?]]
  /// What each value's rendering read of the item's settings (`SortKeyReads`), by position
  /// then key, in one flat list.
  private var reads: [SortKeyReads]
  private let keys: Int
  /// The positions in the order the last sort with this table put them.
  var sortedPositions: [Int]?
  init(count: Int, keys: Int) {
    values = Array(repeating: Array(repeating: nil, count: keys), count: count)
    reads = Array(repeating: SortKeyReads.none, count: count * keys)
    self.keys = keys
  }

  /// What the rendering of a position's value of a key read (`none` while there is none).
  func reads(_ position: Int, _ key: Int) -> SortKeyReads { reads[position * keys + key] }

  /// Sets a position's value of a key with what its rendering read (nil and `none` clear it).
  func set(_ position: Int, _ key: Int, _ value: SortValue?, reads read: SortKeyReads) {
    values[position][key] = value
    reads[position * keys + key] = read
  }
}

/// What a sort key value's rendering read of the item's settings, in four bytes (a table
/// of 100,000 items and ten keys holds a million): whether it was rendered under the plain
/// settings of a first sort, whether some name was printed in a form a given-name level can
/// change (`Renderer.nameLevelsMatter`), and the fewest added names at which every name list
/// it cut by et-al showed all its names. A second sort with names as disambiguation printed
/// them keeps the values whose reads agree with the item's new settings.
struct SortKeyReads: Sendable, Equatable {
  private let raw: UInt32
  private static let present: UInt32 = 1 << 31
  private static let plainSettings: UInt32 = 1 << 30
  private static let levels: UInt32 = 1 << 29
  private static let neededMask: UInt32 = (1 << 29) - 1

  /// No value rendered yet.
  static let none = SortKeyReads(raw: 0)

  private init(raw: UInt32) { self.raw = raw }

  init(state: DisambiguationState, levelsMatter: Bool, addNamesNeeded: Int) {
    var raw = Self.present | UInt32(clamping: min(max(0, addNamesNeeded), Int(Self.neededMask)))
    if state == DisambiguationState() { raw |= Self.plainSettings }
    if levelsMatter { raw |= Self.levels }
    self.raw = raw
  }

  var levelsMatter: Bool { raw & Self.levels != 0 }
  var addNamesNeeded: Int { Int(raw & Self.neededMask) }

  /// True when the value is the value under `wanted`: it was rendered under plain settings,
  /// and `wanted` differs from them only in what the rendering did not read (given-name
  /// settings where no name's level could change it, added names where no et-al cut needs
  /// them). Values rendered under other settings are never kept.
  func serves(_ wanted: DisambiguationState) -> Bool {
    guard raw & Self.present != 0, raw & Self.plainSettings != 0 else { return false }
    guard wanted.yearSuffix == nil, wanted.conditionLevel == 0, !wanted.expandsWithinItem,
      wanted.addNames == 0 || addNamesNeeded == 0
    else { return false }
    return !levelsMatter || (wanted.givenLevels.isEmpty && wanted.sharedNames.isEmpty)
  }
}

extension Processor {
  /// Sorts reference indices by sort keys (stable).
  func sort(
    _ items: [Int], keys: [CSL.SortKey], numbers: ItemTable<Int>, mode: RenderMode, cache: RenderCache? = nil
  ) -> [Int] {
    sortKeepingKeys(items, keys: keys, numbers: numbers, mode: mode, cache: cache).order
  }

  /// Sorts as `sort`, returning the key table too, so a second sort of the same items with
  /// names as disambiguation printed them recomputes only the keys of those items that can
  /// print a name. (`states` then differ from the first sort's in name settings alone.)
  func sortKeepingKeys(
    _ items: [Int], keys: [CSL.SortKey], numbers: ItemTable<Int>, mode: RenderMode, cache: RenderCache? = nil,
    states: ItemTable<DisambiguationState> = [:], reusing previous: SortKeyTable? = nil
  ) -> (order: [Int], table: SortKeyTable?) {
    guard !keys.isEmpty, items.count > 1 else { return (items, nil) }
    // Keys are computed lazily: later keys only for items whose earlier keys tie.
    let table: SortKeyTable
    // The positions whose values a second sort renders again, with their values before.
    var reset: [Int: [SortValue?]]?
    if let previous, previous.values.count == items.count {
      table = previous
      var previousValues: [Int: [SortValue?]] = [:]
      // Only keys that can print a name read the name settings (`MacroGraph.reachesNames`):
      // the others keep their values (Chicago's and MLA's titles and dates).
      // Of those, a value whose rendering read nothing the item's new settings change is kept
      // too (`SortKeyReads`): a name printed in full reads no given-name level.
      let resetKeys = keys.indices.filter { MacroGraph.reachesNames(keys[$0], in: compiled.style) }
      for (position, item) in items.enumerated() {
        guard let state = states[item] else { continue }
        for key in resetKeys where !table.reads(position, key).serves(state) {
          if previousValues[position] == nil { previousValues[position] = table.values[position] }
          table.set(position, key, nil, reads: .none)
        }
      }
      reset = previousValues
    } else {
      table = SortKeyTable(count: items.count, keys: keys.count)
    }
    if items.count >= ParallelMap.threshold {
      let twins = fillKeys(table, items: items, keys: keys, numbers: numbers, mode: mode, states: states)
      // Positions rendered again whose values all came out as before keep their place.
      var resorting: (moved: [Int], before: [Int])?
      if let reset, let before = table.sortedPositions {
        let moved = reset.keys.filter { position in reset[position] != table.values[position] }
        resorting = (moved.sorted(), before)
      }
      let order = parallelSorted(
        table.values, items: items, keys: keys, numbers: numbers, mode: mode, states: states,
        twins: items.indices.map { twins[$0] ?? $0 }, resorting: resorting)
      table.sortedPositions = order
      return (order.map { items[$0] }, table)
    }
    func value(_ position: Int, _ key: Int) -> SortValue {
      if let found = table.values[position][key] { return found }
      let item = items[position]
      let computed = sortValueReading(
        item, key: keys[key], number: numbers[item], mode: mode, state: states[item] ?? DisambiguationState(),
        cache: cache)
      table.set(position, key, computed.value, reads: computed.reads)
      return computed.value
    }
    let directions = keys.map(\.direction)
    let indices = Array(items.indices).sorted { Self.precedes($0, $1, directions: directions, value: value) }
    return (indices.map { items[$0] }, table)
  }

  /// The positions of `items` in sort order, sorted on all cores: each core sorts a run of the
  /// positions, then the runs are merged. The comparison ends with the positions themselves, so
  /// it is a total order and every correct sort gives the same, stable result. The key values
  /// come from `values` (`fillKeys` computed every one the comparisons read); a value missing
  /// there is computed on the spot, unmemoized, as the sort on one thread would.
  ///
  /// A second sort (`resorting`) whose values changed for a minority of positions (`moved`)
  /// keeps the others in the order the first sort left them (`before`): their values are the
  /// same, so is their order. Only the moved positions are sorted, then merged in: the same
  /// total order, for the comparisons of some thousands of positions, not all of them again.
  private func parallelSorted(
    _ values: [[SortValue?]], items: [Int], keys: [CSL.SortKey], numbers: ItemTable<Int>, mode: RenderMode,
    states: ItemTable<DisambiguationState>, twins: [Int], resorting: (moved: [Int], before: [Int])? = nil
  ) -> [Int] {
    let directions = keys.map(\.direction)
    // Twins (`fillKeys`) hold the same value of every key: their order is their positions',
    // found without comparing each key's equal values (copies of one work, ten of each at 100k).
    let precedes: @Sendable (Int, Int) -> Bool = { left, right in
      twins[left] == twins[right]
        ? left < right : Self.precedes(left, right, directions: directions, value: value)
    }
    @Sendable func value(_ position: Int, _ key: Int) -> SortValue {
      if let found = values[position][key] { return found }
      let item = items[position]
      return sortValue(
        item, key: keys[key], number: numbers[item], mode: mode, state: states[item] ?? DisambiguationState())
    }
    if let resorting, 2 * resorting.moved.count < items.count, resorting.before.count == items.count {
      var isMoved = [Bool](repeating: false, count: items.count)
      for position in resorting.moved { isMoved[position] = true }
      let kept = resorting.before.filter { !isMoved[$0] }
      return Self.merged(kept, resorting.moved.sorted(by: precedes), by: precedes)
    }
    let runs = ParallelMap.map(count: items.count, minimumCount: ParallelMap.threshold, itemsPerChunk: items.count / 2)
    {
      range in [range.sorted(by: precedes)]
    }
    return runs.dropFirst().reduce(runs.first ?? []) { Self.merged($0, $1, by: precedes) }
  }

  /// The sort order of two positions: key by key, then the positions themselves (so the order
  /// is total and the sort stable).
  static func precedes(
    _ left: Int, _ right: Int, directions: [CSL.SortDirection], value: (Int, Int) -> SortValue
  ) -> Bool {
    for offset in directions.indices {
      let result = SortValue.compare(value(left, offset), value(right, offset), direction: directions[offset])
      if result != 0 { return result < 0 }
    }
    return left < right
  }

  /// Two sorted runs as one, the left run's element first where neither precedes the other.
  static func merged(_ left: [Int], _ right: [Int], by precedes: (Int, Int) -> Bool) -> [Int] {
    var result: [Int] = []
    result.reserveCapacity(left.count + right.count)
    var (leftIndex, rightIndex) = (left.startIndex, right.startIndex)
    while leftIndex < left.endIndex, rightIndex < right.endIndex {
      if precedes(right[rightIndex], left[leftIndex]) {
        result.append(right[rightIndex])
        rightIndex += 1
      } else {
        result.append(left[leftIndex])
        leftIndex += 1
      }
    }
    result.append(contentsOf: left[leftIndex...])
    result.append(contentsOf: right[rightIndex...])
    return result
  }

  /// Computes on all cores every key value the comparison sort below will ask for: the first
  /// key of every item, and each later key of the items that tie with another item on all
  /// keys before it (a sort compares each item with its neighbours in the result, and items
  /// tied so far end up side by side). Values already in the table are kept. The sort then
  /// finds every value it needs here, and sorts exactly as with values computed on demand.
  /// Returns the twins found, each position to its representative: a twin's values are its
  /// representative's on every key.
  private func fillKeys(
    _ table: SortKeyTable, items: [Int], keys: [CSL.SortKey], numbers: ItemTable<Int>, mode: RenderMode,
    states: ItemTable<DisambiguationState>
  ) -> [Int: Int] {
    // Positions still tied on the keys so far, each with the number of its group of ties.
    var tied = items.indices.map { (position: $0, group: 0) }
    var twins: [Int: Int] = [:]
    for key in keys.indices {
      let missing = tied.map(\.position).filter { table.values[$0][key] == nil }
      // Twins (`ItemTwin`) are computed once: copies of one work tie on every key, and twins
      // tie, or not, together (a second sort resets their keys together too).
      if key == 0 {
        let found = ItemTwin.representatives(missing) { position in
          let item = items[position]
          return ItemTwin(
            boxes[item], number: numbers[item], state: states[item] ?? DisambiguationState(), keys: keys,
            style: compiled)
        }
        for (position, representative) in zip(missing, found) where position != representative {
          twins[position] = representative
        }
      }
      let representatives = missing.map { twins[$0] ?? $0 }
      let distinct = zip(missing, representatives).filter { $0 == $1 }.map(\.0)
      let computed = ParallelMap.map(count: distinct.count) { range, chunkCache in
        range.map { offset in
          let item = items[distinct[offset]]
          return sortValueReading(
            item, key: keys[key], number: numbers[item], mode: mode, state: states[item] ?? DisambiguationState(),
            cache: chunkCache)
        }
      }
      for (position, value) in zip(distinct, computed) { table.set(position, key, value.value, reads: value.reads) }
      for (position, representative) in zip(missing, representatives) where position != representative {
        table.set(position, key, table.values[representative][key], reads: table.reads(representative, key))
      }
      guard key + 1 < keys.count else { break }
      tied = Self.stillTied(tied, values: table.values, key: key)
    }
    return twins
  }

  /// The entries of `tied` that share their group and their value of the next key with
  /// another entry, regrouped by both (values equal as `SortValue.compare` finds them equal).
  /// Each entry's value is hashed on all cores; the table of groups, filled on one, then hashes
  /// integers and compares values only where hashes meet.
  private static func stillTied(
    _ tied: [(position: Int, group: Int)], values: [[SortValue?]], key: Int
  ) -> [(position: Int, group: Int)] {
    let ties = ParallelMap.map(count: tied.count, minimumCount: ParallelMap.threshold, itemsPerChunk: 512) { range in
      range.map { index in
        let entry = tied[index]
        return Tie(group: entry.group, value: values[entry.position][key])
      }
    }
    var groups: [Tie: Int] = [:]
    groups.reserveCapacity(tied.count)
    var sizes: [Int] = []
    var regrouped: [(position: Int, group: Int)] = []
    regrouped.reserveCapacity(tied.count)
    for (entry, tie) in zip(tied, ties) {
      let group = groups.claim(tie, sizes.count) ?? sizes.count
      if group == sizes.count { sizes.append(0) }
      sizes[group] += 1
      regrouped.append((entry.position, group))
    }
    return regrouped.filter { sizes[$0.group] > 1 }
  }

  /// A group of ties and a key's value in it, as text (numbers by their digits, as
  /// `SortValue.compare` compares a number with a text), hashed where it is made.
  private struct Tie: Hashable, Sendable {
    let group: Int
    let value: HashedText?

    init(group: Int, value: SortValue?) {
      self.group = group
      switch value {
      case .number(let number): self.value = HashedText(String(number))
      case .text(let string): self.value = HashedText(string)
      case .missing, nil: self.value = nil
      }
    }
  }

  func sortValue(
    _ item: Int, key: CSL.SortKey, number: Int?, mode: RenderMode, state: DisambiguationState = DisambiguationState(),
    cache: RenderCache? = nil
  ) -> SortValue {
    sortValueReading(item, key: key, number: number, mode: mode, state: state, cache: cache).value
  }

  /// `sortValue` with what its rendering read of the item's settings.
  func sortValueReading(
    _ item: Int, key: CSL.SortKey, number: Int?, mode: RenderMode, state: DisambiguationState = DisambiguationState(),
    cache: RenderCache? = nil
  ) -> (value: SortValue, reads: SortKeyReads) {
    let renderer = sortRenderer(item, key: key, number: number, mode: mode, state: state, cache: cache)
    let value = sortValue(key, number: number, renderer: renderer)
    return (
      value,
      SortKeyReads(state: state, levelsMatter: renderer.nameLevelsMatter, addNamesNeeded: renderer.addNamesNeeded)
    )
  }

  /// The renderer of one sort key value.
  private func sortRenderer(
    _ item: Int, key: CSL.SortKey, number: Int?, mode: RenderMode, state: DisambiguationState, cache: RenderCache?
  ) -> Renderer {
    var context = CiteContext()
    context.citationNumber = number
    let lookup = VariableLookup(box: boxes[item], cite: context, yearSuffixText: nil, presence: presence[item])
    let style = compiled.forItem(language: lookup.language)
    let renderer = Renderer(
      compiled: cache?.privateStyle(style) ?? style, lookup: consume lookup, mode: .sort, disambiguation: state)
    if mode == .citation {
      renderer.citesNameOptions = true
    }
    renderer.sortNameOverrides = (key.namesMin, key.namesUseFirst, key.namesUseLast)
    renderer.cache = cache
    return renderer
  }

  /// A sort key's value, rendered by `renderer` (made for the item by `sortRenderer`).
  private func sortValue(_ key: CSL.SortKey, number: Int?, renderer: Renderer) -> SortValue {
    switch key.source {
    case .variable(let name):
      if name == .citationNumber { return number.map(SortValue.number) ?? .missing }
      if CSLVariables.names.contains(name) {
        let rendered = renderer.renderNames(renderer.cache?.sortNames(name) ?? CSL.Names(variables: [name]))
        return text(rendered.node)
      }
      if CSLVariables.dates.contains(name) {
        guard let date = renderer.lookup.date(name), !date.parts.isEmpty else { return .missing }
        return .text(Renderer.sortKey(date))
      }
      guard let value = renderer.lookup.text(name) else { return .missing }
      if CSLVariables.numbers.contains(name), let integer = NumberText.leadingInteger(value) {
        return .number(integer)
      }
      return text(RichText.parse(value))
    case .macro(let name):
      guard let elements = renderer.compiled.macro(name) else {
        return .missing
      }
      let rendered = renderer.render(elements, delimiter: nil)
      // citeproc-js: a macro key is a group too; variables all empty make it missing.
      if rendered.calledVariable && !rendered.renderedVariable { return .missing }
      return text(rendered.node)
    }
  }

  /// A plain string's sort key, folded as the style's sort keys are.
  func sortText(_ plain: String) -> SortValue { text(.text(plain)) }

  /// `sortText` with every character read from the string, none from its bytes: what the
  /// byte paths must agree with (tests).
  func sortTextByCharacters(_ plain: String) -> SortValue { text(.text(plain), byCharacters: true) }

  private func text(_ node: Node, byCharacters: Bool = false) -> SortValue {
    // The plain text's bytes, gathered once: read from them, and made a string only where
    // characters must be read (made a string first, then copied to an array of bytes, the
    // text cost two more allocations a key).
    var raw: [UInt8] = []
    raw.reserveCapacity(64)
    node.appendPlainText(to: &raw)
    let isPlainASCII = !raw.contains { $0.leavesPlainASCII }
    let (tailoring, digraphCH) = Self.letterTailoring(compiled.style.defaultLocale)
    // Gathered as UTF-8 bytes and made a string once: appending to a string's scalars cost
    // some 450 instructions a character.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(raw.count)
    var previousWasC = false
    func add(ascii: UInt8) {
      switch ascii {
      case _ where (ascii == 0x48 || ascii == 0x68) && digraphCH && previousWasC:
        // Czech and Slovak: "ch" is a letter of its own, after "h" (the "c" before it was
        // folded to one byte).
        bytes.removeLast()
        bytes.append(utf8: "h~")
      case 0x41...0x5A: bytes.append(ascii + 0x20)
      case 0x61...0x7A, 0x30...0x39, 0x20: bytes.append(ascii)
      default: break
      }
      previousWasC = ascii == 0x43 || ascii == 0x63
    }
    // ASCII without carriage returns: one byte per character, folded on the bytes.
    if isPlainASCII && !byCharacters {
      for byte in raw { add(ascii: byte) }
      return Self.keyText(String(decoding: bytes, as: UTF8.self))
    }
    let firstScripts = Self.firstScripts(compiled.style.defaultLocale)
    let pinyin = (compiled.style.defaultLocale ?? "").lowercased().hasPrefix("zh")
    // Character by character, but a lone ASCII character (neither a carriage return nor
    // followed by a byte of a longer character: names and titles are mostly ASCII) is read
    // from a copy of the bytes; any other from the string, at the place the bytes reached.
    let plain = String(decoding: raw, as: UTF8.self)
    let utf8 = plain.utf8
    var offset = 0
    while offset < raw.count {
      let byte = raw[offset]
      if !byCharacters && byte < 0x80 && byte != 0x0D && (offset + 1 == raw.count || raw[offset + 1] < 0x80) {
        add(ascii: byte)
        offset += 1
        continue
      }
      // A scalar of two bytes (U+0080–U+07FF: Latin, Greek, Cyrillic, Armenian, Hebrew,
      // Arabic …) is a character by itself when it prepends to nothing and what follows joins
      // nothing before it: ASCII, the end, or another two-byte scalar that is no mark or format
      // character (every other joining rule needs three bytes or more). Its folding then comes
      // from a table the character path below made, unless the locale puts its script first.
      // Without a tailoring only; grapheme breaking cost some 1,400 instructions a character
      // (a Cyrillic or Greek title took it for every letter).
      if !byCharacters && tailoring.isEmpty && (0xC2...0xDF).contains(byte) && offset + 1 < raw.count
        && Self.endsCharacter(raw, at: offset + 2)
      {
        let value = Int(byte & 0x1F) << 6 | Int(raw[offset + 1] & 0x3F)
        if let folded = Self.twoByteFolded(value),
          firstScripts.isEmpty || !firstScripts.contains(where: { $0.contains(UInt32(value)) })
        {
          previousWasC = false
          bytes.append(contentsOf: folded)
          offset += 2
          continue
        }
      }
      let cursor = utf8.index(utf8.startIndex, offsetBy: offset)
      let character = plain[cursor]
      offset = utf8.distance(from: utf8.startIndex, to: plain.index(after: cursor))
      if let ascii = character.asciiValue {
        add(ascii: ascii)
        continue
      }
      previousWasC = false
      if !(character.isLetter || character.isNumber) { continue }
      if !tailoring.isEmpty, let replacement = tailoring[Character(character.lowercased())] {
        bytes.append(utf8: replacement)
        continue
      }
      if let scalar = character.unicodeScalars.first,
        firstScripts.contains(where: { $0.contains(scalar.value) })
      {
        // The locale's own script sorts after digits and before Latin (as ICU's collation
        // for the style's locale): ":" is the byte between them, and folding drops it elsewhere.
        bytes.append(0x3A)
        // Chinese collation orders Han characters by their pinyin (王 wang before 佚 yi); a
        // character the table lacks follows the ones it holds.
        if pinyin, let syllable = PinyinTable.syllable(character) { bytes.append(utf8: syllable) }
      }
      Self.appendFolded(Character(character.lowercased()), to: &bytes)
    }
    return Self.keyText(String(decoding: bytes, as: UTF8.self))
  }

  /// What the character path of `text` appends for each two-byte scalar (U+0080 to U+07FF)
  /// read as a character of its own, without a tailoring or a script put first: nothing for a
  /// character that is neither a letter nor a number, else its lowercase folded
  /// (`appendFolded`). Nil where the lowercase is not one character, and for marks, format and
  /// control characters and those that prepend to the next (the character path reads them,
  /// as before).
  static func twoByteFolded(_ value: Int) -> [UInt8]? {
    value <= 0x24F ? latinFolds[value - 0x80] : otherTwoByteFolds[value - 0x250]
  }

  /// `twoByteFolded` in two tables, Latin (U+0080–U+024F) and the rest, so that a text
  /// without other scripts never makes the larger table (some 2 ms).
  private static let latinFolds: [[UInt8]?] = (0x80...0x24F).map(folded)
  private static let otherTwoByteFolds: [[UInt8]?] = (0x250...0x7FF).map(folded)

  private static func folded(_ value: Int) -> [UInt8]? {
    guard let scalar = Unicode.Scalar(value), !joinsNeighbours(scalar) else { return nil }
    let character = Character(scalar)
    guard character.isLetter || character.isNumber else { return [] }
    let lower = character.lowercased()
    guard lower.count == 1, let folded = lower.first else { return nil }
    var bytes: [UInt8] = []
    appendFolded(folded, to: &bytes)
    return bytes
  }

  /// Two-byte scalars that may join the scalar before them or after them into one character:
  /// marks, and format and control characters (the Arabic and Syriac signs that prepend to
  /// the next scalar, U+0600–U+0605, U+06DD and U+070F, are format characters).
  private static let twoByteJoins: [Bool] = (0x80...0x7FF).map { value in
    Unicode.Scalar(value).map(joinsNeighbours) ?? true
  }

  private static func joinsNeighbours(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
      return true
    default:
      return false
    }
  }

  /// Whether a character ends before `offset` of valid UTF-8 `raw`: at the end, before ASCII
  /// (no ASCII byte joins what precedes it), or before a two-byte scalar that joins nothing
  /// before it.
  static func endsCharacter(_ raw: [UInt8], at offset: Int) -> Bool {
    guard offset < raw.count else { return true }
    let next = raw[offset]
    if next < 0x80 { return true }
    guard (0xC2...0xDF).contains(next), offset + 1 < raw.count else { return false }
    let value = Int(next & 0x1F) << 6 | Int(raw[offset + 1] & 0x3F)
    return !twoByteJoins[value - 0x80]
  }

  /// A folded key: blank is missing; a leading space stays, as citeproc-js keeps it as a
  /// separator that sorts before any letter (" (ISO 21378)" before "Adams").
  private static func keyText(_ folded: String) -> SortValue {
    let trimmed = folded.droppingTrailingSpaces()
    return trimmed.isEmpty ? .missing : .text(trimmed)
  }

  /// Scripts the collation of a locale puts before Latin (CLDR's reordering for the
  /// language; Japanese keeps Latin first).
  static func firstScripts(_ locale: String?) -> [ClosedRange<UInt32>] {
    guard let locale else { return [] }
    let lowered = locale.lowercased()
    let language = lowered.split(separator: "-").first.map(String.init) ?? lowered
    let han: [ClosedRange<UInt32>] = [
      0x2E80...0x2FDF, 0x3100...0x312F, 0x3400...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF,
    ]
    let arabic: [ClosedRange<UInt32>] = [
      0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF,
    ]
    switch language {
    case "zh": return han
    case "ko": return [0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF] + han
    case "ar", "fa", "ur", "ps", "bal", "brh": return arabic
    case "pa": return lowered.contains("pk") || lowered.contains("arab") ? arabic : [0x0A00...0x0A7F]
    case "sr": return lowered.contains("latn") ? [] : [0x0400...0x052F]
    case "ru", "uk", "bg", "be", "mk", "kk", "mn", "ky", "tg": return [0x0400...0x052F]
    case "el": return [0x0370...0x03FF, 0x1F00...0x1FFF]
    case "he", "yi": return [0x0590...0x05FF]
    case "th": return [0x0E00...0x0E7F]
    case "hy": return [0x0530...0x058F]
    case "ka": return [0x10A0...0x10FF]
    case "hi", "mr", "ne": return [0x0900...0x097F]
    case "km": return [0x1780...0x17FF]
    default: return []
    }
  }

  /// Letters the collation of a locale sorts as letters of their own (CLDR tailorings), as a
  /// folded spelling that sorts right after the base letter ("~" follows every ASCII letter);
  /// and whether "ch" is one letter (Czech, Slovak).
  static func letterTailoring(_ locale: String?) -> (letters: [Character: String], digraphCH: Bool) {
    guard let locale, locale.utf8.count >= 2 else { return ([:], false) }
    let bytes = Array(locale.utf8.prefix(3))
    if bytes.count == 3, bytes[2] != UInt8(ascii: "-") && bytes[2] != UInt8(ascii: "_") { return ([:], false) }
    switch (bytes[0] | 0x20, bytes[1] | 0x20) {
    case (0x63, 0x73): return (czech, true)  // cs
    case (0x73, 0x6B): return (slovak, true)  // sk
    case (0x70, 0x6C): return (polish, false)  // pl
    case (0x74, 0x72): return (turkish, false)  // tr
    case (0x73, 0x76), (0x66, 0x69): return (swedish, false)  // sv, fi
    case (0x64, 0x61), (0x6E, 0x62), (0x6E, 0x6E), (0x6E, 0x6F): return (danish, false)  // da, nb, nn, no
    case (0x65, 0x73): return (["ñ": "n~"], false)  // es
    case (0x72, 0x6F): return (romanian, false)  // ro
    case (0x68, 0x72), (0x62, 0x73): return (croatian, false)  // hr, bs
    default: return ([:], false)
    }
  }

  private static let czech: [Character: String] = ["č": "c~", "ř": "r~", "š": "s~", "ž": "z~"]
  private static let slovak: [Character: String] = ["ä": "a~", "č": "c~", "ô": "o~", "š": "s~", "ž": "z~"]
  private static let polish: [Character: String] = [
    "ą": "a~", "ć": "c~", "ę": "e~", "ł": "l~", "ń": "n~", "ó": "o~", "ś": "s~", "ź": "z~", "ż": "z~~",
  ]
  private static let turkish: [Character: String] = [
    "ç": "c~", "ğ": "g~", "ı": "h~", "ö": "o~", "ş": "s~", "ü": "u~",
  ]
  private static let swedish: [Character: String] = [
    "å": "z~a", "ä": "z~b", "æ": "z~b", "ö": "z~c", "ø": "z~c",
  ]
  private static let danish: [Character: String] = [
    "æ": "z~a", "ä": "z~a", "ø": "z~b", "ö": "z~b", "å": "z~c",
  ]
  private static let romanian: [Character: String] = [
    "ă": "a~", "â": "a~~", "î": "i~", "ș": "s~", "ş": "s~", "ț": "t~", "ţ": "t~",
  ]
  private static let croatian: [Character: String] = ["č": "c~", "ć": "c~~", "đ": "d~", "š": "s~", "ž": "z~"]

  /// Appends the character with its diacritics dropped for comparison (é → e), as UTF-8.
  static func appendFolded(_ character: Character, to bytes: inout [UInt8]) {
    guard !character.isASCII else {
      bytes.append(utf8: String(character))
      return
    }
    for scalar in String(character).decomposedScalars where !(0x0300...0x036F).contains(scalar.value) {
      bytes.append(contentsOf: scalar.utf8)
    }
  }
}

extension String {
  /// Canonical decomposition without Foundation.
  var decomposedScalars: [Unicode.Scalar] {
    var result: [Unicode.Scalar] = []
    for scalar in unicodeScalars {
      if let mapping = Self.latinDecomposition[scalar] {
        result.append(contentsOf: mapping.unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return result
  }

  private static let latinDecomposition: [Unicode.Scalar: String] = {
    let pairs: [(String, String)] = [
      ("àáâãäåā", "a"), ("çćč", "c"), ("èéêëēěę", "e"), ("ìíîïī", "i"), ("ñńň", "n"),
      ("òóôõöøō", "o"), ("ùúûüūů", "u"), ("ýÿ", "y"), ("šś", "s"), ("žźż", "z"), ("ł", "l"), ("řŕ", "r"),
      ("ďđ", "d"), ("ťţ", "t"), ("ğ", "g"),
    ]
    var table: [Unicode.Scalar: String] = [:]
    for (accented, base) in pairs {
      for scalar in accented.unicodeScalars { table[scalar] = base }
    }
    return table
  }()
}
