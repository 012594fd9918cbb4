import XMLTree

/// Character references written escaped in a style (`prefix="&amp;#160;"`, so the attribute
/// holds the text `&#160;`). Style authors mean the character, and citeproc-js prints it, so
/// the parser decodes numeric references (`&#160;`, `&#x2009;`) and `&lt;`/`&gt;` in every
/// attribute value and text node once, before anything else reads the tree. `&amp;` stays as
/// written, as citeproc-js leaves it.
enum EscapedCharacters {
  /// The element with escaped references in its attributes and text decoded, recursively.
  static func decoded(_ element: XMLElement) -> XMLElement {
    var copy = element
    decode(&copy)
    return copy
  }

  /// Decodes in place, rewriting only the attributes, texts and elements that hold a `&`: a
  /// style has a few, and copying every element of the tree to find them cost more than
  /// parsing the XML.
  private static func decode(_ element: inout XMLElement) {
    for index in element.attributes.indices where hasAmpersand(element.attributes[index].value) {
      element.attributes[index].value = decoded(element.attributes[index].value)
    }
    for index in element.children.indices {
      switch element.children[index] {
      case .element(var child):
        guard containsAmpersand(child) else { continue }
        // Taken out of the list while it changes, so its own lists are not copied.
        element.children[index] = .text("")
        decode(&child)
        element.children[index] = .element(child)
      case .text(let text) where hasAmpersand(text): element.children[index] = .text(decoded(text))
      case .text: break
      }
    }
  }

  /// Whether an attribute or a text anywhere in the element holds a `&`.
  private static func containsAmpersand(_ element: XMLElement) -> Bool {
    if element.attributes.contains(where: { hasAmpersand($0.value) }) { return true }
    return element.children.contains { child in
      switch child {
      case .element(let element): containsAmpersand(element)
      case .text(let text): hasAmpersand(text)
      }
    }
  }

  private static func hasAmpersand(_ text: String) -> Bool { text.utf8.contains(UInt8(ascii: "&")) }

  /// The text with numeric character references and `&lt;`/`&gt;` replaced by their
  /// characters; anything malformed or out of range stays as written.
  static func decoded(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let ampersand = rest.firstIndex(of: "&") {
      result += rest[..<ampersand]
      let tail = rest[ampersand...]
      if let (character, length) = reference(at: tail) {
        result.append(character)
        rest = tail.dropFirst(length)
      } else {
        result.append("&")
        rest = tail.dropFirst()
      }
    }
    result += rest
    return result
  }

  /// The character a reference at the start of `text` stands for, and its length in characters.
  private static func reference(at text: Substring) -> (Character, Int)? {
    if text.hasPrefix("&lt;") { return ("<", 4) }
    if text.hasPrefix("&gt;") { return (">", 4) }
    guard text.hasPrefix("&#"), let semicolon = text.prefix(12).firstIndex(of: ";") else { return nil }
    var digits = text[text.index(text.startIndex, offsetBy: 2)..<semicolon]
    var radix = 10
    if digits.first == "x" || digits.first == "X" {
      digits = digits.dropFirst()
      radix = 16
    }
    guard !digits.isEmpty, let code = UInt32(digits, radix: radix), code != 0,
      let scalar = Unicode.Scalar(code)
    else { return nil }
    return (Character(scalar), text.distance(from: text.startIndex, to: semicolon) + 1)
  }
}
