/// Reading a citations file straight from its bytes, in the shape `cited render --citations`
/// files usually have: an array of citation objects with `id` (a string), `noteIndex` (an
/// integer) and `items`, each item an object with a string `id`, `locator`, `label`, `prefix`
/// and `suffix`, the flags `suppress-author`, `author-only` and `near-note` (true or false) and
/// an integer `position`. Anything else (another key or type, numbers for strings, the older
/// shapes) makes the read give up, and the caller decodes the file through
/// the tree (`CSLJSON.decodeCitations`), which reads every shape. Through the tree, 10,000
/// citations took some 160 M instructions, most of them building and freeing the tree.
extension JSONParser {
  /// The citations in `bytes`, as `CSLJSON.decodeCitations` decodes the parsed file; nil when
  /// the file is not in the usual shape.
  public static func citations(_ bytes: [UInt8]) -> [Citation]? {
    bytes.withUnsafeBufferPointer { buffer in
      var parser = JSONParser(bytes: buffer)
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
        parser.index = 3
        parser.lineStart = 3
      }
      parser.skipWhitespace()
      guard let citations = parser.list({ $0.citation() }) else { return nil }
      parser.skipWhitespace()
      return parser.index == buffer.count ? citations : nil
    }
  }

  /// The array at `index`, each element read by `element`; nil when one is not read.
  private mutating func list<Element>(_ element: (inout JSONParser) -> Element?) -> [Element]? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
    var elements: [Element] = []
    if opensEmpty(closing: UInt8(ascii: "]")) { return elements }
    while true {
      skipWhitespace()
      guard let read = element(&self) else { return nil }
      elements.append(read)
      guard let step = step(closing: UInt8(ascii: "]")) else { return nil }
      if step == .closed { return elements }
    }
  }

  /// One citation object at `index`: `id`, `noteIndex` and `items` (required: without it the
  /// file may have an older shape).
  private mutating func citation() -> Citation? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "{"), !opensEmpty(closing: UInt8(ascii: "}"))
    else { return nil }
    var citation = Citation(cites: [])
    var hasItems = false
    while true {
      // A member given twice keeps its last value, as the tree's reading does.
      switch memberName() {
      case "id":
        guard let text = string() else { return nil }
        citation.id = text
      case "noteIndex":
        guard let number = integer() else { return nil }
        citation.noteIndex = number
      case "items":
        guard let cites = list({ $0.cite() }) else { return nil }
        citation.cites = cites
        hasItems = true
      default:
        return nil
      }
      guard let step = step(closing: UInt8(ascii: "}")) else { return nil }
      if step == .closed { break }
    }
    return hasItems ? citation : nil
  }

  /// One cite object at `index` (`CSLJSON.decodeCite`); it must have an `id`.
  private mutating func cite() -> Cite? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "{"), !opensEmpty(closing: UInt8(ascii: "}"))
    else { return nil }
    var cite = Cite(id: "")
    var hasID = false
    while true {
      // A member given twice keeps its last value, as the tree's reading does.
      guard let key = memberName(), read(key, into: &cite) else { return nil }
      hasID = hasID || key == "id"
      guard let step = step(closing: UInt8(ascii: "}")) else { return nil }
      if step == .closed { break }
    }
    return hasID ? cite : nil
  }

  /// The value of a cite's member `key` into `cite`; false for another key or type.
  private mutating func read(_ key: String, into cite: inout Cite) -> Bool {
    switch key {
    case "id", "locator", "label", "prefix", "suffix":
      guard let text = string() else { return false }
      switch key {
      case "id": cite.id = text
      case "locator": cite.locator = text
      case "label": cite.label = LocatorType(rawValue: text)
      case "prefix": cite.prefix = text
      default: cite.suffix = text
      }
    case "suppress-author", "author-only", "near-note":
      guard let flag = flag() else { return false }
      switch key {
      case "suppress-author": cite.suppressAuthor = flag
      case "author-only": cite.authorOnly = flag
      default: cite.nearNote = flag
      }
    case "position":
      guard let number = integer() else { return false }
      cite.position = CitePosition(testSuiteNumber: number)
    default:
      return false
    }
    return true
  }

  /// A member name and the `:` after it (with the blanks around both), at `index` after
  /// blanks; nil for anything else.
  private mutating func memberName() -> String? {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = try? parseString() else { return nil }
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
    index += 1
    skipWhitespace()
    return key
  }

  /// A string value at `index`.
  private mutating func string() -> String? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
    return try? parseString()
  }

  /// `true` or `false` at `index`.
  private mutating func flag() -> Bool? {
    if (try? expectLiteral("true")) != nil { return true }
    if (try? expectLiteral("false")) != nil { return false }
    return nil
  }

  /// A number at `index` that `Int` reads (no fraction or exponent, not too large); nil for
  /// any other value.
  private mutating func integer() -> Int? {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "-") || (0x30...0x39).contains(bytes[index]),
      let literal = try? parseNumber()
    else { return nil }
    return Int(literal)
  }
}
