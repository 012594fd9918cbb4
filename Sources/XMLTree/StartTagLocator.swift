/// Finds the line and column of every start tag by scanning the source text in document
/// order (libxml2 keeps only a line per node, and that line is where the tag ends).
/// Comments, CDATA sections and processing instructions are skipped.
struct StartTagLocator {
  private let bytes: [UInt8]
  private var offset = 0
  private var line = 1
  /// The column (in characters) of `bytes[offset]`, kept as the scan moves: counting from the
  /// line's start at every tag made one-line styles quadratic.
  private var column = 1

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  mutating func assignPositions(_ element: inout XMLElement) {
    let name = element.qualifiedPrefix.map { $0 + ":" + element.name } ?? element.name
    if let (foundLine, column) = nextStartTag(named: Array(name.utf8)) {
      element.line = foundLine
      element.column = column
    }
    for index in element.children.indices {
      if case .element(var child) = element.children[index] {
        // Taken out of the list while it changes, so its own lists are not copied.
        element.children[index] = .text("")
        assignPositions(&child)
        element.children[index] = .element(child)
      }
    }
  }

  /// What a scan skips whole: comments, CDATA sections, processing instructions.
  private static let skips: [([UInt8], [UInt8])] = [
    (Array("<!--".utf8), Array("-->".utf8)),
    (Array("<![CDATA[".utf8), Array("]]>".utf8)),
    (Array("<?".utf8), Array("?>".utf8)),
  ]

  /// A byte that may follow a tag's name: white space, `/` or `>`.
  private static func endsName(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "/"),
      UInt8(ascii: ">"):
      true
    default: false
    }
  }

  private mutating func advance(to target: Int) {
    while offset < target && offset < bytes.count {
      if bytes[offset] == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if bytes[offset] & 0xC0 != 0x80 {
        column += 1
      }
      offset += 1
    }
  }

  private func hasPrefix(_ prefix: [UInt8], at position: Int) -> Bool {
    guard position + prefix.count <= bytes.count else { return false }
    for (index, byte) in prefix.enumerated() where bytes[position + index] != byte { return false }
    return true
  }

  private func find(_ needle: [UInt8], from position: Int) -> Int? {
    var index = position
    while index + needle.count <= bytes.count {
      if hasPrefix(needle, at: index) { return index }
      index += 1
    }
    return nil
  }

  private mutating func nextStartTag(named name: [UInt8]) -> (Int, Int)? {
    let open = UInt8(ascii: "<")
    while offset < bytes.count {
      guard bytes[offset] == open else {
        advance(to: offset + 1)
        continue
      }
      var skipped = false
      for (start, end) in Self.skips where hasPrefix(start, at: offset) {
        let stop = find(end, from: offset + start.count).map { $0 + end.count } ?? bytes.count
        advance(to: stop)
        skipped = true
        break
      }
      if skipped { continue }
      let after = offset + 1 + name.count
      if hasPrefix(name, at: offset + 1), after == bytes.count || Self.endsName(bytes[after]) {
        let position = (line, column)
        advance(to: after)
        return position
      }
      advance(to: offset + 1)
    }
    return nil
  }
}
