/// Writes `JSONValue`s deterministically: two-space indentation, members in their order,
/// non-ASCII text kept as is (only what JSON requires is escaped). Short arrays of scalars
/// (date-parts) stay on one line so diffs stay small.
public enum JSONWriter {
  public static func write(_ value: JSONValue, pretty: Bool = true) -> String {
    var output = ""
    output.reserveCapacity(256)
    write(value, into: &output, indent: 0, pretty: pretty)
    if pretty { output += "\n" }
    return output
  }

  public static func escape(_ text: String, into output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{08}": output += "\\b"
      case "\u{0C}": output += "\\f"
      default:
        if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
  }

  private static func isScalar(_ value: JSONValue) -> Bool {
    switch value {
    case .array, .object: false
    default: true
    }
  }

  private static func write(_ value: JSONValue, into output: inout String, indent: Int, pretty: Bool) {
    switch value {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .number(let literal): output += literal
    case .string(let text): escape(text, into: &output)
    case .array(let items):
      if items.isEmpty {
        output += "[]"
      } else if !pretty || (items.count <= 8 && items.allSatisfy(isScalar))
        || items.allSatisfy({ item in
          if case .array(let inner) = item { return inner.count <= 3 && inner.allSatisfy(isScalar) }
          return false
        })
      {
        output += "["
        for (offset, item) in items.enumerated() {
          if offset > 0 { output += pretty ? ", " : "," }
          write(item, into: &output, indent: indent, pretty: false)
        }
        output += "]"
      } else {
        output += "[\n"
        for (offset, item) in items.enumerated() {
          output += String(repeating: "  ", count: indent + 1)
          write(item, into: &output, indent: indent + 1, pretty: pretty)
          output += offset + 1 < items.count ? ",\n" : "\n"
        }
        output += String(repeating: "  ", count: indent) + "]"
      }
    case .object(let object):
      if object.members.isEmpty {
        output += "{}"
        return
      }
      output += pretty ? "{\n" : "{"
      for (offset, member) in object.members.enumerated() {
        if pretty { output += String(repeating: "  ", count: indent + 1) }
        escape(member.key, into: &output)
        output += pretty ? ": " : ":"
        write(member.value, into: &output, indent: indent + 1, pretty: pretty)
        if offset + 1 < object.members.count { output += pretty ? ",\n" : "," } else if pretty { output += "\n" }
      }
      if pretty { output += String(repeating: "  ", count: indent) }
      output += "}"
    }
  }
}
