/// Writes a `JSONValue` as UTF-8 bytes: compact, or in the canonical pretty layout
/// (`JSONWriter`'s text is these bytes).
///
/// For large outputs (a pandoc AST with a 10,000-entry bibliography is 12 MB, a 10,000-item
/// CSL-JSON file 6 MB) appending bytes is several times faster than growing a `String` scalar
/// by scalar: text that needs no escaping, the usual case, is copied in one step.
public enum JSONByteWriter {
  public static func write(_ value: JSONValue) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(4096)
    write(value, into: &output)
    return output
  }

  /// The pretty layout: two-space indentation, members in their order, an array of at most
  /// eight scalars (or of short arrays of scalars, like date-parts) on one line.
  public static func writePretty(_ value: JSONValue, into output: inout [UInt8], indent: Int) {
    switch value {
    case .array(let items) where !items.isEmpty && !staysOnOneLine(items):
      output += "[\n".utf8
      for (offset, item) in items.enumerated() {
        indentation(indent + 1, into: &output)
        writePretty(item, into: &output, indent: indent + 1)
        output += (offset + 1 < items.count ? ",\n" : "\n").utf8
      }
      indentation(indent, into: &output)
      output.append(UInt8(ascii: "]"))
    case .array(let items):
      output.append(UInt8(ascii: "["))
      for (offset, item) in items.enumerated() {
        if offset > 0 { output += ", ".utf8 }
        write(item, into: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let object) where !object.members.isEmpty:
      output += "{\n".utf8
      for (offset, member) in object.members.enumerated() {
        indentation(indent + 1, into: &output)
        writeString(member.key, into: &output)
        output += ": ".utf8
        writePretty(member.value, into: &output, indent: indent + 1)
        output += (offset + 1 < object.members.count ? ",\n" : "\n").utf8
      }
      indentation(indent, into: &output)
      output.append(UInt8(ascii: "}"))
    default:
      write(value, into: &output)
    }
  }

  private static func indentation(_ level: Int, into output: inout [UInt8]) {
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
  }

  private static func isScalar(_ value: JSONValue) -> Bool {
    switch value {
    case .array, .object: false
    default: true
    }
  }

  /// Whether a non-empty array is written on one line: at most eight scalars, or arrays of
  /// at most three scalars each.
  private static func staysOnOneLine(_ items: [JSONValue]) -> Bool {
    (items.count <= 8 && items.allSatisfy(isScalar))
      || items.allSatisfy { item in
        if case .array(let inner) = item { return inner.count <= 3 && inner.allSatisfy(isScalar) }
        return false
      }
  }

  public static func write(_ value: JSONValue, into output: inout [UInt8]) {
    switch value {
    case .null: output += "null".utf8
    case .bool(let flag): output += (flag ? "true" : "false").utf8
    case .number(let literal): output += literal.utf8
    case .string(let text): writeString(text, into: &output)
    case .array(let items):
      output.append(UInt8(ascii: "["))
      for (offset, item) in items.enumerated() {
        if offset > 0 { output.append(UInt8(ascii: ",")) }
        write(item, into: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let object):
      output.append(UInt8(ascii: "{"))
      for (offset, member) in object.members.enumerated() {
        if offset > 0 { output.append(UInt8(ascii: ",")) }
        writeString(member.key, into: &output)
        output.append(UInt8(ascii: ":"))
        write(member.value, into: &output)
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  /// A JSON string literal; escapes what `JSONWriter.escape` escapes.
  public static func writeString(_ text: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    if needsEscape(text) {
      var escaped = ""
      JSONWriter.escape(text, into: &escaped)
      output += escaped.utf8.dropFirst().dropLast()
    } else {
      output += text.utf8
    }
    output.append(UInt8(ascii: "\""))
  }

  /// Control characters, `"`, `\`, U+2028 and U+2029 (whose UTF-8 ends in 0xA8 or 0xA9).
  private static func needsEscape(_ text: String) -> Bool {
    var mayHaveSeparator = false
    for byte in text.utf8 {
      if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
      if byte == 0xA8 || byte == 0xA9 { mayHaveSeparator = true }
    }
    return mayHaveSeparator && text.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" }
  }
}
