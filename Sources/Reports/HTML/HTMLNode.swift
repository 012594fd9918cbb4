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

  /// A link when `url` is http, https or mailto; otherwise the content alone (as text).
  public static func link(_ url: String, _ children: [HTMLNode], attributes: [(String, String)] = []) -> HTMLNode {
    guard URLPolicy.isAllowed(url) else { return el("span", [("class", "unlinked")], children) }
    return el("a", [("href", url)] + attributes, children)
  }

  private static let voidElements: Set<String> = ["br", "hr", "meta", "img", "col", "wbr", "link"]

  /// Serialises the node.
  public func render(into output: inout String) {
    switch self {
    case .text(let text):
      output += HTMLEscape.text(text)
    case .trusted(let markup):
      output += markup
    case .element(let name, let attributes, let children):
      output += "<" + name
      for attribute in attributes {
        output += " " + attribute.name + "=\"" + HTMLEscape.text(attribute.value) + "\""
      }
      if children.isEmpty && (HTMLNode.voidElements.contains(name) || HTMLNode.isSVGLeaf(name)) {
        output += " />"
        return
      }
      output += ">"
      for child in children { child.render(into: &output) }
      output += "</" + name + ">"
    }
  }

  private static func isSVGLeaf(_ name: String) -> Bool {
    ["line", "rect", "circle", "path", "polyline", "polygon", "ellipse"].contains(name)
  }

  /// The serialised markup.
  public var markup: String {
    var output = ""
    render(into: &output)
    return output
  }
}

/// Escaping for HTML/XML text and attribute values.
public enum HTMLEscape {
  /// Escapes `& < > " '` and drops characters XML forbids (C0 controls other than tab/newline).
  public static func text(_ text: String) -> String {
    let needsWork = text.utf8.contains { byte in
      byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
        || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0xEF
    }
    guard needsWork else { return text }
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&#39;"
      case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          output += "\u{FFFD}"
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output
  }
}

/// Which URLs may become links.
public enum URLPolicy {
  /// True for http:, https: and mailto: URLs (scheme compared case-insensitively, after trimming).
  public static func isAllowed(_ url: String) -> Bool {
    let trimmed = url.trimmingWhitespace.lowercased()
    guard !trimmed.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } ?? false }) else {
      return false
    }
    return trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") || trimmed.hasPrefix("mailto:")
  }
}
