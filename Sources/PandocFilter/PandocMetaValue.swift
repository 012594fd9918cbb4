import BibModel

/// Readings of pandoc metadata values (`MetaString`, `MetaInlines`, `MetaBool`, `MetaList`,
/// `MetaMap`, `MetaBlocks`) as the filter needs them.
enum PandocMetaValue {
  /// The text of a value: a string, or the plain text of inlines or blocks; nil for others.
  static func text(_ value: JSONValue) -> String? {
    switch PandocNode.tag(value) {
    case "MetaString": return PandocNode.content(value)?.stringValue
    case "MetaInlines", "MetaBlocks": return PandocNode.plainText(PandocNode.content(value)?.arrayValue ?? [])
    default: return nil
    }
  }

  /// One text or a list of texts.
  static func texts(_ value: JSONValue) -> [String]? {
    if PandocNode.tag(value) == "MetaList" {
      let items = PandocNode.content(value)?.arrayValue ?? []
      let texts = items.compactMap(text)
      return texts.count == items.count ? texts : nil
    }
    return text(value).map { [$0] }
  }

  /// `true`/`false`, also written as text (`"true"`, `yes`, `no`).
  static func bool(_ value: JSONValue) -> Bool? {
    if PandocNode.tag(value) == "MetaBool", case .bool(let flag) = PandocNode.content(value) { return flag }
    switch text(value)?.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default: return nil
    }
  }

  /// The inlines of a value (`MetaInlines`, or a string as words).
  static func inlines(_ value: JSONValue) -> [JSONValue]? {
    switch PandocNode.tag(value) {
    case "MetaInlines": return PandocNode.content(value)?.arrayValue
    case "MetaString": return PandocNode.content(value)?.stringValue.map(PandocNode.words)
    case "MetaBlocks":
      let blocks = PandocNode.content(value)?.arrayValue ?? []
      return blocks.count == 1 ? PandocNode.content(blocks[0])?.arrayValue : nil
    default: return nil
    }
  }

  /// A metadata value as CSL-JSON (inline `references`): maps to objects, lists to arrays,
  /// text to strings (integers inside `date-parts` to numbers), formatting to CSL-JSON's HTML-like markup.
  static func cslJSON(_ value: JSONValue, inDateParts: Bool = false) -> JSONValue {
    switch PandocNode.tag(value) {
    case "MetaMap":
      let members = PandocNode.content(value)?.objectValue?.members ?? []
      return .object(
        JSONObject(
          members.map {
            JSONMember(key: $0.key, value: cslJSON($0.value, inDateParts: inDateParts || $0.key == "date-parts"))
          }))
    case "MetaList":
      return .array((PandocNode.content(value)?.arrayValue ?? []).map { cslJSON($0, inDateParts: inDateParts) })
    case "MetaBool":
      return PandocNode.content(value) ?? .null
    default:
      let text = markup(PandocNode.content(value)?.arrayValue ?? []) ?? self.text(value) ?? ""
      if inDateParts, Int(text) != nil { return .number(text) }
      return .string(text)
    }
  }

  /// Inlines as CSL-JSON rich text (`<i>`, `<b>`, `<sup>`, `<sub>`, small caps), other nodes as
  /// text (`&` written `&amp;`, which the engine reads back); nil for no inlines.
  static func markup(_ inlines: [JSONValue]) -> String? {
    guard !inlines.isEmpty else { return nil }
    var output = ""
    for inline in inlines {
      let inner = PandocNode.content(inline)?.arrayValue ?? []
      switch PandocNode.tag(inline) {
      case "Emph": output += "<i>" + (markup(inner) ?? "") + "</i>"
      case "Strong": output += "<b>" + (markup(inner) ?? "") + "</b>"
      case "Superscript": output += "<sup>" + (markup(inner) ?? "") + "</sup>"
      case "Subscript": output += "<sub>" + (markup(inner) ?? "") + "</sub>"
      case "SmallCaps": output += "<span style=\"font-variant:small-caps;\">" + (markup(inner) ?? "") + "</span>"
      default:
        let text = PandocNode.plainText([inline])
        output += text.contains("&") ? text.replacingAmpersands : text
      }
    }
    return output
  }
}

extension String {
  fileprivate var replacingAmpersands: String {
    var output = ""
    for character in self { output += character == "&" ? "&amp;" : String(character) }
    return output
  }
}
