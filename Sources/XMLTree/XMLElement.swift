/// One attribute of an element, in document order.
public struct XMLAttribute: Sendable, Hashable {
  /// The qualified name as written (`xml:lang`, `cs:form`, `form`).
  public var name: String
  /// The namespace URI of a prefixed attribute; nil for an unprefixed one.
  public var namespaceURI: String?
  public var value: String

  public init(name: String, namespaceURI: String? = nil, value: String) {
    self.name = name
    self.namespaceURI = namespaceURI
    self.value = value
  }
}

/// A child of an element: another element or a run of character data.
public enum XMLNode: Sendable, Hashable {
  case element(XMLElement)
  case text(String)
}

/// An immutable element with its position in the source (1-based line and column of `<`).
public struct XMLElement: Sendable, Hashable {
  /// The local name (without prefix).
  public var name: String
  public var namespaceURI: String?
  public var attributes: [XMLAttribute]
  public var children: [XMLNode]
  public var line: Int
  public var column: Int
  /// The namespace prefix the source used for this element, if any.
  public var qualifiedPrefix: String?

  public init(
    name: String, namespaceURI: String? = nil, attributes: [XMLAttribute] = [],
    children: [XMLNode] = [], line: Int = 0, column: Int = 0
  ) {
    self.name = name
    self.namespaceURI = namespaceURI
    self.attributes = attributes
    self.children = children
    self.line = line
    self.column = column
  }

  /// The value of the attribute with this (qualified) name.
  public subscript(attribute name: String) -> String? {
    attributes.first { $0.name == name }?.value
  }

  /// The child elements, in order.
  public var elements: [XMLElement] {
    children.compactMap {
      if case .element(let element) = $0 { return element }
      return nil
    }
  }

  /// The child elements with this local name.
  public func elements(named name: String) -> [XMLElement] {
    elements.filter { $0.name == name }
  }

  /// The first child element with this local name.
  public func firstElement(named name: String) -> XMLElement? {
    for case .element(let element) in children where element.name == name { return element }
    return nil
  }

  /// The concatenated character data of this element and its descendants.
  public var textContent: String {
    var result = ""
    for child in children {
      switch child {
      case .text(let text): result += text
      case .element(let element): result += element.textContent
      }
    }
    return result
  }
}
