/// Decoding a CSL-JSON item straight from the parser's bytes (`CSLJSONItem`). Each step returns
/// nil for anything it does not decode; the caller then reads the whole item through the tree.
extension JSONParser {
  /// An item member's key: `id`, `type` or a variable.
  private enum ItemKey {
    case id, type
    case variable(CSLVariable)
  }

  /// Member names seen so far in an item: known variables by ordinal, others by name.
  private struct SeenKeys {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var id = false
    var type = false
    var others: [String] = []

    /// Records `key`; false when the item already had it.
    mutating func insert(_ key: ItemKey) -> Bool {
      switch key {
      case .id:
        defer { id = true }
        return !id
      case .type:
        defer { type = true }
        return !type
      case .variable(let variable) where variable.ordinal >= 0 && variable.ordinal < 128:
        let bit: UInt64 = 1 << UInt64(variable.ordinal & 63)
        if variable.ordinal < 64 {
          defer { low |= bit }
          return low & bit == 0
        }
        defer { high |= bit }
        return high & bit == 0
      case .variable(let variable):
        guard !others.contains(variable.rawValue) else { return false }
        others.append(variable.rawValue)
        return true
      }
    }
  }

  private static var quote: UInt8 { 0x22 }

  /// The item at `index` (an object), or nil.
  mutating func cslItem() -> CSLJSONItem? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "{"), (try? enter()) != nil else { return nil }
    defer { depth -= 1 }
    let itemLine = line
    let itemColumn = column()
    index += 1
    var reference = Reference(id: "")
    reference.variables.reserveCapacity(16)
    var hasID = false
    var hasType = false
    var members: [CSLJSONItem.Member] = []
    members.reserveCapacity(16)
    var seen = SeenKeys()
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == Self.quote else { return nil }
      let keyLine = line
      let keyColumn = column()
      guard let (key, name) = itemKey(), seen.insert(key), colon() else { return nil }
      members.append(CSLJSONItem.Member(key: name, line: keyLine, column: keyColumn))
      switch key {
      case .id:
        guard bytes[index] == Self.quote, let text = try? parseString(), !text.isEmpty else { return nil }
        reference.id = text
        hasID = true
      case .type:
        guard let range = plainString(), let known = ItemType.known(raw(range)) else { return nil }
        reference.type = known
        hasType = true
      case .variable(let variable):
        guard read(variable, key: name, into: &reference) else { return nil }
      }
      guard let next = step(closing: UInt8(ascii: "}")) else { return nil }
      if next == .closed { break }
    }
    guard hasID, hasType else { return nil }
    return CSLJSONItem(reference: reference, line: itemLine, column: itemColumn, members: members)
  }

  /// What follows a member or an element: another one (`,`), or the end of the object or
  /// array (`closing`, which is consumed); nil for anything else.
  enum Step { case next, closed }

  /// Moves past the opening bracket at `index` and the blanks after it; true (the closing
  /// bracket consumed too) when the object or array is empty.
  mutating func opensEmpty(closing: UInt8) -> Bool {
    index += 1
    skipWhitespace()
    guard index < bytes.count && bytes[index] == closing else { return false }
    index += 1
    return true
  }

  mutating func step(closing: UInt8) -> Step? {
    skipWhitespace()
    guard index < bytes.count else { return nil }
    if bytes[index] == UInt8(ascii: ",") {
      index += 1
      return .next
    }
    guard bytes[index] == closing else { return nil }
    index += 1
    return .closed
  }

  /// Moves past the `:` after a member name and the blanks after it; false without one or
  /// without a value after it.
  private mutating func colon() -> Bool {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
    index += 1
    skipWhitespace()
    return index < bytes.count
  }

  /// Whether `bytes` are the ASCII bytes of `literal`.
  private static func equal(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard bytes.count == count else { return false }
    let start = literal.utf8Start
    for offset in 0..<count where bytes[offset] != start[offset] { return false }
    return true
  }

  /// The bytes in `range` as a raw buffer (for the known-name tables).
  private func raw(_ range: Range<Int>) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[range])
  }

  /// A string without escapes or control characters at `index`: the range of its bytes
  /// (between the quotes), the index moved past it. Nil for any other string or value.
  private mutating func plainString() -> Range<Int>? {
    guard index < bytes.count, bytes[index] == Self.quote else { return nil }
    let start = index + 1
    var end = start
    while end < bytes.count {
      let byte = bytes[end]
      if byte == Self.quote {
        index = end + 1
        return start..<end
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
      end += 1
    }
    return nil
  }

  /// A member name of an item, with the string it is kept under (the vocabulary's own for a
  /// known variable). Nil for `multi` (read through the tree) and for names with escapes.
  private mutating func itemKey() -> (ItemKey, String)? {
    guard let range = plainString() else { return nil }
    let key = raw(range)
    if Self.equal(key, "id") { return (.id, "id") }
    if Self.equal(key, "type") { return (.type, "type") }
    if let variable = CSLVariable.known(key) { return (.variable(variable), variable.rawValue) }
    if Self.equal(key, "multi") { return nil }
    let text = String(decoding: key, as: UTF8.self)
    guard text.utf8.elementsEqual(key) else { return nil }
    return (.variable(CSLVariable(rawValue: text)), text)
  }

  /// The value of a variable's member, decoded by the variable's kind into `reference` as
  /// `CSLJSON.decodeReference` keeps it; false when it is not decoded here.
  private mutating func read(_ variable: CSLVariable, key: String, into reference: inout Reference) -> Bool {
    switch variable.kind {
    case .name?:
      guard bytes[index] == UInt8(ascii: "["), let names = names() else { return false }
      reference.names[variable] = names
    case .date?:
      guard bytes[index] == UInt8(ascii: "{"), let date = date() else { return false }
      reference.dates[variable] = date
    default:
      switch bytes[index] {
      case Self.quote:
        guard let text = try? parseString() else { return false }
        reference.variables[variable] = text
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        guard let literal = try? parseNumber() else { return false }
        reference.variables[variable] = literal
        reference.numericVariables.insert(variable)
      default:
        guard let value = try? parseValue() else { return false }
        reference.extra[key] = value
      }
    }
    return true
  }

  /// A list of names at `index` (an array). Each name that is an object of string parts (and
  /// boolean flags) is read directly; any other entry is parsed and decoded as the tree
  /// reader decodes it.
  private mutating func names() -> [Name]? {
    guard (try? enter()) != nil else { return nil }
    defer { depth -= 1 }
    var names: [Name] = []
    if opensEmpty(closing: UInt8(ascii: "]")) { return names }
    names.reserveCapacity(4)  // (grown from empty, a list of three was made three times)
    while true {
      skipWhitespace()
      guard index < bytes.count else { return nil }
      let start = self
      // Written in place.
      names.append(Name())
      if bytes[index] != UInt8(ascii: "{") || !plainName(into: &names[names.count - 1]) {
        names.removeLast()
        self = start
        guard let value = try? parseValue() else { return nil }
        if case .object(let object) = value {
          names.append(CSLJSON.decodeName(object))
        } else if let text = value.stringValue {
          names.append(Name(literal: text))
        }
      }
      guard let next = step(closing: UInt8(ascii: "]")) else { return nil }
      if next == .closed { return names }
    }
  }

  /// A name object of string parts and boolean flags only, read into `name`; false for any
  /// other member.
  private mutating func plainName(into name: inout Name) -> Bool {
    if opensEmpty(closing: UInt8(ascii: "}")) { return true }
    while true {
      skipWhitespace()
      guard let range = plainString(), colon() else { return false }
      let key = raw(range)
      if let flag = NameFlag(key) {
        guard let value = boolean() else { return false }
        switch flag {
        case .commaSuffix: name.commaSuffix = value
        case .staticOrdering: name.staticOrdering = value
        case .parseNames: name.parseNames = value
        }
      } else {
        guard let part = NamePart(key), bytes[index] == Self.quote, let text = try? parseString() else { return false }
        switch part {
        case .family: name.family = text
        case .given: name.given = text
        case .droppingParticle: name.droppingParticle = text
        case .nonDroppingParticle: name.nonDroppingParticle = text
        case .suffix: name.suffix = text
        case .literal: name.literal = text
        }
      }
      guard let next = step(closing: UInt8(ascii: "}")) else { return false }
      if next == .closed { return true }
    }
  }

  /// `true` or `false` at `index`.
  private mutating func boolean() -> Bool? {
    if bytes[index] == UInt8(ascii: "t"), (try? expectLiteral("true")) != nil { return true }
    if bytes[index] == UInt8(ascii: "f"), (try? expectLiteral("false")) != nil { return false }
    return nil
  }

  /// A date at `index` (an object): `date-parts` of integers read directly, any other date
  /// parsed and decoded as the tree reader decodes it.
  private mutating func date() -> DateValue? {
    let start = self
    if let date = plainDate() { return date }
    self = start
    guard let value = try? parseValue() else { return nil }
    return CSLJSON.decodeDate(value)
  }

  /// A date object whose only members are `date-parts` of integers.
  private mutating func plainDate() -> DateValue? {
    var date = DateValue()
    if opensEmpty(closing: UInt8(ascii: "}")) { return date }
    while true {
      skipWhitespace()
      guard let range = plainString(), Self.equal(raw(range), "date-parts"), colon(),
        bytes[index] == UInt8(ascii: "["), list(of: { $0.dateParts() }, into: &date.parts)
      else { return nil }
      guard let next = step(closing: UInt8(ascii: "}")) else { return nil }
      if next == .closed { return date }
    }
  }

  /// One end of `date-parts` at `index`: an array of integers, the first three its year, month
  /// and day.
  private mutating func dateParts() -> DateParts? {
    guard bytes[index] == UInt8(ascii: "[") else { return nil }
    var numbers: [Int] = []
    guard list(of: { $0.integer() }, into: &numbers) else { return nil }
    var parts = DateParts(year: nil)
    if numbers.count > 0 { parts.year = numbers[0] }
    if numbers.count > 1 { parts.month = numbers[1] }
    if numbers.count > 2 { parts.day = numbers[2] }
    return parts
  }

  /// The elements of the array at `index`, each read by `element`, appended to `list`.
  private mutating func list<Element>(
    of element: (inout JSONParser) -> Element?, into list: inout [Element]
  ) -> Bool {
    if opensEmpty(closing: UInt8(ascii: "]")) { return true }
    while true {
      skipWhitespace()
      guard index < bytes.count, let value = element(&self) else { return false }
      list.append(value)
      guard let next = step(closing: UInt8(ascii: "]")) else { return false }
      if next == .closed { return true }
    }
  }

  /// An integer of at most 18 digits at `index` (no fraction, no exponent).
  private mutating func integer() -> Int? {
    var position = index
    let negative = bytes[position] == UInt8(ascii: "-")
    if negative { position += 1 }
    var value = 0
    var digits = 0
    while position < bytes.count, (0x30...0x39).contains(bytes[position]) {
      // Eighteen digits always fit; a longer number is read through the tree.
      guard digits < 18 else { return nil }
      value = value * 10 + Int(bytes[position] - 0x30)
      digits += 1
      position += 1
    }
    guard digits > 0 else { return nil }
    if position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
      default: break
      }
    }
    index = position
    return negative ? -value : value
  }

  /// The string parts of a name object.
  private enum NamePart {
    case family, given, droppingParticle, nonDroppingParticle, suffix, literal

    init?(_ key: UnsafeRawBufferPointer) {
      switch key.count {
      case 5 where JSONParser.equal(key, "given"): self = .given
      case 6 where JSONParser.equal(key, "family"): self = .family
      case 6 where JSONParser.equal(key, "suffix"): self = .suffix
      case 7 where JSONParser.equal(key, "literal"): self = .literal
      case 17 where JSONParser.equal(key, "dropping-particle"): self = .droppingParticle
      case 21 where JSONParser.equal(key, "non-dropping-particle"): self = .nonDroppingParticle
      default: return nil
      }
    }
  }

  /// The boolean flags of a name object.
  private enum NameFlag {
    case commaSuffix, staticOrdering, parseNames

    init?(_ key: UnsafeRawBufferPointer) {
      switch key.count {
      case 11 where JSONParser.equal(key, "parse-names"): self = .parseNames
      case 12 where JSONParser.equal(key, "comma-suffix"): self = .commaSuffix
      case 15 where JSONParser.equal(key, "static-ordering"): self = .staticOrdering
      default: return nil
      }
    }
  }
}
