/// An escape-by-default HTML node tree, serialised as polyglot XHTML5 (well-formed XML).
///
/// Text and attribute values are always escaped (`& < > " '`). The only way to emit markup
/// unescaped is `.trusted`, reserved for citation-engine output that the engine escaped itself.
public indirect enum HTMLNode: Sendable, Hashable {
  case element(name: String, attributes: [Attribute], children: [HTMLNode])
  case text(String)
  case trusted(String)

  /// One attribute; names are fixed by Cited's code, values are escaped.
  public struct Attribute: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  /// An element with attributes given as pairs.
  public static func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [HTMLNode] = []) -> HTMLNode
  {
    .element(name: name, attributes: attributes.map { Attribute($0.0, $0.1) }, children: children)
  }

  private static let voidElements: Set<String> = ["br", "hr", "meta", "img", "col", "wbr", "link"]

  /// Serialises the node into a writer's output.
  public func write(into output: inout HTMLOutput) {
    switch self {
    case .text(let text):
      output.escaped(text)
    case .trusted(let markup):
      output.raw(markup)
    case .element(let name, let attributes, let children):
      if children.isEmpty && (HTMLNode.voidElements.contains(name) || HTMLNode.isSVGLeaf(name)) {
        output.void(name, attributes.map { ($0.name, $0.value) })
        return
      }
      output.open(name, attributes.map { ($0.name, $0.value) })
      for child in children { child.write(into: &output) }
      output.close(name)
    }
  }

  private static func isSVGLeaf(_ name: String) -> Bool {
    ["line", "rect", "circle", "path", "polyline", "polygon", "ellipse"].contains(name)
  }

  /// The serialised markup.
  public var markup: String {
    var output = HTMLOutput()
    write(into: &output)
    return output.text
  }
}
