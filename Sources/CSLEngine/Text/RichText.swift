/// Parses the small HTML-like markup CSL data may carry (`<i>`, `<b>`, `<sup>`, `<sub>`,
/// `<sc>`, `<span style="font-variant:small-caps;">`, `<span class="nocase">`) and straight
/// double quotes into output nodes. Anything else is kept as text.
enum RichText {
  static func parse(_ text: String) -> Node {
    guard text.contains(where: { $0 == "<" || $0 == "\"" || $0 == "'" || $0 == "&" }) else {
      return .text(text)
    }
    var scanner = Scanner(characters: Array(text))
    let nodes = scanner.parse(until: nil)
    return nodes.count == 1 ? nodes[0] : .sequence(nodes)
  }

  private struct Scanner {
    let characters: [Character]
    var index = 0
    var inQuote = false

    static let tags: [(open: String, close: String, make: @Sendable ([Node]) -> Node)] = [
      ("<i>", "</i>", { .styled(.italic, $0) }),
      ("<em>", "</em>", { .styled(.italic, $0) }),
      ("<b>", "</b>", { .styled(.bold, $0) }),
      ("<strong>", "</strong>", { .styled(.bold, $0) }),
      ("<sup>", "</sup>", { .styled(.superscript, $0) }),
      ("<sub>", "</sub>", { .styled(.subscript, $0) }),
      ("<sc>", "</sc>", { .styled(.smallCaps, $0) }),
      ("<span style=\"font-variant:small-caps;\">", "</span>", { .styled(.smallCaps, $0) }),
      ("<span style=\"font-variant: small-caps;\">", "</span>", { .styled(.smallCaps, $0) }),
      ("<span class=\"nocase\">", "</span>", { .nocase($0) }),
      ("<span style=\"font-style:italic;\">", "</span>", { .styled(.italic, $0) }),
      ("<span style=\"font-weight:bold;\">", "</span>", { .styled(.bold, $0) }),
    ]

    func matches(_ literal: String) -> Bool {
      var position = index
      for character in literal {
        guard position < characters.count, characters[position] == character else { return false }
        position += 1
      }
      return true
    }

    /// The close tag that ends the current run, if it starts at `index`.
    mutating func parse(until close: String?) -> [Node] {
      var nodes: [Node] = []
      var buffer = ""
      func flush() {
        if !buffer.isEmpty { nodes.append(.text(buffer)); buffer = "" }
      }
      while index < characters.count {
        if let close, matches(close) {
          index += close.count
          flush()
          return nodes
        }
        let character = characters[index]
        if character == "<" {
          if let tag = Self.tags.first(where: { matches($0.open) }), hasClose(tag.close, after: index + tag.open.count) {
            flush()
            index += tag.open.count
            let children = parse(until: tag.close)
            nodes.append(tag.make(children))
            continue
          }
        } else if character == "\"" {
          if !inQuote, hasClose("\"", after: index + 1) {
            flush()
            index += 1
            inQuote = true
            let children = parse(until: "\"")
            inQuote = false
            nodes.append(.quoted(children))
            continue
          }
        } else if character == "'" {
          buffer.append("\u{2019}")
          index += 1
          continue
        } else if character == "&", matches("&amp;") {
          buffer.append("&")
          index += 5
          continue
        }
        buffer.append(character)
        index += 1
      }
      flush()
      return nodes
    }

    func hasClose(_ close: String, after start: Int) -> Bool {
      let first = close.first
      var position = start
      while position < characters.count {
        if characters[position] == first {
          var match = true
          var offset = 0
          for character in close {
            if position + offset >= characters.count || characters[position + offset] != character {
              match = false
              break
            }
            offset += 1
          }
          if match { return true }
        }
        position += 1
      }
      return false
    }
  }
}
