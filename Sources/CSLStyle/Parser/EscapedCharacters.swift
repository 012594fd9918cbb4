import XMLTree

/// Character references written escaped in a style (`prefix="&amp;#160;"`, so the attribute
/// holds the text `&#160;`). Style authors mean the character, and citeproc-js prints it, so
/// the parser decodes numeric references (`&#160;`, `&#x2009;`) and `&lt;`/`&gt;` in every
/// attribute value and text node once, before anything else reads the tree. `&amp;` stays as
/// written, as citeproc-js leaves it.
enum EscapedCharacters {
  /// The element with escaped references in its attributes and text decoded, recursively.
  static func decoded(_ element: XMLElement) -> XMLElement { changed(element) ?? element }

  /// The element decoded, or nil when nothing in it holds a `&`. One walk of the tree, and
  /// only the elements on the way to a change are copied: a style has a few references, and
  /// copying every element to find them cost more than parsing the XML.
  private static func changed(_ element: XMLElement) -> XMLElement? {
    var copy: XMLElement?
    for index in element.attributes.indices where hasAmpersand(element.attributes[index].value) {
      if copy == nil { copy = element }
      copy?.attributes[index].value = decoded(element.attributes[index].value)
    }
    for index in element.children.indices {
      let replacement: XMLNode
      switch element.children[index] {
      case .element(let child):
        guard let decodedChild = changed(child) else { continue }
        replacement = .element(decodedChild)
      case .text(let text) where hasAmpersand(text): replacement = .text(decoded(text))
      case .text: continue
      }
      if copy == nil { copy = element }
      copy?.children[index] = replacement
    }
    return copy
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
