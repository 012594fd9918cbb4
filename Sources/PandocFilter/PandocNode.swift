import BibModel

/// Builders and readers for pandoc AST nodes as JSON (`{"t": "Str", "c": "word"}`): the filter
/// works on the JSON tree itself, so every node it does not touch goes back byte for byte in
/// meaning (member order and number literals kept).
public enum PandocNode {
  /// A node with a tag and, unless nil, content.
  public static func node(_ tag: String, _ content: JSONValue? = nil) -> JSONValue {
    var members = [JSONMember(key: "t", value: .string(tag))]
    if let content { members.append(JSONMember(key: "c", value: content)) }
    return .object(JSONObject(members))
  }

  public static let space = node("Space")

  public static func str(_ text: String) -> JSONValue { node("Str", .string(text)) }

  /// `(id, classes, key-value pairs)`.
  public static func attr(id: String = "", classes: [String] = [], pairs: [(String, String)] = []) -> JSONValue {
    .array([
      .string(id), .array(classes.map { .string($0) }),
      .array(pairs.map { .array([.string($0.0), .string($0.1)]) }),
    ])
  }

  public static func span(classes: [String], _ content: [JSONValue]) -> JSONValue {
    node("Span", .array([attr(classes: classes), .array(content)]))
  }

  public static func link(url: String, _ content: [JSONValue]) -> JSONValue {
    node("Link", .array([attr(), .array(content), .array([.string(url), .string("")])]))
  }

  public static func div(
    id: String, classes: [String], pairs: [(String, String)] = [], _ blocks: [JSONValue]
  )
    -> JSONValue
  {
    node("Div", .array([attr(id: id, classes: classes, pairs: pairs), .array(blocks)]))
  }

  public static func para(_ inlines: [JSONValue]) -> JSONValue { node("Para", .array(inlines)) }

  /// Text as pandoc's readers give it: words as `Str`, each run of white space one `Space`.
  public static func words(_ text: String) -> [JSONValue] {
    var output: [JSONValue] = []
    var word = ""
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar == " " || scalar == "\n" || scalar == "\t" {
        pendingSpace = true
        continue
      }
      if pendingSpace {
        if !word.isEmpty { output.append(str(word)) }
        output.append(space)
        word = ""
        pendingSpace = false
      }
      word.unicodeScalars.append(scalar)
    }
    if !word.isEmpty { output.append(str(word)) }
    if pendingSpace { output.append(space) }
    return output
  }

  /// The tag of a node (`Str`, `Para`, …), nil for anything else.
  public static func tag(_ value: JSONValue) -> String? {
    value.objectValue?["t"]?.stringValue
  }

  /// The content of a node.
  public static func content(_ value: JSONValue) -> JSONValue? {
    value.objectValue?["c"]
  }

  /// The text of inlines (or blocks) without markup, as pandoc's `stringify`.
  public static func plainText(_ values: [JSONValue]) -> String {
    var output = ""
    for value in values { appendPlainText(value, to: &output) }
    return output
  }

  private static func appendPlainText(_ value: JSONValue, to output: inout String) {
    switch tag(value) {
    case "Str": output += content(value)?.stringValue ?? ""
    case "Space", "SoftBreak": output += " "
    case "LineBreak": output += "\n"
    case "Code", "Math": output += content(value)?.arrayValue?.last?.stringValue ?? ""
    case "Note", "RawInline": break
    case "Quoted":
      let single = content(value)?.arrayValue?.first.flatMap(tag) == "SingleQuote"
      let quote = single ? ("\u{2018}", "\u{2019}") : ("\u{201C}", "\u{201D}")
      output += quote.0
      appendPlainText(.array(content(value)?.arrayValue?.last?.arrayValue ?? []), to: &output)
      output += quote.1
    default:
      // Emph, Span, Link, Para, …: walk the content; attributes and targets are bare strings,
      // which only `Str` (above) prints.
      switch value {
      case .array(let items):
        for item in items { appendPlainText(item, to: &output) }
      case .object:
        if let inner = content(value) { appendPlainText(inner, to: &output) }
      default: break
      }
    }
  }
}
