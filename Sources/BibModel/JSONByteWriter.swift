/// Writes a `JSONValue` as compact UTF-8 bytes, the same text as `JSONWriter.write(_:pretty: false)`.
///
/// For large outputs (a pandoc AST with a 10,000-entry bibliography is 12 MB) appending bytes
/// is several times faster than growing a `String` scalar by scalar: text that needs no
/// escaping, the usual case, is copied in one step.
public enum JSONByteWriter {
  public static func write(_ value: JSONValue) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(4096)
    write(value, into: &output)
    return output
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
