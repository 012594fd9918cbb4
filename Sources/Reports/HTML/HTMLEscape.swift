/// Escaping for HTML/XML text and attribute values.
public enum HTMLEscape {
  /// Escapes `& < > " '` and replaces characters XML forbids (C0 controls other than tab and
  /// line breaks, U+FFFE, U+FFFF) with U+FFFD, as `HTMLOutput.escaped` writes them.
  public static func text(_ text: String) -> String {
    let needsWork = text.utf8.contains { byte in
      byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
        || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0xEF
    }
    guard needsWork else { return text }
    var output = HTMLOutput(capacity: text.utf8.count + 16)
    output.escaped(text)
    return output.text
  }
}
