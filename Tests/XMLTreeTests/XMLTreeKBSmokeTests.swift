import Testing
import XMLTree

/// Present so the declared XMLTreeTests target has sources on this branch; checks one real behaviour.
@Test func parsesElementPositions() throws {
  let root = try XMLTreeParser.parse("<a>\n  <b x=\"1\"/>\n</a>", sourceName: "t.xml")
  #expect(root.name == "a")
  #expect(root.firstElement(named: "b")?[attribute: "x"] == "1")
  #expect(root.firstElement(named: "b")?.line == 2)
}
