import Testing
import XMLTree

@testable import CSLStyle

/// Escaped character references in a style's attributes and texts are decoded wherever they
/// are in the tree; everything else is left exactly as parsed.
@Suite struct EscapedCharactersTests {
  static func element(_ name: String, _ attributes: [String: String] = [:], _ children: [XMLNode] = []) -> XMLElement {
    XMLElement(
      name: name, attributes: attributes.sorted { $0.key < $1.key }.map { XMLAttribute(name: $0.key, value: $0.value) },
      children: children)
  }

  @Test func decodesReferencesDeepInTheTreeAndLeavesTheRest() {
    let deep = Self.element("text", ["prefix": "&#160;(", "suffix": "&#x2009;&amp;"])
    let plain = Self.element("text", ["variable": "title"])
    let root = Self.element(
      "style", [:],
      [
        .element(Self.element("macro", ["name": "a"], [.element(Self.element("group", [:], [.element(deep)]))])),
        .element(Self.element("macro", ["name": "b"], [.element(plain), .text("1 &lt; 2 &#38; &bogus; &#0;")])),
      ])
    let decoded = EscapedCharacters.decoded(root)
    let decodedDeep = decoded.elements[0].elements[0].elements[0]
    #expect(decodedDeep[attribute: "prefix"] == "\u{A0}(")
    #expect(decodedDeep[attribute: "suffix"] == "\u{2009}&amp;")
    #expect(decoded.elements[1].elements[0] == plain)
    #expect(decoded.elements[1].children.last == .text("1 < 2 & &bogus; &#0;"))
    // The input tree is a value: it keeps its escapes.
    #expect(root.elements[0].elements[0].elements[0] == deep)
    #expect(EscapedCharacters.decoded(plain) == plain)
  }
}
