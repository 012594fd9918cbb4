/// Anchor ids for entities and sources.
public enum Anchor {
  /// A stable id made of `[a-z0-9-_.]`; other characters become `-`.
  public static func slug(_ text: String) -> String {
    var output = ""
    for scalar in text.lowercased().unicodeScalars {
      let isSafe =
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
      output.unicodeScalars.append(isSafe ? scalar : "-")
    }
    return output.isEmpty ? "x" : output
  }
}
