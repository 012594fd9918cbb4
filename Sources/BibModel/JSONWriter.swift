/// Writes `JSONValue`s deterministically: two-space indentation, members in their order,
/// non-ASCII text kept as is (only what JSON requires is escaped). Short arrays of scalars
/// (date-parts) stay on one line so diffs stay small.
public enum JSONWriter {
  public static func write(_ value: JSONValue, pretty: Bool = true) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(256)
    if pretty {
      JSONByteWriter.writePretty(value, into: &output, indent: 0)
      output.append(0x0A)
    } else {
      JSONByteWriter.write(value, into: &output)
    }
    return String(decoding: output, as: UTF8.self)
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
}
