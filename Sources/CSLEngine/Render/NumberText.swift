/// Numeric-variable helpers shared by rendering and sorting.
enum NumberText {
  /// The leading integer of a value ("12b" → 12).
  static func leadingInteger(_ text: String) -> Int? {
    let digits = text.trimmingSpaces().prefix { $0.isNumber && $0.isASCII }
    return Int(digits)
  }
}
