/// Anchor ids for entities and sources.
public enum Anchor {
  /// A stable id made of `[a-z0-9-_.]`; other characters become `-`.
  public static func slug(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSlug(text) }
    var output = ""
    for scalar in text.lowercased().unicodeScalars {
      let isSafe =
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
      output.unicodeScalars.append(isSafe ? scalar : "-")
    }
    return output.isEmpty ? "x" : output
  }

  /// The same slug for ASCII text, byte by byte (ids and keys are ASCII almost always).
  private static func asciiSlug(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
      let isSafe =
        (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower == 0x2D || lower == 0x5F
        || lower == 0x2E
      bytes.append(isSafe ? lower : 0x2D)
    }
    return bytes.isEmpty ? "x" : String(decoding: bytes, as: UTF8.self)
  }
}
